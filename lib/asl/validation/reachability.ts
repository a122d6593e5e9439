/** States no path from StartAt reaches: a WARNING, as they can never run. */
import { type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { type JsonRecord, hasOwn, quote } from './json-type';
import { joinPointer } from './pointer';
import { transitionsIn } from './references';

/** The names reachable from `startAt` through Next, Default, Choices and Catch. */
function reachableStates(startAt: string, states: JsonRecord, statesPath: string): Set<string> {
  const edges = new Map<string, string[]>();
  for (const edge of transitionsIn(states, statesPath))
    edges.set(edge.from, [...(edges.get(edge.from) ?? []), edge.target]);
  const seen = new Set<string>();
  const queue = hasOwn(states, startAt) ? [startAt] : [];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(edges.get(name) ?? []).filter((target) => hasOwn(states, target)));
  }
  return seen;
}

/** Warns about each unreachable state of a namespace (skipped when StartAt is unusable). */
export function checkReachability(
  machine: JsonRecord,
  states: JsonRecord,
  machinePath: string,
  ctx: ValidationContext,
): void {
  if (typeof machine.StartAt !== 'string' || !hasOwn(states, machine.StartAt)) return;
  const statesPath = joinPointer(machinePath, 'States');
  const reachable = reachableStates(machine.StartAt, states, statesPath);
  for (const name of Object.keys(states)) {
    if (!reachable.has(name)) {
      report(
        ctx,
        joinPointer(statesPath, name),
        DiagnosticCode.UNREACHABLE_STATE,
        `state ${quote(name)} is never reached from StartAt ${quote(machine.StartAt)}.`,
        'WARNING',
      );
    }
  }
}
