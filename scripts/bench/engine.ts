/**
 * Engine benchmarks on a temporary SQLite file (WAL, synchronous=NORMAL, as in production):
 * - sqlite.raw_inserts_per_s: better-sqlite3 alone, one row per autocommit (the ceiling);
 * - engine.transitions_per_s: 100 concurrent executions of a 10-state Pass/Choice workflow
 *   through the worker, history written (median of 3 rounds after a warm-up round);
 * - engine.branch_transitions_per_s: the same for a workflow of a Parallel state (two branches
 *   of two Pass states) and an inline Map of four items (MaxConcurrency 2): states entered per
 *   second, branches' and iterations' included;
 * - engine.timers_fired_per_s: 2,000 executions waiting in a Wait state whose timers all come
 *   due at once (the engine's clock moved on): timers fired, and their frames resumed, per second;
 * - engine.resume_latency_ms: SendTaskSuccess's transaction started -> the next state entered
 *   and committed by the in-process worker (p50, p99 of 1,000 resumes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Definition } from '../../lib/asl';
import { runAlone } from './run-alone';

const EXECUTIONS = 100;
/** Resumes measured: enough that p99 is the 10th slowest, not the 2nd. */
const RESUMES = 1000;

/** The 10-state Pass/Choice/Wait workflow every transitions figure runs (SQLite and PostgreSQL). */
export const tenStates: Definition = {
  StartAt: 'S0',
  States: {
    S0: { Type: 'Pass', Result: { n: 0 }, ResultPath: '$.c', Next: 'S1' },
    S1: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.c.n, 1)' }, ResultPath: '$.c', Next: 'S2' },
    S2: {
      Type: 'Choice',
      Choices: [{ Variable: '$.c.n', NumericGreaterThan: 0, Next: 'S3' }],
      Default: 'S9',
    },
    S3: { Type: 'Pass', Next: 'S4' },
    S4: { Type: 'Pass', Result: 'x', ResultPath: '$.x', Next: 'S5' },
    S5: { Type: 'Choice', Choices: [{ Variable: '$.x', StringEquals: 'x', Next: 'S6' }], Default: 'S9' },
    S6: { Type: 'Pass', Next: 'S7' },
    S7: { Type: 'Wait', Seconds: 0, Next: 'S8' },
    S8: { Type: 'Pass', Next: 'S9' },
    S9: { Type: 'Succeed' },
  },
};

const callback: Definition = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'bench.waitForTaskToken',
      Parameters: { 'token.$': '$$.Task.Token' },
      ResultPath: '$.answer',
      Next: 'After',
    },
    After: { Type: 'Pass', End: true },
  },
};

function rawInserts(file: string): object {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('CREATE TABLE raw (id INTEGER PRIMARY KEY, data TEXT)');
  const insert = sqlite.prepare('INSERT INTO raw (data) VALUES (?)');
  const count = 20_000;
  const started = performance.now();
  for (let i = 0; i < count; i++) insert.run(`{"i":${i}}`);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { metric: 'sqlite.raw_inserts_per_s', value: Math.round(count / seconds) };
}

/** Parallel branches and inline Map iterations: children frames, joins, a pending iteration started as one ends. */
const branching: Definition = {
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'L1',
          States: { L1: { Type: 'Pass', Result: 'L', Next: 'L2' }, L2: { Type: 'Pass', End: true } },
        },
        {
          StartAt: 'R1',
          States: { R1: { Type: 'Pass', Result: 'R', Next: 'R2' }, R2: { Type: 'Pass', End: true } },
        },
      ],
      ResultPath: '$.both',
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
      ResultPath: '$.each',
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

async function transitions(metric: string, definition: Definition, input: object): Promise<object> {
  const { startTestExecution } = await import('../../lib/engine/testing/harness');
  const { startEngine } = await import('../../lib/engine');
  const { notifier } = await import('../../lib/engine/worker/notifier');
  const { db } = await import('../../lib/db/client');
  const rates: number[] = [];
  for (let round = 0; round < 4; round++) {
    const ids = await Promise.all(
      Array.from({ length: EXECUTIONS }, (_, i) =>
        startTestExecution({ definition, input: { ...input, i } }),
      ),
    );
    const pending = new Set(ids);
    const finished = new Promise<void>((resolve) => {
      const listener = (results: Map<string, { claimed: boolean; runnable: boolean }>) => {
        for (const [id, result] of results) if (result.claimed && !result.runnable) pending.delete(id);
        if (pending.size > 0) return;
        notifier.off('committed', listener);
        resolve();
      };
      notifier.on('committed', listener);
    });
    const started = performance.now();
    const engine = startEngine({ workerId: 'bench', pollMs: 5 });
    await finished;
    if ((await db.execution.count({ where: { id: { in: ids }, status: 'SUCCEEDED' } })) !== EXECUTIONS)
      throw new Error('bench: not every execution succeeded');
    const seconds = (performance.now() - started) / 1000;
    await engine.stop();
    const states = await db.historyEvent.count({
      where: { executionId: ids[0], type: { endsWith: 'StateEntered' } },
    });
    if (round > 0) rates.push((EXECUTIONS * states) / seconds); // round 0 warms the JIT up
  }
  rates.sort((a, b) => a - b);
  return { metric, value: Math.round(rates[1]) };
}

const TIMERS = 2000;

async function timersFired(): Promise<object> {
  const { startTestExecution, runUntilIdle } = await import('../../lib/engine/testing/harness');
  const { setEngineClock } = await import('../../lib/engine/clock');
  const { fireDueTimers } = await import('../../lib/engine/timers/fire-due-timers');
  const definition: Definition = {
    StartAt: 'Hold',
    States: { Hold: { Type: 'Wait', Seconds: 10, Next: 'Done' }, Done: { Type: 'Succeed' } },
  };
  const start = Date.now();
  setEngineClock(() => start);
  try {
    for (let i = 0; i < TIMERS; i += 100)
      await Promise.all(Array.from({ length: 100 }, () => startTestExecution({ definition })));
    await runUntilIdle('bench'); // every execution waits on its timer
    setEngineClock(() => start + 11_000);
    const started = performance.now();
    let fired = 0;
    for (let n = await fireDueTimers(1000); n > 0; n = await fireDueTimers(1000)) fired += n;
    const seconds = (performance.now() - started) / 1000;
    if (fired !== TIMERS) throw new Error(`bench: ${fired} of ${TIMERS} timers fired`);
    return { metric: 'engine.timers_fired_per_s', value: Math.round(TIMERS / seconds), timers: TIMERS };
  } finally {
    setEngineClock(undefined);
  }
}

async function resumeLatency(): Promise<object> {
  const { getHistory, startTestExecution, runUntilIdle } = await import('../../lib/engine/testing/harness');
  const { completeTaskToken, notifyEngine, startEngine } = await import('../../lib/engine');
  const { notifier } = await import('../../lib/engine/worker/notifier');
  const { db } = await import('../../lib/db/client');
  const samples: number[] = [];
  const ids = await Promise.all(
    Array.from({ length: RESUMES }, () => startTestExecution({ definition: callback })),
  );
  await runUntilIdle('bench');
  const tokens = await Promise.all(
    ids.map(async (id) => {
      const scheduled = (await getHistory(id)).find((e) => e.type === 'TaskScheduled') as unknown as {
        taskScheduledEventDetails: { parameters: string };
      };
      return (JSON.parse(scheduled.taskScheduledEventDetails.parameters) as { token: string }).token;
    }),
  );
  const engine = startEngine({ workerId: 'bench', pollMs: 250 });
  for (let i = 0; i < ids.length; i++) {
    const entered = new Promise<void>((resolve) => {
      const listener = (results: Map<string, unknown>) => {
        if (!results.has(ids[i])) return;
        notifier.off('committed', listener);
        resolve();
      };
      notifier.on('committed', listener);
    });
    const started = performance.now();
    await db.$transaction((tx) =>
      completeTaskToken(tx, { token: tokens[i], outcome: { type: 'success', output: { ok: true } } }),
    );
    notifyEngine();
    await entered;
    samples.push(performance.now() - started);
  }
  await engine.stop();
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 100) / 100;
  return { metric: 'engine.resume_latency_ms', p50: at(0.5), p99: at(0.99) };
}

export async function benchEngine(): Promise<object[]> {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-bench-engine-'));
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
  try {
    const raw = rawInserts(join(dir, 'raw.db'));
    const { prepareDatabase } = await import('../../lib/db/prepare-database');
    await prepareDatabase(process.env.DATABASE_URL);
    return [
      raw,
      await transitions('engine.transitions_per_s', tenStates, {}),
      await transitions('engine.branch_transitions_per_s', branching, { items: [1, 2, 3, 4] }),
      await timersFired(),
      await resumeLatency(),
    ];
  } finally {
    // The shared client was opened on this temporary file: close it so the next bench opens its own.
    const { db } = await import('../../lib/db/client');
    const { closeSqlite } = await import('../../lib/db/sqlite');
    await db.$disconnect();
    closeSqlite();
    delete (globalThis as { signoffDb?: unknown }).signoffDb;
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, benchEngine);
