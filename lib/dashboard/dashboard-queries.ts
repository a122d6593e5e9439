/**
 * The dashboard's aggregates, each one grouped query: the database counts, the service only
 * zero-fills and shapes. Raw SQL where Prisma's groupBy cannot reach (a time bucket, a column of a
 * related row, a rank within a group), in the SQL SQLite and PostgreSQL share; the few expressions
 * they spell differently come from lib/db/sql-dialect.ts. Bounds are passed in the DateTime text
 * form Prisma writes (lib/db/sqlite.ts sqlTime). A Distributed Map's child executions are its map
 * run's, not counted as executions (as ListExecutions leaves them out); their approvals count.
 */
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { millisBetween, timeBucket } from '../db/sql-dialect';
import { sqlTime } from '../db/sqlite';
import { EXECUTION_STATUSES } from '../executions/schemas';
import { MEDIAN, P90, interpolatePercentile } from './percentile';
import type { Granularity, TimeWindow } from './dashboard-range';

/** Failed executions have these statuses; their `error` column names why. */
const FAILURE_STATUSES = ['FAILED', 'TIMED_OUT'];

type Count = number | bigint;

/** Executions started in the window, counted per (bucket key, status). */
export async function countExecutionsByBucket(window: TimeWindow, granularity: Granularity) {
  const rows = await db.$queryRaw<{ bucket: string; status: string; count: Count }[]>`
    SELECT ${timeBucket(granularity, Prisma.sql`"startedAt"`)} AS bucket, "status", COUNT(*) AS count
    FROM "Execution"
    WHERE "status" IN (${Prisma.join(EXECUTION_STATUSES)}) -- every status: the (status, startedAt) index serves the range
      AND "startedAt" >= ${sqlTime(new Date(window.from))} AND "startedAt" < ${sqlTime(new Date(window.to))}
      AND "mapRunId" IS NULL
    GROUP BY bucket, "status"`;
  return rows.map((r) => ({ bucket: r.bucket, status: r.status, count: Number(r.count) }));
}

/** Executions running now, whenever they started. */
export function countRunningExecutions(): Promise<number> {
  return db.execution.count({ where: { status: 'RUNNING', mapRunId: null } });
}

/** Pending approval tasks per workflow, and how many of them are past their due time at `now`. */
export async function countWaitingApprovals(now: Date) {
  const rows = await db.$queryRaw<
    { workflowId: string; workflowName: string; waiting: Count; overdue: Count }[]
  >`
    SELECT w."id" AS "workflowId", w."name" AS "workflowName", COUNT(*) AS waiting,
      SUM(CASE WHEN t."dueAt" IS NOT NULL AND t."dueAt" <= ${sqlTime(now)} THEN 1 ELSE 0 END) AS overdue
    FROM "ApprovalTask" t
    JOIN "Execution" e ON e."id" = t."executionId"
    JOIN "Workflow" w ON w."id" = e."workflowId"
    WHERE t."status" = 'PENDING'
    GROUP BY w."id", w."name"
    ORDER BY waiting DESC, w."name" ASC`;
  return rows.map((r) => ({ ...r, waiting: Number(r.waiting), overdue: Number(r.overdue) }));
}

export interface DecisionTimeRow {
  workflowId: string;
  workflowName: string;
  count: number;
  medianMs: number;
  p90Ms: number;
}

/**
 * Time to decision per workflow, for tasks settled by a decision in the window: from the task's
 * creation to `decidedAt` (settleTask writes the time of the decision that met the policy).
 * SQL ranks each workflow's durations and returns only the ranks the median and p90 read.
 */
export async function decisionTimesByWorkflow(window: TimeWindow): Promise<DecisionTimeRow[]> {
  const rows = await db.$queryRaw<
    { workflowId: string; workflowName: string; ms: number; i: Count; n: Count }[]
  >`
    WITH d AS (
      SELECT e."workflowId" AS "workflowId",
        ${millisBetween(Prisma.sql`t."createdAt"`, Prisma.sql`t."decidedAt"`)} AS ms
      FROM "ApprovalTask" t JOIN "Execution" e ON e."id" = t."executionId"
      WHERE t."status" IN ('APPROVED', 'REJECTED') AND t."decidedAt" IS NOT NULL
        AND t."decidedAt" >= ${sqlTime(new Date(window.from))} AND t."decidedAt" < ${sqlTime(new Date(window.to))}
    ), r AS (  -- the ranks percentile.ts reads: floor(p·(n−1)) and the next, p = 1/2 and 9/10
      SELECT "workflowId", ms,
        ROW_NUMBER() OVER (PARTITION BY "workflowId" ORDER BY ms) - 1 AS i,
        COUNT(*) OVER (PARTITION BY "workflowId") AS n
      FROM d
    )
    SELECT r."workflowId", w."name" AS "workflowName", r.ms, r.i, r.n
    FROM r JOIN "Workflow" w ON w."id" = r."workflowId"
    WHERE r.i IN ((r.n - 1) * 1 / 2, (r.n - 1) * 1 / 2 + 1, (r.n - 1) * 9 / 10, (r.n - 1) * 9 / 10 + 1)`;
  return summarizeRanks(rows.map((r) => ({ ...r, ms: Number(r.ms), i: Number(r.i), n: Number(r.n) })));
}

function summarizeRanks(
  rows: { workflowId: string; workflowName: string; ms: number; i: number; n: number }[],
): DecisionTimeRow[] {
  const byWorkflow = new Map<string, { name: string; n: number; at: Map<number, number> }>();
  for (const r of rows) {
    const entry = byWorkflow.get(r.workflowId) ?? { name: r.workflowName, n: r.n, at: new Map() };
    entry.at.set(r.i, r.ms);
    byWorkflow.set(r.workflowId, entry);
  }
  return [...byWorkflow].map(([workflowId, { name, n, at }]) => {
    const valueAt = (rank: number) => at.get(rank) ?? Number.NaN;
    return {
      workflowId,
      workflowName: name,
      count: n,
      medianMs: interpolatePercentile(n, MEDIAN, valueAt),
      p90Ms: interpolatePercentile(n, P90, valueAt),
    };
  });
}

/** FAILED / TIMED_OUT executions started in the window, per error name: the most frequent `limit`. */
export async function countFailuresByError(window: TimeWindow, limit: number) {
  const where = {
    status: { in: FAILURE_STATUSES },
    startedAt: { gte: new Date(window.from), lt: new Date(window.to) },
    mapRunId: null,
  };
  const [groups, total] = await Promise.all([
    db.execution.groupBy({
      by: ['error'],
      where,
      _count: { _all: true },
      orderBy: [{ _count: { id: 'desc' } }, { error: { sort: 'asc', nulls: 'last' } }],
      take: limit,
    }),
    db.execution.count({ where }),
  ]);
  return { total, top: groups.map((g) => ({ error: g.error, count: g._count._all })) };
}
