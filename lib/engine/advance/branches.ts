/**
 * Parallel branches and Map iterations as child frames. All children are written when the
 * state starts (PENDING); at most MaxConcurrency of them run, and the next starts when one
 * ends. A failure that is not tolerated aborts the siblings; otherwise the parent joins once
 * every child ended, through the interpreter's joinBranches (which applies the thresholds).
 */
import { mapIterationEvent, type BranchOutcome, type Effect } from '../../asl';
import { abortFrames } from './abort-frames';
import { startMapRun } from './map-run';
import type { JoinBook, LiveFrame } from './live-frame';
import type { Session } from './session';

type StartBranches = Extract<Effect, { type: 'StartBranches' }>;

export async function startBranches(
  session: Session,
  parent: LiveFrame,
  effect: StartBranches,
): Promise<void> {
  if (effect.kind === 'Map' && effect.distributed) return startMapRun(session, parent, effect);
  // A retried (or re-entered) Parallel/Map starts over: the previous attempt's children go.
  session.deleteChildren(parent);
  const total = effect.branches.length;
  if (total === 0) return session.wake(parent, { type: 'BranchesCompleted', outcomes: [] });
  const map = effect.kind === 'Map' ? effect : undefined;
  parent.join = {
    kind: effect.kind,
    total,
    running: 0,
    done: 0,
    maxConcurrency: map?.maxConcurrency ?? 0,
    tolerant:
      map !== undefined &&
      (map.toleratedFailureCount !== undefined || map.toleratedFailurePercentage !== undefined),
  };
  const children = effect.branches.map((branch, index) =>
    session.adopt({
      id: session.newId(),
      parentFrameId: parent.id,
      parentState: parent.stateName,
      index,
      status: 'PENDING',
      stateName: branch.definition.StartAt,
      input: branch.input,
      variables: { ...effect.variables },
      lastEventId: parent.lastEventId,
      path: [...parent.path, parent.stateName, map ? -1 : index],
      ...(branch.item ? { mapItem: branch.item } : {}),
      isNew: true,
      dirty: false,
    }),
  );
  const limit = parent.join.maxConcurrency > 0 ? Math.min(parent.join.maxConcurrency, total) : total;
  for (let i = 0; i < limit; i++) startChild(session, parent, children[i]);
}

/**
 * Starts a child. A Map iteration records MapIterationStarted when it first steps (see
 * announceIteration), so its events follow each other as the in-memory driver numbers them.
 */
export function startChild(session: Session, parent: LiveFrame, child: LiveFrame): void {
  const book = parent.join as JoinBook;
  if (book.kind === 'Map') child.lastEventId = NOT_ANNOUNCED;
  book.running += 1;
  parent.dirty = true;
  session.wake(child);
}

/** Marks a Map iteration that has not recorded MapIterationStarted yet. */
export const NOT_ANNOUNCED = -1;

/** Records MapIterationStarted for an iteration about to take its first step. */
export function announceIteration(session: Session, child: LiveFrame): void {
  const path = child.path;
  const parentState = String(path[path.length - 2]);
  child.lastEventId = 0;
  session.record(
    child,
    mapIterationEvent('Started', parentState, child.index, session.cursor(undefined), session.env),
  );
}

/** A child ended: record it, then join, abort the siblings, or start the next pending child. */
export async function childEnded(session: Session, child: LiveFrame): Promise<void> {
  const parent = await session.frame(child.parentFrameId as string);
  const book = parent.join;
  if (parent.status !== 'WAITING' || !book) return;
  if (book.kind === 'Map') {
    const phase = child.status === 'SUCCEEDED' ? 'Succeeded' : 'Failed';
    session.record(
      child,
      mapIterationEvent(phase, parent.stateName, child.index, session.cursor(child), session.env),
    );
  }
  book.running -= 1;
  book.done += 1;
  parent.dirty = true;
  if (child.status === 'FAILED' && !book.tolerant) {
    await abortFrames(session, [parent.id], {
      kind: book.kind === 'Map' ? 'map-item-failed' : 'branch-failed',
      stateName: parent.stateName,
    });
    const failure: BranchOutcome = {
      status: 'FAILED',
      error: child.error ?? null,
      ...(child.cause != null ? { cause: child.cause } : {}),
    };
    return session.wake(parent, { type: 'BranchesCompleted', outcomes: [failure] });
  }
  if (book.done >= book.total)
    return session.wake(parent, {
      type: 'BranchesCompleted',
      outcomes: await collectOutcomes(session, parent),
    });
  if (book.maxConcurrency > 0 && book.running >= book.maxConcurrency) return;
  const next = await nextPendingChild(session, parent);
  if (next) startChild(session, parent, next);
}

async function nextPendingChild(session: Session, parent: LiveFrame): Promise<LiveFrame | undefined> {
  const [next] = await session.framesUnder([parent.id], ['PENDING'], 1);
  return next;
}

async function collectOutcomes(session: Session, parent: LiveFrame): Promise<BranchOutcome[]> {
  const children = await session.framesUnder([parent.id]);
  return children.map((child) =>
    child.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', output: child.output ?? null }
      : {
          status: 'FAILED',
          error: child.error ?? null,
          ...(child.cause != null ? { cause: child.cause } : {}),
        },
  );
}
