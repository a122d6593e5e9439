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
 *   how evenly the last passes of a burst happened to end. Each worker count has its own
 *   database and workers, all up at once, and their rounds are interleaved (round 1 of 1, 2
 *   and 4 workers, then round 2 of each, …), so the machine's drift falls on every count alike.
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

/**
 * A worker on `url`. It polls only every 5 s: a round's NOTIFY wakes it, and the workers of the
 * counts not being measured then cost the database next to nothing while they wait.
 */
function spawnWorker(url: string, id: string): Promise<ChildProcess> {
  const child = startWorkerProcess({
    env: { ...process.env, DATABASE_URL: url, SIGNOFF_WORKER_ID: id, SIGNOFF_POLL_MS: '5000' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('engine started')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`bench worker ${id} exited with ${code}`)));
  });
}

/** A worker count under test: its own database and worker processes, and a connection to watch it. */
interface Fleet {
  workers: number;
  name: string;
  url: string;
  children: ChildProcess[];
  client?: pg.Client;
  rounds: RoundFigure[];
}

interface RoundFigure {
  value: number;
  server_cpu_cores: number;
  workers_cpu_cores: number;
  backends: Record<string, number>;
  commits_per_execution: number;
}

/** A fresh database with the warm-up and every round's executions written, none runnable yet. */
async function prepareFleet(workers: number): Promise<Fleet> {
  const name = `signoff_bench_engine_${workers}`;
  const url = await freshDatabase(name);
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const { prepareDatabase } = await import('../../lib/db/prepare-database');
  const { startTestExecution } = await import('../../lib/engine/testing/harness');
  const { db } = await import('../../lib/db/client');
  const start = async (count: number, round: string) => {
    for (let i = 0; i < count; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, (_, j) =>
          startTestExecution({ definition: tenStates, input: { i: i + j }, name: `${round}-${i + j}` }),
        ),
      );
  };
  try {
    await prepareDatabase(url);
    await start(WARM_UP * workers, 'warm');
    for (let round = 0; round < ROUNDS; round++) await start(EXECUTIONS, `run${round}`);
    // Held back until every worker is up, so the clock measures the work and not tsx's start-up.
    await db.$executeRawUnsafe('UPDATE "Execution" SET "runnable" = FALSE');
  } finally {
    await db.$disconnect();
    delete (globalThis as { signoffDb?: unknown }).signoffDb;
    const { closePgPools } = await import('../../lib/db/postgres');
    const { forgetEngineStores } = await import('../../lib/engine/store/store');
    await closePgPools();
    forgetEngineStores();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  return { workers, name, url, children: [], rounds: [] };
}

/**
 * Makes a round's executions runnable and waits until none is; samples the backends' waits
 * meanwhile. Returns the round's seconds, from before the UPDATE to the last execution's
 * stoppedAt, so the 50 ms poll sets neither the figure's precision nor, being an index-only
 * count of the runnable rows, the database's load.
 */
async function runRound(client: pg.Client, round: string, expected: number) {
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
  if (Number(rows[0].done) !== expected)
    throw new Error(`round ${round}: ${rows[0].done} of ${expected} executions succeeded`);
  return {
    seconds: (Number(rows[0].last) - started) / 1000,
    backends: Object.fromEntries(
      Object.entries(waits).map(([kind, n]) => [kind, Math.round((n / samples) * 100) / 100]),
    ),
  };
}

/** One measured round of `fleet`, with where its time went. */
async function measureRound(fleet: Fleet, round: string): Promise<RoundFigure> {
  const client = fleet.client as pg.Client;
  const commits = async () =>
    Number(
      (
        await client.query<{ n: string }>(
          'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
        )
      ).rows[0].n,
    );
  const workerPids = fleet.children.map((child) => child.pid as number);
  const serverBefore = cpuSeconds(postgresPids());
  const workersBefore = cpuSeconds(workerPids);
  const commitsBefore = await commits();
  const wallStarted = performance.now();
  const { seconds, backends } = await runRound(client, round, EXECUTIONS);
  const wall = (performance.now() - wallStarted) / 1000; // the CPU figures' interval
  const committed = (await commits()) - commitsBefore;
  const cores = (used: number) => Math.round((used / wall) * 100) / 100;
  return {
    value: Math.round((EXECUTIONS * 10) / seconds),
    server_cpu_cores: cores(cpuSince(serverBefore, postgresPids())),
    workers_cpu_cores: cores(cpuSince(workersBefore, workerPids)),
    // the database's backends at work, on average: running, or waiting on a row lock, an LWLock, I/O
    backends,
    // transactions the database committed per execution (claims, writes, polls, this bench's own reads)
    commits_per_execution: Math.round((committed / EXECUTIONS) * 100) / 100,
  };
}

/**
 * Every worker count's figure, their rounds interleaved: round r of each count in turn, then
 * round r + 1, so a change in the machine's speed over the minutes of the bench falls on every
 * count alike. The workers of the counts not being measured wait meanwhile (woken by NOTIFY,
 * polling every 5 s).
 */
async function transitions(): Promise<object[]> {
  const fleets: Fleet[] = [];
  try {
    for (const workers of WORKER_COUNTS) fleets.push(await prepareFleet(workers));
    for (const fleet of fleets) {
      fleet.children = await Promise.all(
        Array.from({ length: fleet.workers }, (_, i) =>
          spawnWorker(fleet.url, `bench-${fleet.workers}-${i}`),
        ),
      );
      fleet.client = new pg.Client({ connectionString: fleet.url });
      await fleet.client.connect();
      await runRound(fleet.client, 'warm', WARM_UP * fleet.workers);
    }
    for (let round = 0; round < ROUNDS; round++)
      for (const fleet of fleets) fleet.rounds.push(await measureRound(fleet, `run${round}`));
    // The median round (the disk's flush time varies between runs), with every round's figure.
    return fleets.map((fleet) => ({
      metric: 'engine.pg_transitions_per_s',
      ...[...fleet.rounds].sort((a, b) => a.value - b.value)[Math.floor(ROUNDS / 2)],
      workers: fleet.workers,
      rounds: fleet.rounds.map((r) => r.value),
    }));
  } finally {
    for (const fleet of fleets) {
      await fleet.client?.end();
      await Promise.all(
        fleet.children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await dropDatabase(fleet.name);
    }
  }
}

export async function benchPostgres(): Promise<object[]> {
  return [await rawCommits(), ...(await transitions())];
}

runAlone(import.meta.url, benchPostgres);
