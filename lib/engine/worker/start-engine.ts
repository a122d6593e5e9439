/**
 * Starts this process's worker once (Next.js's instrumentation, `npm run worker`, tests).
 * The worker id names the lease owner; a restarted worker with the same id (SIGNOFF_WORKER_ID)
 * takes its own leases back at once instead of waiting for them to expire.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { startCheckpointer, type Checkpointer } from '../../db/checkpointer';
import { isPostgres } from '../../db/database-url';
import { DEFAULT_POLL_MS } from '../constants';
import { engineStore } from '../store/store';
import { wakeLocally } from './notifier';
import { Worker } from './worker';

const holder = globalThis as unknown as {
  signoffEngineWorker?: Worker;
  signoffCheckpointer?: Promise<Checkpointer | undefined>;
  signoffListener?: Promise<() => Promise<void>>;
};

/** How long a lost LISTEN connection waits before it connects again (the poll covers the gap). */
const RELISTEN_MS = 1_000;

/**
 * LISTENs for other processes' announcements of work, again after the connection is lost (a
 * database restart, pg_terminate_backend). Returns the function that stops it.
 */
async function listenForWork(): Promise<() => Promise<void>> {
  let stopped = false;
  let unlisten: (() => Promise<void>) | undefined;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    try {
      unlisten = await engineStore().listen(wakeLocally, () => {
        unlisten = undefined;
        setTimeout(() => void connect(), RELISTEN_MS).unref();
      });
    } catch {
      setTimeout(() => void connect(), RELISTEN_MS).unref();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await unlisten?.();
  };
}

export function startEngine(options: { workerId?: string; pollMs?: number } = {}): { stop(): Promise<void> } {
  if (!holder.signoffEngineWorker) {
    const workerId =
      options.workerId ??
      process.env.SIGNOFF_WORKER_ID ??
      `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const pollMs = options.pollMs ?? (Number(process.env.SIGNOFF_POLL_MS) || DEFAULT_POLL_MS);
    holder.signoffEngineWorker = new Worker(workerId, pollMs);
    holder.signoffEngineWorker.start();
    if (isPostgres()) holder.signoffListener = listenForWork();
    // WAL checkpoints on a thread of their own, off the engine's event loop (lib/db/checkpointer.ts).
    else
      holder.signoffCheckpointer = startCheckpointer().catch((error: unknown) => {
        console.error('[engine] WAL checkpoints stay on the event loop:', error);
        return undefined;
      });
  }
  const worker = holder.signoffEngineWorker;
  const checkpointer = holder.signoffCheckpointer;
  const listener = holder.signoffListener;
  return {
    async stop() {
      if (holder.signoffEngineWorker === worker) {
        holder.signoffEngineWorker = undefined;
        holder.signoffCheckpointer = undefined;
        holder.signoffListener = undefined;
      }
      await worker.stop();
      await (await checkpointer)?.stop();
      await (
        await listener
      )?.();
    },
  };
}
