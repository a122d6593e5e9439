/**
 * PostgreSQL benchmarks, on the server at SIGNOFF_BENCH_POSTGRES (an admin URL; default the
 * machine's 127.0.0.1:5432), each on a fresh database dropped afterwards:
 * - pg.raw_commits_per_s: `pg` alone, one one-row INSERT per commit on one connection (the
 *   ceiling of one sequential writer on this machine: a round trip and a WAL flush each);
 * - engine.pg_transitions_per_s for W = 1, 2 and 4 `npm run worker` processes: 12,000
 *   executions of the 10-state workflow of engine.transitions_per_s, made runnable at once
 *   after a warm-up round of 300 per worker, three times: the median round, and every round's figure.
 *   A round is long next to one worker's pass (a pass takes 200 executions: at four workers
 *   about 0.3 s, a fifth of a 4,000-execution round), so the figure is the workers' rate, not
 *   how evenly the last passes of a burst happened to end.
 *   A round lasts from the UPDATE that makes it runnable to its last execution's stoppedAt (the
 *   workers' clock), so the bench's own poll neither rounds the figure nor, being an index-only
 *   count of runnable rows, loads the database (a count over the round's names, every 50 ms,
 *   took a growing share of the server's CPU as the table grew);
 *   each line also says where the time went, measured while it ran: CPU cores used by the
 *   PostgreSQL server and by the workers (from /proc), and the mean number of the database's
 *   active backends running or waiting on a row lock, an LWLock or I/O (sampled from
 *   pg_stat_activity every 50 ms).
 * SIGNOFF_BENCH_PG_EXECUTIONS sets the executions per round, SIGNOFF_BENCH_PG_WORKERS="2,4"
 * the worker counts.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { WORK_CHANNEL } from '../../lib/engine/store/postgres-store';
import { tenStates } from './engine';
import { runAlone } from './run-alone';
import { startWorkerProcess } from '../../lib/engine/testing/spawn-worker';

const ADMIN_URL = process.env.SIGNOFF_BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const EXECUTIONS = Number(process.env.SIGNOFF_BENCH_PG_EXECUTIONS ?? 12_000);
/** Measured rounds per worker count; the line gives the median one. */
const ROUNDS = 3;
/** Executions each worker runs before the clock starts (its JIT warms up as the server's has). */
const WARM_UP = 300;
const COMMITS = 5000;
/** The worker counts measured (SIGNOFF_BENCH_PG_WORKERS="2,4" measures those alone). */
const WORKER_COUNTS = (process.env.SIGNOFF_BENCH_PG_WORKERS ?? '1,2,4').split(',').map(Number);

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  await withClient(ADMIN_URL, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(name);
}

const dropDatabase = (name: string) =>
  withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

async function rawCommits(): Promise<object> {
  const url = await freshDatabase('signoff_bench_raw');
  try {
    return await withClient(url, async (client) => {
      await client.query('CREATE TABLE raw (id SERIAL PRIMARY KEY, data TEXT)');
      const insert = { name: 'raw_insert', text: 'INSERT INTO raw (data) VALUES ($1)' };
      for (let i = 0; i < 200; i++) await client.query({ ...insert, values: [`{"i":${i}}`] }); // warm-up
      const started = performance.now();
      for (let i = 0; i < COMMITS; i++) await client.query({ ...insert, values: [`{"i":${i}}`] });
      const seconds = (performance.now() - started) / 1000;
      return { metric: 'pg.raw_commits_per_s', value: Math.round(COMMITS / seconds), connections: 1 };
    });
  } finally {
    await dropDatabase('signoff_bench_raw');
  }
}

/** CPU seconds (user + system) each process has used, from /proc/<pid>/stat. */
function cpuSeconds(pids: number[]): Map<number, number> {
  const tick = 100; // USER_HZ on Linux
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // the process ended meanwhile
    }
  }
  return used;
}

/** CPU seconds used since `before` by the processes `pids()` lists now (those started since count whole). */
function cpuSince(before: Map<number, number>, pids: number[]): number {
  let total = 0;
  for (const [pid, seconds] of cpuSeconds(pids)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Every PostgreSQL server process on this machine (the postmaster and its backends). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

function spawnWorker(url: string, id: string): Promise<ChildProcess> {
  const child = startWorkerProcess({
    env: { ...process.env, DATABASE_URL: url, SIGNOFF_WORKER_ID: id, SIGNOFF_POLL_MS: '200' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('engine started')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`bench worker ${id} exited with ${code}`)));
  });
}

async function transitions(workers: number): Promise<object> {
  const name = `signoff_bench_engine_${workers}`;
  const url = await freshDatabase(name);
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const { prepareDatabase } = await import('../../lib/db/prepare-database');
  const { startTestExecution } = await import('../../lib/engine/testing/harness');
  const { db } = await import('../../lib/db/client');
  const children: ChildProcess[] = [];
  const start = async (count: number, round: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 50)
      ids.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, (_, j) =>
            startTestExecution({ definition: tenStates, input: { i: i + j }, name: `${round}-${i + j}` }),
          ),
        )),
      );
    return ids;
  };
  try {
    await prepareDatabase(url);
    await start(WARM_UP * workers, 'warm');
    for (let round = 0; round < ROUNDS; round++) await start(EXECUTIONS, `run${round}`);
    // Held back until every worker is up, so the clock measures the work and not tsx's start-up.
    await db.$executeRawUnsafe('UPDATE "Execution" SET "runnable" = FALSE');
    children.push(
      ...(await Promise.all(Array.from({ length: workers }, (_, i) => spawnWorker(url, `bench-${i}`)))),
    );
    const workerPids = children.map((child) => child.pid as number);
    return await withClient(url, async (client) => {
      /**
       * Makes the round's executions runnable and waits until none is; samples the backends'
       * waits meanwhile. Returns the round's seconds, from before the UPDATE to the last
       * execution's stoppedAt, so the 50 ms poll sets neither the figure's precision nor, being
       * an index-only count of the runnable rows, the database's load.
       */
      const run = async (round: string) => {
        const started = Date.now();
        await client.query(
          `UPDATE "Execution" SET "runnable" = TRUE WHERE "name" LIKE '${round}-%'; NOTIFY ${WORK_CHANNEL}`,
        );
        const waits = { Lock: 0, LWLock: 0, IO: 0, running: 0 };
        let samples = 0;
        for (;;) {
          const { rows } = await client.query<{ left: string; waits: Record<string, string> | null }>(
            `SELECT (SELECT count(*) FROM "Execution" WHERE "runnable") AS left,
               (SELECT json_object_agg(kind, n) FROM (
                  SELECT COALESCE(wait_event_type, 'running') AS kind, count(*) AS n FROM pg_stat_activity
                  WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
                  GROUP BY 1) w) AS waits`,
          );
          samples += 1;
          for (const kind of Object.keys(waits) as (keyof typeof waits)[])
            waits[kind] += Number(rows[0].waits?.[kind] ?? 0);
          if (Number(rows[0].left) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const { rows } = await client.query<{ done: string; last: number }>(
          `SELECT count(*) FILTER (WHERE "status" = 'SUCCEEDED') AS done,
             extract(epoch FROM max("stoppedAt")) * 1000 AS last
           FROM "Execution" WHERE "name" LIKE '${round}-%'`,
        );
        const expected = round === 'warm' ? WARM_UP * workers : EXECUTIONS;
        if (Number(rows[0].done) !== expected)
          throw new Error(`round ${round}: ${rows[0].done} of ${expected} executions succeeded`);
        return {
          seconds: (Number(rows[0].last) - started) / 1000,
          backends: Object.fromEntries(
            Object.entries(waits).map(([kind, n]) => [kind, Math.round((n / samples) * 100) / 100]),
          ),
        };
      };
      const commits = async () =>
        Number(
          (
            await client.query<{ n: string }>(
              'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
            )
          ).rows[0].n,
        );
      await run('warm');
      const rounds = [];
      for (let round = 0; round < ROUNDS; round++) {
        const serverBefore = cpuSeconds(postgresPids());
        const workersBefore = cpuSeconds(workerPids);
        const commitsBefore = await commits();
        const wallStarted = performance.now();
        const { seconds, backends } = await run(`run${round}`);
        const wall = (performance.now() - wallStarted) / 1000; // the CPU figures' interval
        const committed = (await commits()) - commitsBefore;
        const cores = (used: number) => Math.round((used / wall) * 100) / 100;
        rounds.push({
          value: Math.round((EXECUTIONS * 10) / seconds),
          server_cpu_cores: cores(cpuSince(serverBefore, postgresPids())),
          workers_cpu_cores: cores(cpuSince(workersBefore, workerPids)),
          // the database's backends at work, on average: running, or waiting on a row lock, an LWLock, I/O
          backends,
          // transactions the database committed per execution (claims, writes, polls, this bench's own reads)
          commits_per_execution: Math.round((committed / EXECUTIONS) * 100) / 100,
        });
      }
      // The median round (the disk's flush time varies between runs), with every round's figure.
      const median = [...rounds].sort((a, b) => a.value - b.value)[Math.floor(ROUNDS / 2)];
      return {
        metric: 'engine.pg_transitions_per_s',
        ...median,
        workers,
        rounds: rounds.map((r) => r.value),
      };
    });
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await db.$disconnect();
    delete (globalThis as { signoffDb?: unknown }).signoffDb;
    const { closePgPools } = await import('../../lib/db/postgres');
    const { forgetEngineStores } = await import('../../lib/engine/store/store');
    await closePgPools();
    forgetEngineStores();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    await dropDatabase(name);
  }
}

export async function benchPostgres(): Promise<object[]> {
  const lines = [await rawCommits()];
  for (const workers of WORKER_COUNTS) lines.push(await transitions(workers));
  return lines;
}

runAlone(import.meta.url, benchPostgres);
