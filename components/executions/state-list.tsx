/**
 * Every state the run reached, in the order first entered: its status, when it was entered
 * and left, how often, its error, and its latest input and output (folded when long).
 */
import type { StateProgress } from '@/lib/asl/graph/run-progress';
import { JsonBlock, prettyJson } from './json-block';
import { formatUtcPrecise } from './format';
import { StateStatusBadge } from './state-status-badge';

/** Per state payload shown; the whole one is in the event history and the API. */
const STATE_PAYLOAD_CHARS = 10_000;

export function StateList({ states }: { states: Record<string, StateProgress> }) {
  const entries = Object.entries(states);
  if (entries.length === 0) return <p className="text-sm text-slate-600">No state has been entered yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {entries.map(([name, state]) => (
        <li key={name} className="space-y-2 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold break-all text-slate-900">{name}</h3>
            <StateStatusBadge status={state.status} />
            {state.entries > 1 && (
              <span className="text-xs text-slate-600">entered {state.entries} times</span>
            )}
          </div>
          <p className="text-xs text-slate-600">
            {state.enteredAt ? `Entered ${formatUtcPrecise(state.enteredAt)}` : ''}
            {state.exitedAt ? ` · left ${formatUtcPrecise(state.exitedAt)}` : ''}
          </p>
          {(state.error !== undefined || state.cause !== undefined) && (
            <p className="text-sm break-words text-red-800">
              <span className="font-mono font-medium">{state.error ?? 'Error'}</span>
              {state.cause ? `: ${state.cause}` : ''}
            </p>
          )}
          <div className="grid gap-3 md:grid-cols-2">
            {state.input !== undefined && (
              <JsonBlock
                label={`Input of ${name}`}
                json={prettyJson({ text: state.input })}
                fold="always"
                maxChars={STATE_PAYLOAD_CHARS}
              />
            )}
            {state.output !== undefined && (
              <JsonBlock
                label={`Output of ${name}`}
                json={prettyJson({ text: state.output })}
                fold="always"
                maxChars={STATE_PAYLOAD_CHARS}
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
