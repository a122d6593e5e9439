/**
 * What an EXPRESS state machine may not contain, as AWS refuses it at create: a Task that waits
 * for something outside the run (`.sync`, `.sync:2`, `.waitForTaskToken`), an activity, and here
 * also Signoff's human steps (`approval`, which waits for a person). Checked on a definition the
 * validator already accepted; every Task, in branches and item processors too, at its pointer.
 */
import { type Diagnostic, DiagnosticCode } from './diagnostic';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

function problemOf(resource: string): string | undefined {
  const pattern = /\.(sync(?::2)?|waitForTaskToken)$/.exec(resource)?.[0];
  if (pattern) return `Express state machine does not support '${pattern}' service integration.`;
  if (resource.startsWith('activity:') || /^arn:aws[a-z-]*:states:[^:]*:[^:]*:activity:/.test(resource))
    return 'Express state machine does not support Activities.';
  if (resource === 'approval')
    return 'Express state machine does not support approval steps: they wait for a person.';
  return undefined;
}

function visit(states: unknown, base: string, out: Diagnostic[]): void {
  if (!isObject(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const path = `${base}/States/${escape(name)}`;
    if (state.Type === 'Task' && typeof state.Resource === 'string') {
      const message = problemOf(state.Resource);
      if (message)
        out.push({
          path: `${path}/Resource`,
          code: DiagnosticCode.INVALID_RESOURCE,
          message,
          severity: 'ERROR',
        });
    }
    if (Array.isArray(state.Branches))
      state.Branches.forEach((branch, i) =>
        visit(isObject(branch) ? branch.States : undefined, `${path}/Branches/${i}`, out),
      );
    for (const key of ['ItemProcessor', 'Iterator'])
      if (isObject(state[key])) visit((state[key] as Json).States, `${path}/${key}`, out);
  }
}

/** The problems that keep `definition` from being an EXPRESS state machine (none: it may be). */
export function expressProblems(definition: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (isObject(definition)) visit(definition.States, '', out);
  return out;
}
