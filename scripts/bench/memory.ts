/**
 * engine.rss_mb: the resident memory of one `npm run worker` process on SQLite while 100,000
 * executions wait at approvals (SIGNOFF_BENCH_WAITING to change the count).
 *
 * The waiting executions: 100 are made by the engine (start, advance to the approval: the
 * task, its assignees, their links and mail), then their rows — execution, frames, history,
 * token, task, assignees, links — are copied in SQL with fresh ids up to the count (making
 * 100,000 through the engine would take the approval path's 40 a second for 40 minutes).
 * Then a worker starts on the database and runs a real workload beside them — 1,000 more
 * approvals it advances itself, half of them then approved and finished — and its RSS is
 * read from /proc, with its RSS at start and its peak. A waiting execution should cost rows,
 * not memory: nothing of it stays in the worker.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runAlone } from './run-alone';
import { startWorkerProcess } from '../../lib/engine/testing/spawn-worker';

const WAITING = Number(process.env.SIGNOFF_BENCH_WAITING ?? 100_000);
const SEED = 100;
const WORKLOAD = 1000;

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

function spawnWorker(url: string): Promise<ChildProcess> {
  const child = startWorkerProcess({
    env: {
      ...process.env,
      ...JSON.parse(process.env.BENCH_WORKER_ENV ?? '{}'),
      DATABASE_URL: url,
      SIGNOFF_WORKER_ID: 'bench-memory',
      SIGNOFF_POLL_MS: '250',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('engine started')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the bench worker exited with ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per table: which executions' rows to copy, and the columns that take the copy's suffix. */
const CLONED: Array<{ table: string; of: string; suffixed: string[]; cleared?: string[] }> = [
  { table: 'Execution', of: '"id" IN (SELECT id FROM seed)', suffixed: ['id', 'name'] },
  {
    table: 'ExecutionFrame',
    of: '"executionId" IN (SELECT id FROM seed)',
    suffixed: ['id', 'executionId', 'parentFrameId'],
  },
  { table: 'HistoryEvent', of: '"executionId" IN (SELECT id FROM seed)', suffixed: ['id', 'executionId'] },
  {
    table: 'TaskToken',
    of: '"executionId" IN (SELECT id FROM seed)',
    suffixed: ['id', 'tokenHash', 'executionId', 'frameId'],
  },
  {
    table: 'ApprovalTask',
    of: '"executionId" IN (SELECT id FROM seed)',
    suffixed: ['id', 'executionId', 'taskTokenId'],
    cleared: ['searchRowId'],
  },
  {
    table: 'ApprovalAssignee',
    of: '"taskId" IN (SELECT "id" FROM "ApprovalTask" WHERE "executionId" IN (SELECT id FROM seed))',
    suffixed: ['id', 'taskId'],
  },
  {
    table: 'ApprovalLink',
    of: '"assigneeId" IN (SELECT a."id" FROM "ApprovalAssignee" a JOIN "ApprovalTask" t ON t."id" = a."taskId" WHERE t."executionId" IN (SELECT id FROM seed))',
    suffixed: ['tokenHash', 'assigneeId'],
  },
];

/** Copies the seed executions' rows until `total` executions wait, each copy's ids suffixed `-k`. */
function cloneWaiting(file: string, seedIds: string[], total: number): void {
  const sqlite = new Database(file);
  sqlite.exec('CREATE TEMP TABLE seed (id TEXT PRIMARY KEY)');
  const addSeed = sqlite.prepare('INSERT INTO seed (id) VALUES (?)');
  for (const id of seedIds) addSeed.run(id);
  const copies = Math.ceil((total - seedIds.length) / seedIds.length);
  sqlite.transaction(() => {
    for (const { table, of, suffixed, cleared = [] } of CLONED) {
      const columns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const values = columns.map((c) =>
        suffixed.includes(c) ? `"${c}" || '-' || k.n` : cleared.includes(c) ? 'NULL' : `"${c}"`,
      );
      sqlite.exec(`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${copies})
        INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
        SELECT ${values.join(', ')} FROM "${table}", k WHERE ${of}`);
    }
  })();
  sqlite.close();
}

export async function benchMemory(): Promise<object[]> {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-bench-memory-'));
  const file = join(dir, 'bench.db');
  const url = `file:${file}`;
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  let worker: ChildProcess | undefined;
  const { db } = await import('../../lib/db/client');
  try {
    const { prepareDatabase } = await import('../../lib/db/prepare-database');
    await prepareDatabase(url);
    const kit = await import('../../lib/approvals/test-kit');
    const { startTestExecution, runUntilIdle } = await import('../../lib/engine/testing/harness');
    const { decideTaskByToken } = await import('../../lib/approvals/decide-task-by-token');
    await kit.seedPeople();
    const definition = kit.approvalDefinition({
      Title: 'Purchase order',
      Approvers: ['alice@example.com', 'group:finance'],
      Details: { 'orderId.$': '$.i' },
    }) as Parameters<typeof startTestExecution>[0]['definition'];
    const seedIds: string[] = [];
    for (let i = 0; i < SEED; i++) seedIds.push(await startTestExecution({ definition, input: { i } }));
    await runUntilIdle('bench-seed');
    cloneWaiting(file, seedIds, WAITING);
    const waiting = await db.execution.count({ where: { status: 'RUNNING', runnable: false } });
    if (waiting < WAITING) throw new Error(`bench: ${waiting} executions wait, not ${WAITING}`);

    worker = await spawnWorker(url);
    await sleep(2000);
    const started = memoryOf(worker.pid as number);
    const workload: string[] = [];
    for (let i = 0; i < WORKLOAD; i += 50)
      workload.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            startTestExecution({ definition, input: { i: SEED + i + j }, name: `load-${i + j}` }),
          ),
        )),
      );
    const ofWorkload = { name: { startsWith: 'load-' } };
    const open = () => db.approvalTask.count({ where: { execution: ofWorkload, status: 'PENDING' } });
    while ((await open()) < WORKLOAD) await sleep(500);
    // Half of them approved through their mailed links: the worker resumes and finishes those.
    const mailed = await kit.linksFor('alice@example.com');
    for (const token of mailed.slice(-WORKLOAD).slice(0, WORKLOAD / 2))
      await decideTaskByToken({ token, decision: 'approve' }).catch(() => undefined);
    const finished = () => db.execution.count({ where: { ...ofWorkload, status: 'SUCCEEDED' } });
    while ((await finished()) < WORKLOAD / 2) await sleep(500);
    await sleep(5000); // a few idle passes with everything else waiting
    const now = memoryOf(worker.pid as number);
    return [
      {
        metric: 'engine.rss_mb',
        value: now.rss,
        waiting: await db.execution.count({ where: { status: 'RUNNING', runnable: false } }),
        started_mb: started.rss,
        peak_mb: now.peak,
      },
    ];
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    const { closeSqlite } = await import('../../lib/db/sqlite');
    await db.$disconnect();
    closeSqlite();
    delete (globalThis as { signoffDb?: unknown }).signoffDb;
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, benchMemory);
