/**
 * The worker loop: fire due timers, run invocations nobody runs, and advance runnable
 * executions (one transaction per run of states, each under a lease). It sleeps pollMs between
 * idle passes and wakes at once on notifyEngine(). stop() lets the current transaction finish
 * and releases this worker's leases.
 */
import { db } from '../../db/client';
import { advanceExecution } from '../advance/advance-execution';
import { findStaleInvocations, runInvocations } from '../invocations/run-invocations';
import { fireDueTimers } from '../timers/fire-due-timers';
import { findClaimableExecutions } from './claim-executions';
import { notifyEngine, sleepUntilWoken } from './notifier';

const BATCH = 100;
const ROUNDS_PER_EXECUTION = 20;

export class Worker {
  private running = false;
  private loopDone?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();

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
    await db.execution.updateMany({ where: { leaseOwner: this.workerId }, data: { leaseOwner: null, leaseUntil: null } }).catch(this.onError);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        busy = await this.tick();
      } catch (error) {
        this.onError(error);
      }
      if (!busy && this.running) await sleepUntilWoken(this.pollMs);
    }
  }

  /** One pass over every kind of work; true when it did something. */
  async tick(): Promise<boolean> {
    let work = await fireDueTimers();
    const stale = await findStaleInvocations();
    if (stale.length > 0) this.background(runInvocations(stale, this.workerId));
    for (const id of await findClaimableExecutions(this.workerId, BATCH)) {
      if (!this.running) break;
      work += await this.advance(id);
    }
    return work > 0;
  }

  private async advance(executionId: string): Promise<number> {
    let rounds = 0;
    for (; rounds < ROUNDS_PER_EXECUTION; rounds++) {
      const result = await advanceExecution(executionId, this.workerId);
      if (result.invocations.length > 0) this.background(runInvocations(result.invocations, this.workerId));
      if (!result.claimed || !result.runnable || !this.running) return rounds + 1;
    }
    return rounds;
  }

  private background(work: Promise<unknown>): void {
    const tracked = work.catch(this.onError).finally(() => {
      this.inFlight.delete(tracked);
      notifyEngine();
    });
    this.inFlight.add(tracked);
  }
}
