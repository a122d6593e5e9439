/** StartAt, Next, Default, Choices[].Next and Catch[].Next must name a state of their namespace. */
import { type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { type JsonRecord, isRecord, quote } from './json-type';
import { joinPointer } from './pointer';
import { didYouMean } from './suggest';

/** One edge of the state graph: the target name and the pointer of the field naming it. */
export interface Transition {
  from: string;
  target: string;
  path: string;
}

function nextOfEach(list: unknown, from: string, listPath: string): Transition[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) =>
    isRecord(item) && typeof item.Next === 'string'
      ? [{ from, target: item.Next, path: joinPointer(listPath, i, 'Next') }]
      : [],
  );
}

/** Every transition out of one state (only string-valued targets; types are checked elsewhere). */
function transitionsOf(name: string, state: unknown, statePath: string): Transition[] {
  if (!isRecord(state)) return [];
  const edges: Transition[] = [];
  for (const field of ['Next', 'Default']) {
    const target = state[field];
    if (typeof target === 'string') edges.push({ from: name, target, path: joinPointer(statePath, field) });
  }
  edges.push(...nextOfEach(state.Choices, name, joinPointer(statePath, 'Choices')));
  edges.push(...nextOfEach(state.Catch, name, joinPointer(statePath, 'Catch')));
  return edges;
}

/** Every transition of a namespace (one `States` object). */
export function transitionsIn(states: JsonRecord, statesPath: string): Transition[] {
  return Object.entries(states).flatMap(([name, state]) =>
    transitionsOf(name, state, joinPointer(statesPath, name)),
  );
}

/** Reports one UNKNOWN_STATE, with a suggestion when a name is close. */
function checkStateReference(
  target: string,
  path: string,
  names: readonly string[],
  ctx: ValidationContext,
): void {
  if (names.includes(target)) return;
  report(
    ctx,
    path,
    DiagnosticCode.UNKNOWN_STATE,
    `state ${quote(target)} does not exist${didYouMean(target, names) || '.'}`,
  );
}

/** Checks StartAt and every transition of a namespace against its state names. */
export function checkReferences(
  machine: JsonRecord,
  states: JsonRecord,
  machinePath: string,
  ctx: ValidationContext,
): void {
  const names = Object.keys(states);
  if (typeof machine.StartAt === 'string')
    checkStateReference(machine.StartAt, joinPointer(machinePath, 'StartAt'), names, ctx);
  for (const edge of transitionsIn(states, joinPointer(machinePath, 'States')))
    checkStateReference(edge.target, edge.path, names, ctx);
}
