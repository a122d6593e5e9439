/**
 * The transitions a definition allows, for runProgress: each state's Next, Choice rules and
 * Default, and apart from them its Catch handlers. Nested branches and item processors are
 * walked too (state names are unique across a whole state machine).
 */
import { isObject } from '../json-utils';
import type { JsonValue } from '../json';

export interface DefinitionEdges {
  /** Next, Default and Choices[].Next, by state name */
  next: Map<string, Set<string>>;
  /** Catch[].Next, by state name */
  catches: Map<string, Set<string>>;
}

/** The edges of a definition given as an object or JSON text; undefined if it is neither. */
export function definitionEdges(definition: unknown): DefinitionEdges | undefined {
  let value: unknown = definition;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as JsonValue;
    } catch {
      return undefined;
    }
  }
  if (!isObject(value)) return undefined;
  const edges: DefinitionEdges = { next: new Map(), catches: new Map() };
  walkStates(value.States, edges);
  return edges;
}

function walkStates(states: JsonValue | undefined, edges: DefinitionEdges): void {
  if (!isObject(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const next = new Set<string>();
    addTarget(next, state.Next);
    addTarget(next, state.Default);
    for (const rule of arrayOf(state.Choices)) if (isObject(rule)) addTarget(next, rule.Next);
    const catches = new Set<string>();
    for (const catcher of arrayOf(state.Catch)) if (isObject(catcher)) addTarget(catches, catcher.Next);
    edges.next.set(name, next);
    edges.catches.set(name, catches);
    for (const branch of arrayOf(state.Branches)) if (isObject(branch)) walkStates(branch.States, edges);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (isObject(processor)) walkStates(processor.States, edges);
  }
}

function addTarget(targets: Set<string>, target: JsonValue | undefined): void {
  if (typeof target === 'string') targets.add(target);
}

function arrayOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}
