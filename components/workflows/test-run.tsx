'use client';
/**
 * "Test run": the draft runs in the browser through the same pure interpreter the engine uses
 * (lib/asl's in-memory driver), each Task answered by the result or error set here (an approval
 * by Approve or Reject, shaped as the real decision record). Nothing is saved or started. The
 * steps taken are listed with their input and output and coloured on the graph.
 */
import { FlaskConical, Play } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { decisionRecord } from '@/lib/approvals/decision-record';
import { runInMemory, type InMemoryResult } from '@/lib/asl/driver';
import { buildWorkflowGraph } from '@/lib/asl/graph/graph-model';
import { runProgress } from '@/lib/asl/graph/run-progress';
import type { Definition, HistoryEvent, JsonValue } from '@/lib/asl/types';
import type { GraphProgress } from '@/components/graph/workflow-graph';

type Answer =
  | { kind: 'approval'; decision: 'approve' | 'reject'; comment: string; onReject: 'fail' | 'output' }
  | { kind: 'return'; output: string }
  | { kind: 'throw'; error: string; cause: string };

interface TaskState {
  name: string;
  resource: string;
  approval: boolean;
  onReject: 'fail' | 'output';
}

interface Step {
  name: string;
  type: string;
  input?: JsonValue;
  output?: JsonValue;
  error?: string;
}

function tasksOf(definition: unknown): TaskState[] {
  const seen = new Map<string, TaskState>();
  for (const node of buildWorkflowGraph(definition).nodes) {
    if (node.type !== 'Task' || seen.has(node.label)) continue;
    const state = (node.definition ?? {}) as { Resource?: unknown; Parameters?: { OnReject?: unknown } };
    seen.set(node.label, {
      name: node.label,
      resource: typeof state.Resource === 'string' ? state.Resource : '',
      approval: node.approvers !== undefined,
      onReject: state.Parameters?.OnReject === 'output' ? 'output' : 'fail',
    });
  }
  return [...seen.values()];
}

function parseJson(text: string, what: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The answer a Task gets, as the in-memory driver's task handler returns it. */
function answerFor(task: TaskState, answer: Answer | undefined) {
  const given: Answer = answer ?? (task.approval ? defaultApproval(task) : { kind: 'return', output: '{}' });
  if (given.kind === 'throw')
    return { error: given.error || 'States.TaskFailed', cause: given.cause || undefined };
  if (given.kind === 'return') return { output: parseJson(given.output, `The result of ${task.name}`) };
  const verdict = given.decision === 'approve' ? 'approved' : 'rejected';
  const now = new Date();
  const record = decisionRecord(verdict, now, [
    {
      byEmail: 'test-run@signoff.local',
      decision: verdict,
      at: now,
      comment: given.comment || null,
      form: '{}',
      via: 'test-run',
    },
  ]);
  return verdict === 'rejected' && given.onReject === 'fail'
    ? { error: 'Approval.Rejected', cause: JSON.stringify(record) }
    : { output: record };
}

const defaultApproval = (task: TaskState): Answer => ({
  kind: 'approval',
  decision: 'approve',
  comment: '',
  onReject: task.onReject,
});

/** The steps in the order they ended (or stopped), with input and output. */
function stepsOf(history: HistoryEvent[]): Step[] {
  const open = new Map<string, Step>();
  const steps: Step[] = [];
  for (const event of history) {
    const entered = event.stateEnteredEventDetails as { name: string; input?: string } | undefined;
    const exited = event.stateExitedEventDetails as { name: string; output?: string } | undefined;
    if (entered) {
      const step: Step = { name: entered.name, type: event.type.replace(/StateEntered$/, '') };
      if (entered.input !== undefined) step.input = safeParse(entered.input);
      open.set(entered.name, step);
      steps.push(step);
    } else if (exited) {
      const step = open.get(exited.name);
      if (step && exited.output !== undefined) step.output = safeParse(exited.output);
      open.delete(exited.name);
    } else if (event.type.endsWith('Failed')) {
      const details = Object.values(event).find(
        (v): v is { error?: string } => typeof v === 'object' && v !== null && 'error' in v,
      );
      const last = steps.at(-1);
      if (last && details?.error && !last.error && open.has(last.name)) last.error = details.error;
    }
  }
  return steps;
}

function safeParse(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

export function TestRun({
  definition,
  valid,
  onProgress,
}: {
  definition: string;
  valid: boolean;
  onProgress: (progress: GraphProgress | undefined) => void;
}) {
  const id = useId();
  const tasks = useMemo(() => (valid ? tasksOf(definition) : []), [definition, valid]);
  const [input, setInput] = useState('{}');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [outcome, setOutcome] = useState<
    { result: InMemoryResult; steps: Step[] } | { problem: string } | null
  >(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    try {
      const parsedInput = parseJson(input, 'The input');
      const byName = new Map(tasks.map((t) => [t.name, t]));
      const answerOf = new Map(tasks.map((t) => [t.name, answerFor(t, answers[t.name])]));
      const result = await runInMemory(JSON.parse(definition) as Definition, parsedInput, {
        startTime: new Date(),
        tasks: ({ stateName }) =>
          answerOf.get(stateName) ??
          (byName.has(stateName)
            ? { output: {} }
            : { error: 'States.Runtime', cause: `No answer for ${stateName}` }),
      });
      setOutcome({ result, steps: stepsOf(result.history) });
      onProgress(runProgress(result.history, definition));
    } catch (error) {
      setOutcome({ problem: (error as Error).message });
      onProgress(undefined);
    } finally {
      setRunning(false);
    }
  }

  const set = (name: string, answer: Answer) => setAnswers((a) => ({ ...a, [name]: answer }));

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="flex items-center gap-2 text-lg font-semibold">
          <FlaskConical aria-hidden className="size-5 text-violet-700" /> Test run
        </h2>
        <p className="text-sm text-slate-600">
          Runs the draft here in your browser. Nothing is saved or started.
        </p>
      </div>
      {!valid ? (
        <p className="text-sm text-slate-700">Fix the problems above to try the draft.</p>
      ) : (
        <>
          <div className="grid gap-3 md:grid-cols-2">
            <label className="block text-sm">
              <span className="font-medium text-slate-900">Test input (JSON)</span>
              <textarea
                value={input}
                onChange={(e) => setInput(e.target.value)}
                rows={5}
                spellCheck={false}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs"
              />
            </label>
            <fieldset className="space-y-2 text-sm">
              <legend className="font-medium text-slate-900">What each Task answers</legend>
              {tasks.length === 0 && <p className="text-slate-600">This workflow has no Task states.</p>}
              {tasks.map((task) => (
                <TaskAnswer
                  key={task.name}
                  task={task}
                  answer={answers[task.name]}
                  onChange={(a) => set(task.name, a)}
                />
              ))}
            </fieldset>
          </div>
          <button
            type="button"
            onClick={run}
            disabled={running}
            className="inline-flex items-center gap-1.5 rounded-md bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800 disabled:opacity-60"
          >
            <Play aria-hidden className="size-4" /> Run test
          </button>
          <div aria-live="polite">{outcome && <TestOutcome outcome={outcome} />}</div>
        </>
      )}
    </section>
  );
}

function TaskAnswer({
  task,
  answer,
  onChange,
}: {
  task: TaskState;
  answer: Answer | undefined;
  onChange: (a: Answer) => void;
}) {
  const current =
    answer ?? (task.approval ? defaultApproval(task) : ({ kind: 'return', output: '{}' } as Answer));
  const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white p-1.5 text-xs';
  if (current.kind === 'approval')
    return (
      <div className="rounded-md border border-emerald-200 p-2">
        <label className="block">
          <span className="font-medium">{task.name}</span>{' '}
          <span className="text-slate-600">(people step)</span>
          <select
            aria-label={`Decision for ${task.name}`}
            value={current.decision}
            onChange={(e) => onChange({ ...current, decision: e.target.value as 'approve' | 'reject' })}
            className={field}
          >
            <option value="approve">Approve</option>
            <option value="reject">Reject</option>
          </select>
        </label>
        <label className="mt-1 block text-xs">
          Comment
          <input
            value={current.comment}
            onChange={(e) => onChange({ ...current, comment: e.target.value })}
            className={field}
          />
        </label>
      </div>
    );
  return (
    <div className="rounded-md border border-slate-200 p-2">
      <label className="block">
        <span className="font-medium">{task.name}</span>{' '}
        <span className="break-all text-slate-600">({task.resource || 'Task'})</span>
        <select
          aria-label={`Answer for ${task.name}`}
          value={current.kind}
          onChange={(e) =>
            onChange(
              e.target.value === 'throw'
                ? { kind: 'throw', error: 'States.TaskFailed', cause: '' }
                : { kind: 'return', output: '{}' },
            )
          }
          className={field}
        >
          <option value="return">Returns a result</option>
          <option value="throw">Fails with an error</option>
        </select>
      </label>
      {current.kind === 'return' ? (
        <label className="mt-1 block text-xs">
          Result (JSON)
          <textarea
            value={current.output}
            rows={2}
            spellCheck={false}
            onChange={(e) => onChange({ kind: 'return', output: e.target.value })}
            className={`${field} font-mono`}
          />
        </label>
      ) : (
        <div className="mt-1 grid grid-cols-2 gap-2 text-xs">
          <label>
            Error
            <input
              value={current.error}
              onChange={(e) => onChange({ ...current, error: e.target.value })}
              className={field}
            />
          </label>
          <label>
            Cause
            <input
              value={current.cause}
              onChange={(e) => onChange({ ...current, cause: e.target.value })}
              className={field}
            />
          </label>
        </div>
      )}
    </div>
  );
}

function TestOutcome({
  outcome,
}: {
  outcome: { result: InMemoryResult; steps: Step[] } | { problem: string };
}) {
  if ('problem' in outcome) return <p className="text-sm text-red-700">{outcome.problem}</p>;
  const { result, steps } = outcome;
  const ok = result.status === 'SUCCEEDED';
  return (
    <div className="space-y-2 text-sm">
      <p className={`font-medium ${ok ? 'text-green-700' : 'text-red-700'}`} data-testid="test-run-status">
        Test run {ok ? 'succeeded' : 'failed'} after {steps.length} step{steps.length === 1 ? '' : 's'}
        {!ok && result.error ? `: ${result.error}` : ''}
      </p>
      {!ok && result.cause && <p className="break-words text-slate-700">{result.cause}</p>}
      <ol
        aria-label="Steps of the test run"
        className="divide-y divide-slate-100 rounded-md border border-slate-200"
      >
        {steps.map((step, i) => (
          <li key={`${step.name}-${i}`} className="px-3 py-2">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium text-slate-900">{step.name}</span>{' '}
                <span className="text-slate-600">{step.type}</span>
                {step.error && <span className="text-red-700"> · {step.error}</span>}
              </summary>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                <JsonBlock title="Input" value={step.input} />
                <JsonBlock title="Output" value={step.output} />
              </div>
            </details>
          </li>
        ))}
      </ol>
      {ok && <JsonBlock title="Output of the workflow" value={result.output} />}
    </div>
  );
}

function JsonBlock({ title, value }: { title: string; value: JsonValue | undefined }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-600">{title}</p>
      <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
        {value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
