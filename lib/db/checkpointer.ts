/**
 * Checkpoints SQLite's write-ahead log on a worker thread. By default the connection whose
 * commit pushes the WAL past 1,000 pages copies it into the database file and fsyncs, there
 * and then, on the event loop: every thirtieth engine commit or so stalled 8–10 ms, and an
 * approval decision up to 100 ms. With this running, the process's own connections leave
 * checkpoints to the thread (a PASSIVE checkpoint never blocks readers or writers) and keep a
 * much higher threshold of their own only as a safety net.
 *
 * Started with the engine (the process that writes most); a process without it (the CLI, a
 * server with SIGNOFF_ENGINE=off) checkpoints as SQLite does by default.
 */
import { Worker } from 'node:worker_threads';
import { db } from './client';
import { databaseFilePath } from './database-url';
import { sqlite } from './sqlite';

/** SQLite's own threshold, restored when the thread stops. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;
/** The threshold while the thread runs: only reached if it falls far behind or dies. */
const SAFETY_NET_PAGES = 20_000;
const CHECKPOINT_INTERVAL_MS = 250;

// Plain JavaScript run by the thread (eval: no file to bundle); better-sqlite3 resolves from the
// working directory, as the app's own node_modules.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const connection = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
let reported = -1;
const checkpoint = () => {
  try {
    const [result] = connection.pragma('wal_checkpoint(PASSIVE)');
    if (result.checkpointed === reported) return; // nothing new: no message, no wake-up of the main loop
    reported = result.checkpointed;
    parentPort.postMessage({ type: 'checkpointed', frames: result.checkpointed });
  } catch (error) {
    if (!String(error && error.code).startsWith('SQLITE_BUSY')) parentPort.postMessage({ type: 'error', message: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  connection.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Resolves after the thread's next checkpoint that moved pages, with the WAL's checkpointed frames (tests). */
  nextCheckpoint(): Promise<number>;
  stop(): Promise<void>;
}

async function setAutocheckpoint(pages: number): Promise<void> {
  sqlite().pragma(`wal_autocheckpoint = ${pages}`);
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${pages}`);
}

export async function startCheckpointer(
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Promise<Checkpointer> {
  const onError = options.onError ?? ((message: string) => console.error('[checkpointer]', message));
  const thread = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { file: databaseFilePath(), intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS },
  });
  thread.unref();
  const waiting: ((frames: number) => void)[] = [];
  let alive = true;
  /** The connections checkpoint by themselves again. */
  const fallBack = async () => {
    if (!alive) return;
    alive = false;
    await setAutocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => {});
  };
  let ready: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const started = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
  thread.on('message', (message: { type: string; frames?: number; message?: string }) => {
    if (message.type === 'ready') ready?.resolve();
    else if (message.type === 'checkpointed')
      for (const resolve of waiting.splice(0)) resolve(message.frames ?? 0);
    else onError(message.message ?? 'unknown error');
  });
  let stopping = false;
  thread.on('error', (error) => onError(error.message));
  thread.on('exit', () => {
    ready?.reject(new Error('the checkpoint thread exited before it was ready'));
    if (!stopping) void fallBack();
  });
  await started; // only a running thread may take the checkpoints over
  await setAutocheckpoint(SAFETY_NET_PAGES);
  return {
    nextCheckpoint: () => new Promise((resolve) => waiting.push(resolve)),
    async stop() {
      if (stopping) return;
      stopping = true;
      const exited = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await thread.terminate();
      await fallBack();
    },
  };
}
