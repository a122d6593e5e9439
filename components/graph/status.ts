/** What happened to a state in a run, in words and colours (one palette for graph and tables). */
export type StateRunStatus = 'succeeded' | 'failed' | 'caught' | 'running' | 'waiting' | 'not-reached';

export const STATUS_LABELS: Record<StateRunStatus, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  caught: 'Caught an error',
  running: 'Running',
  waiting: 'Waiting for a person',
  'not-reached': 'Not reached',
};

/** Tailwind classes for a node's frame by status. */
export const STATUS_FRAME: Record<StateRunStatus, string> = {
  succeeded: 'border-green-600 bg-green-50',
  failed: 'border-red-600 bg-red-50',
  caught: 'border-orange-500 bg-orange-50',
  running: 'border-blue-600 bg-blue-50',
  waiting: 'border-amber-500 bg-amber-50',
  'not-reached': 'border-dashed border-slate-300 bg-slate-50',
};
