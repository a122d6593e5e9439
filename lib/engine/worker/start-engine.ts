/**
 * Starts this process's worker once (Next.js's instrumentation, `npm run worker`, tests).
 * The worker id names the lease owner; a restarted worker with the same id (SIGNOFF_WORKER_ID)
 * takes its own leases back at once instead of waiting for them to expire.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { startCheckpointer, type Checkpointer } from '../../db/checkpointer';
import { DEFAULT_POLL_MS } from '../constants';
import { Worker } from './worker';

const holder = globalThis as unknown as {
  signoffEngineWorker?: Worker;
  signoffCheckpointer?: Promise<Checkpointer | undefined>;
};

export function startEngine(options: { workerId?: string; pollMs?: number } = {}): { stop(): Promise<void> } {
  if (!holder.signoffEngineWorker) {
    const workerId =
      options.workerId ??
      process.env.SIGNOFF_WORKER_ID ??
      `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const pollMs = options.pollMs ?? (Number(process.env.SIGNOFF_POLL_MS) || DEFAULT_POLL_MS);
    holder.signoffEngineWorker = new Worker(workerId, pollMs);
    holder.signoffEngineWorker.start();
    // WAL checkpoints on a thread of their own, off the engine's event loop (lib/db/checkpointer.ts).
    holder.signoffCheckpointer = startCheckpointer().catch((error: unknown) => {
      console.error('[engine] WAL checkpoints stay on the event loop:', error);
      return undefined;
    });
  }
  const worker = holder.signoffEngineWorker;
  const checkpointer = holder.signoffCheckpointer;
  return {
    async stop() {
      if (holder.signoffEngineWorker === worker) {
        holder.signoffEngineWorker = undefined;
        holder.signoffCheckpointer = undefined;
      }
      await worker.stop();
      await (await checkpointer)?.stop();
    },
  };
}
