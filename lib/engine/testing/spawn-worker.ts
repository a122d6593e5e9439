/** `npm run worker` as a child process, exactly as package.json starts it (tests, benches, e2e). */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The arguments of package.json's `worker` script (`node <flags> --import tsx scripts/worker.ts`)
 * for `process.execPath`: one process, with the heap limits a deployed worker gets (the tsx CLI
 * would fork a child that outlives a SIGKILL).
 */
function workerArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = scripts.worker.split(/\s+/);
  if (node !== 'node')
    throw new Error(`package.json's worker script must start with node: ${scripts.worker}`);
  return args.map((arg) => (arg.startsWith('scripts/') ? join(root, arg) : arg));
}

/** Starts a worker process in the project's directory (SpawnOptions' env replaces process.env). */
export function startWorkerProcess(options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, workerArgs(), { cwd: root, ...options });
}

/** Test helper: a worker on the test's database, its IPC channel ending it when the test process dies. */
export function spawnWorker(workerId: string, env: Record<string, string> = {}): ChildProcess {
  return startWorkerProcess({
    env: { ...process.env, SIGNOFF_WORKER_ID: workerId, SIGNOFF_POLL_MS: '20', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
