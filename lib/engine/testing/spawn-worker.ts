/** Test helper: `scripts/worker.ts` as a child process on the test's database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function spawnWorker(workerId: string, env: Record<string, string> = {}): ChildProcess {
  // `node --import tsx` is one process (the tsx CLI would fork a child that outlives a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'worker.ts')], {
    cwd: root,
    env: { ...process.env, SIGNOFF_WORKER_ID: workerId, SIGNOFF_POLL_MS: '20', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // the IPC channel ends the worker when the test process dies
  });
  return child;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
