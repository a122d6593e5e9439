/**
 * What happened to each state of a run, read from its history events (AWS-shaped, as the
 * engine and the in-memory driver write them): its status, latest input and output, times and
 * how often it was entered, plus the transitions taken (`From->To`), for colouring the graph.
 *
 * Events are tied to a state's entry by `previousEventId`, which points back to the previous
 * event of the same branch or iteration, so interleaved Parallel branches and Map iterations
 * stay apart. A `StateEntered` whose previous event is another state's `StateExited` is a
 * transition. The in-memory driver numbers Parallel branches one after the other, so a branch
 * can seem to follow the previous branch's last state: given the definition, only transitions
 * it allows count; without it, only those whose input is the exited state's output.
 */
import { isObject } from '../json-utils';
import type { JsonObject } from '../json';
import type { Definition, HistoryEvent } from '../types';
import { definitionEdges, type DefinitionEdges } from './run-progress-definition';

/** A reached state's status (a state absent from `states` was not reached). */
export type StateProgressStatus = 'succeeded' | 'failed' | 'caught' | 'running' | 'waiting';

export interface StateProgress {
  status: StateProgressStatus;
  /** the latest entry's input, JSON text as recorded */
  input?: string;
  /** the latest entry's output, JSON text, once it exited */
  output?: string;
  /** for 'failed' and 'caught': the error, when the history names it */
  error?: string;
  cause?: string;
  /** ISO times of the latest entry */
  enteredAt?: string;
  exitedAt?: string;
  /** how many times it was entered (Map iterations, loops, redrives) */
  entries: number;
}

export interface RunProgress {
  states: Record<string, StateProgress>;
  /** `From->To` for each transition made, once each, in the order first made */
  taken: string[];
}

interface Failure {
  error?: string;
  cause?: string;
}

interface Entry {
  name: string;
  /** the state's Type, from `<Type>StateEntered` */
  type: string;
  /** the Parallel or Map entry whose branch or iteration this entry runs in */
  parent: Entry | null;
  status: StateProgressStatus | 'open';
  input?: string;
  enteredAt: string;
  output?: string;
  exitedAt?: string;
  waiting: boolean;
  /** the failure since the state last started its work (a retry clears it) */
  failure?: Failure;
  /** the failure of a branch or iteration inside (Parallel / Map) */
  childFailure?: Failure;
  error?: string;
  cause?: string;
  /** its work was started again (a Parallel/Map retry, a redrive): later entries count */
  superseded: boolean;
  /** Parallel / Map: how many times its branches were started */
  starts: number;
}

/** Task-like events whose failure the state may retry or catch (`<x>Failed` / `<x>TimedOut`). */
const OWN_ENDINGS = new Set(['ExecutionFailed', 'ExecutionTimedOut', 'MapIterationFailed', 'MapRunFailed']);
const CONTAINER_ENDS: Record<string, { kind: string; failed: boolean }> = {
  ParallelStateSucceeded: { kind: 'Parallel', failed: false },
  ParallelStateFailed: { kind: 'Parallel', failed: true },
  MapStateSucceeded: { kind: 'Map', failed: false },
  MapStateFailed: { kind: 'Map', failed: true },
};
const WORK_STARTS = new Set([
  'TaskScheduled',
  'ActivityScheduled',
  'ParallelStateStarted',
  'MapStateStarted',
]);

/** Status, payloads and times per reached state, and the transitions taken. */
export function runProgress(events: readonly HistoryEvent[], definition?: Definition | string): RunProgress {
  const reader = new HistoryReader(definition === undefined ? undefined : definitionEdges(definition));
  for (const event of inOrder(events)) reader.read(event);
  return { states: summarize(reader.entries), taken: [...reader.taken] };
}

function inOrder(events: readonly HistoryEvent[]): readonly HistoryEvent[] {
  for (let i = 1; i < events.length; i++)
    if (events[i].id < events[i - 1].id) return [...events].sort((a, b) => a.id - b.id);
  return events;
}

/** The `<type>EventDetails` member of an event (StateEntered/Exited share theirs). */
function detailsOf(event: HistoryEvent): JsonObject | undefined {
  const type = event.type;
  const key = type.endsWith('StateEntered')
    ? 'stateEnteredEventDetails'
    : type.endsWith('StateExited')
      ? 'stateExitedEventDetails'
      : `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
  const details = event[key];
  return isObject(details) ? details : undefined;
}

function text(details: JsonObject | undefined, field: string): string | undefined {
  const value = details?.[field];
  return typeof value === 'string' ? value : undefined;
}

function failureOf(details: JsonObject | undefined): Failure {
  return { error: text(details, 'error'), cause: text(details, 'cause') };
}

/** A callback task: `.waitForTaskToken`, or an approval (a person decides). */
function isCallback(details: JsonObject | undefined): boolean {
  const resource = `${text(details, 'resourceType') ?? ''}:${text(details, 'resource') ?? ''}`;
  return resource.includes('.waitForTaskToken') || /approval/i.test(resource);
}

class HistoryReader {
  readonly entries: Entry[] = [];
  readonly taken = new Set<string>();
  private readonly byId = new Map<number, HistoryEvent>();
  private readonly owner = new Map<number, Entry>();
  private readonly open = new Set<Entry>();

  constructor(private readonly edges: DefinitionEdges | undefined) {}

  read(event: HistoryEvent): void {
    this.byId.set(event.id, event);
    const previous = this.byId.get(event.previousEventId);
    const from = this.owner.get(event.previousEventId);
    const type = event.type;
    const details = detailsOf(event);
    let owner: Entry | undefined = from;
    if (type.endsWith('StateEntered')) owner = this.enter(event, details, previous, from);
    else if (type.endsWith('StateExited')) owner = this.exit(event, details, from);
    else if (type.startsWith('MapIteration')) owner = this.iteration(type, details, from);
    else if (type in CONTAINER_ENDS) owner = this.containerEnded(type, from);
    else if (type === 'ExecutionFailed' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted') {
      this.executionEnded(failureOf(details), from);
      return;
    } else if (type === 'ExecutionRedriven') {
      for (const entry of this.entries) if (entry.status === 'failed') entry.superseded = true;
      return;
    } else if (type.startsWith('Execution')) return;
    else if (from) this.work(type, details, from);
    if (owner) this.owner.set(event.id, owner);
  }

  private enter(
    event: HistoryEvent,
    details: JsonObject | undefined,
    previous: HistoryEvent | undefined,
    from: Entry | undefined,
  ): Entry {
    const entry: Entry = {
      name: text(details, 'name') ?? '',
      type: event.type.slice(0, -'StateEntered'.length),
      parent: null,
      status: 'open',
      input: text(details, 'input'),
      enteredAt: event.timestamp,
      waiting: false,
      superseded: false,
      starts: 0,
    };
    const opensBranch = previous?.type === 'ParallelStateStarted' || previous?.type === 'MapIterationStarted';
    entry.parent = (opensBranch ? from : from?.parent) ?? null;
    if (previous?.type.endsWith('StateExited') && from) this.transition(from, entry);
    this.entries.push(entry);
    if (entry.type === 'Fail') this.fail(entry);
    else this.open.add(entry);
    return entry;
  }

  private transition(from: Entry, to: Entry): void {
    const allowed = this.edges
      ? (this.edges.next.get(from.name)?.has(to.name) ?? false) ||
        (this.edges.catches.get(from.name)?.has(to.name) ?? false)
      : from.output === to.input;
    if (!allowed) return;
    this.taken.add(`${from.name}->${to.name}`);
    const onlyCatch = this.edges && !this.edges.next.get(from.name)?.has(to.name);
    if (onlyCatch && from.status === 'succeeded') from.status = 'caught';
  }

  private exit(
    event: HistoryEvent,
    details: JsonObject | undefined,
    from: Entry | undefined,
  ): Entry | undefined {
    const name = text(details, 'name');
    const entry =
      from && from.name === name && this.open.has(from) ? from : this.latestOpen((e) => e.name === name);
    if (!entry) return from;
    this.open.delete(entry);
    entry.output = text(details, 'output');
    entry.exitedAt = event.timestamp;
    entry.waiting = false;
    if (entry.failure) {
      entry.status = 'caught';
      entry.error = entry.failure.error;
      entry.cause = entry.failure.cause;
    } else entry.status = 'succeeded';
    return entry;
  }

  /** Task, activity and container events of an entry. */
  private work(type: string, details: JsonObject | undefined, entry: Entry): void {
    if (WORK_STARTS.has(type)) {
      entry.failure = undefined;
      if (type === 'ParallelStateStarted' || type === 'MapStateStarted') this.branchesStarted(entry);
    }
    if (type === 'TaskScheduled' || type === 'TaskSubmitted') entry.waiting ||= isCallback(details);
    else if (type.endsWith('Succeeded')) entry.waiting = false;
    else if ((type.endsWith('Failed') || type.endsWith('TimedOut')) && !OWN_ENDINGS.has(type)) {
      entry.waiting = false;
      entry.failure = failureOf(details);
    }
  }

  private branchesStarted(entry: Entry): void {
    entry.starts += 1;
    entry.childFailure = undefined;
    if (entry.starts === 1) return;
    for (const e of this.entries) if (e !== entry && this.within(e, entry)) e.superseded = true;
  }

  private iteration(
    type: string,
    details: JsonObject | undefined,
    from: Entry | undefined,
  ): Entry | undefined {
    const name = text(details, 'name');
    const map = this.latestOpen((e) => e.type === 'Map' && e.name === name) ?? from;
    if (type === 'MapIterationFailed' && from && from !== map && this.open.has(from)) this.fail(from);
    return map;
  }

  private containerEnded(type: string, from: Entry | undefined): Entry | undefined {
    const { kind, failed } = CONTAINER_ENDS[type];
    let container: Entry | null | undefined = from;
    while (container && !(container.type === kind && this.open.has(container))) container = container.parent;
    container ??= this.latestOpen((e) => e.type === kind);
    if (!container) return from;
    for (const entry of [...this.open])
      if (entry !== container && this.within(entry, container)) this.fail(entry);
    if (failed) container.failure = container.childFailure ?? {};
    return container;
  }

  private executionEnded(failure: Failure, from: Entry | undefined): void {
    if (from && (this.open.has(from) || (from.status === 'failed' && from.error === undefined)))
      this.fail(from, failure);
    for (const entry of [...this.open]) this.fail(entry, failure);
  }

  /** Ends an entry as failed with its own failure, else `fallback`; its containers learn why. */
  private fail(entry: Entry, fallback?: Failure): void {
    this.open.delete(entry);
    entry.status = 'failed';
    entry.waiting = false;
    const failure = entry.failure?.error !== undefined ? entry.failure : (fallback ?? entry.failure);
    entry.error ??= failure?.error;
    entry.cause ??= failure?.cause;
    for (let parent = entry.parent; parent; parent = parent.parent)
      if (entry.error !== undefined) parent.childFailure ??= { error: entry.error, cause: entry.cause };
  }

  private within(entry: Entry, container: Entry): boolean {
    for (let parent = entry.parent; parent; parent = parent.parent) if (parent === container) return true;
    return false;
  }

  private latestOpen(test: (entry: Entry) => boolean): Entry | undefined {
    let found: Entry | undefined;
    for (const entry of this.open) if (test(entry)) found = entry;
    return found;
  }
}

/**
 * One StateProgress per state. Entries in the latest Parallel/Map run of their container count
 * (every iteration of that Map; one pass of a loop): waiting wins, then running, then failed,
 * else the latest entry's status. Entries superseded by a retry or redrive count only alone.
 */
function summarize(entries: readonly Entry[]): Record<string, StateProgress> {
  const byName = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byName.get(entry.name);
    if (list) list.push(entry);
    else byName.set(entry.name, [entry]);
  }
  const states: Record<string, StateProgress> = {};
  for (const [name, list] of byName) states[name] = summarizeState(list);
  return states;
}

function summarizeState(list: Entry[]): StateProgress {
  const live = list.filter((e) => !e.superseded);
  const pool = live.length > 0 ? live : list;
  const latest = pool[pool.length - 1];
  const group = pool.filter((e) => e.parent === latest.parent);
  const deciding =
    group.findLast((e) => e.status === 'open' && e.waiting) ??
    group.findLast((e) => e.status === 'open') ??
    group.findLast((e) => e.status === 'failed') ??
    latest;
  const status: StateProgressStatus =
    deciding.status === 'open' ? (deciding.waiting ? 'waiting' : 'running') : deciding.status;
  const progress: StateProgress = { status, entries: list.length, enteredAt: latest.enteredAt };
  if (latest.input !== undefined) progress.input = latest.input;
  if (latest.output !== undefined) progress.output = latest.output;
  if (latest.exitedAt !== undefined) progress.exitedAt = latest.exitedAt;
  if ((status === 'failed' || status === 'caught') && deciding.error !== undefined) {
    progress.error = deciding.error;
    if (deciding.cause !== undefined) progress.cause = deciding.cause;
  }
  return progress;
}
