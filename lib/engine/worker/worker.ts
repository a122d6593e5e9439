/**
 * The worker loop: fire due timers, run invocations nobody runs, and advance runnable
 * executions (one transaction per run of states, each under a lease). It sleeps pollMs between
 * idle passes and wakes at once on notifyEngine(). stop() lets the current transaction finish
 * and releases this worker's leases.
 */
import { db } from '../../db/client';
import { advanceExecution, advanceExecutions } from '../advance/advance-execution';
import type { AdvanceResult } from '../advance/advance-result';
import { failOnEngineError } from '../advance/fail-on-engine-error';
import { findStaleInvocations, runInvocations } from '../invocations/run-invocations';
import { fireDueTimers } from '../timers/fire-due-timers';
import { findClaimableExecutions } from './claim-executions';
import { purgeExpressExecutions } from './purge-express';
import { notifier, notifyEngine, sleepUntilWoken, wakeCount } from './notifier';

/**
 * Executions taken per pass, advanced this many per call (the store writes a call's executions
 * in one short transaction, advance-batch.ts), for up to ROUNDS calls each.
 */
const BATCH = 200;
const PER_TRANSACTION = 50;
const ROUNDS = 20;
/** How often a worker deletes Express executions past their retention. */
const PURGE_EVERY_MS = 60_000;

export class Worker {
  private running = false;
  private loopDone?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastPurge = 0;

  constructor(
    readonly workerId: string,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void = (error) => console.error('[engine]', error),
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    notifyEngine();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
    await db.execution
      .updateMany({ where: { leaseOwner: this.workerId }, data: { leaseOwner: null, leaseUntil: null } })
      .catch(this.onError);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let busy = false;
      const wakes = wakeCount();
      try {
        busy = await this.tick();
      } catch (error) {
        this.onError(error);
      }
      if (!busy && this.running && wakeCount() === wakes) await sleepUntilWoken(this.pollMs);
      else await new Promise((resolve) => setImmediate(resolve)); // let I/O and background invocations run
    }
  }

  /** One pass over every kind of work; true when it did something. */
  async tick(): Promise<boolean> {
    // Runnable executions first: a wake-up after a commit (a completed token) goes straight to them.
    let work = 0;
    let ids = await findClaimableExecutions(this.workerId, BATCH);
    for (let round = 0; round < ROUNDS && ids.length > 0 && this.running; round++) {
      const next: string[] = [];
      for (let i = 0; i < ids.length && this.running; i += PER_TRANSACTION) {
        const results = await this.advanceBatch(ids.slice(i, i + PER_TRANSACTION));
        notifier.emit('committed', results);
        for (const [id, result] of results) {
          work += result.claimed ? 1 : 0;
          if (result.invocations.length > 0)
            this.background(runInvocations(result.invocations, this.workerId));
          if (result.claimed && result.runnable) next.push(id);
        }
      }
      ids = next;
    }
    work += await fireDueTimers();
    const stale = await findStaleInvocations();
    if (stale.length > 0) this.background(runInvocations(stale, this.workerId));
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await purgeExpressExecutions();
    }
    return work > 0; // background invocations notify the loop when they finish
  }

  /**
   * An execution whose step kept throwing fails with the error (States.Runtime). A batch that
   * throws (the store's claim or write) is run one execution at a time; one that still throws
   * fails alone.
   */
  private async advanceBatch(ids: string[]): Promise<Map<string, AdvanceResult>> {
    let results: Map<string, AdvanceResult>;
    try {
      results = await advanceExecutions(ids, this.workerId);
    } catch (error) {
      this.onError(error);
      results = new Map();
      for (const id of ids) {
        try {
          results.set(id, await advanceExecution(id, this.workerId));
        } catch (error) {
          results.set(id, { claimed: true, runnable: false, invocations: [], error });
        }
      }
    }
    for (const [id, result] of results) {
      if (result.error === undefined) continue;
      this.onError(result.error);
      await failOnEngineError(id, result.error).catch(this.onError);
      results.set(id, { claimed: true, runnable: false, invocations: [] });
    }
    return results;
  }

  private background(work: Promise<unknown>): void {
    const tracked = work.catch(this.onError).finally(() => {
      this.inFlight.delete(tracked);
      notifyEngine();
    });
    this.inFlight.add(tracked);
  }
}
