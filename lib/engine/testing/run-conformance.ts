/**
 * Runs conformance cases through the durable engine: every case becomes an execution in the
 * current database (DATABASE_URL, a temporary file for `npm run conformance`), all run at once,
 * and the engine's clock jumps to the next due timer whenever nothing else is left to do, so
 * Waits and retry intervals are honoured without sleeping. Verdicts as lib/asl/conformance.
 */
import type { JsonValue } from '../../asl';
import { judge, type CaseVerdict, type ConformanceCase } from '../../asl/conformance';
import { db } from '../../db/client';
import { advanceExecution } from '../advance/advance-execution';
import { setEngineClock } from '../clock';
import { findStaleInvocations, runInvocations } from '../invocations/run-invocations';
import { fireDueTimers } from '../timers/fire-due-timers';
import { findClaimableExecutions } from '../worker/claim-executions';
import { startTestExecution } from './harness';

const WORKER = 'conformance';

export async function runConformanceCases(cases: ConformanceCase[]): Promise<CaseVerdict[]> {
  let now = Date.parse('2024-01-01T00:00:00Z');
  setEngineClock(() => now);
  const crashes = new Map<string, string>();
  const ids = await Promise.all(
    cases.map((c) =>
      startTestExecution({ definition: c.definition, input: c.input ?? {}, mocks: c.mocks ?? {} }).catch(
        (e: Error) => e,
      ),
    ),
  );
  for (;;) {
    await drain(crashes);
    const next = await db.timer.findFirst({
      where: { status: 'PENDING', execution: { status: 'RUNNING' } },
      orderBy: { dueAt: 'asc' },
    });
    if (!next) break;
    now = Math.max(now, next.dueAt.getTime());
  }
  setEngineClock(undefined);
  return Promise.all(
    cases.map(async (c, i) => {
      const id = ids[i];
      const actual =
        typeof id === 'string'
          ? await actualOf(id, crashes)
          : { status: 'CRASHED', error: 'EngineCrash', cause: id.message };
      return { name: c.name, pass: judge(c.expected, actual), actual };
    }),
  );
}

/** Runs everything runnable now; an engine error crashes only its own execution. */
async function drain(crashes: Map<string, string>): Promise<void> {
  for (let work = 1; work > 0;) {
    work = await fireDueTimers(1000);
    work += await runInvocations(await findStaleInvocations(1000), WORKER);
    for (const id of await findClaimableExecutions(WORKER, 1000)) {
      try {
        const result = await advanceExecution(id, WORKER);
        if (result.invocations.length > 0) await runInvocations(result.invocations, WORKER);
        work += 1;
      } catch (error) {
        crashes.set(id, error instanceof Error ? (error.stack ?? error.message) : String(error));
        await db.execution.update({ where: { id }, data: { status: 'CRASHED', runnable: false } });
      }
    }
  }
}

async function actualOf(id: string, crashes: Map<string, string>): Promise<CaseVerdict['actual']> {
  const row = await db.execution.findUniqueOrThrow({ where: { id } });
  if (crashes.has(id)) return { status: 'CRASHED', error: 'EngineCrash', cause: crashes.get(id) };
  if (row.status === 'SUCCEEDED')
    return { status: row.status, output: JSON.parse(row.output ?? 'null') as JsonValue };
  if (row.status === 'RUNNING')
    return {
      status: 'RUNNING',
      error: 'Stuck',
      cause: 'The execution waits for something no case provides.',
    };
  return { status: row.status, error: row.error, ...(row.cause !== null ? { cause: row.cause } : {}) };
}
