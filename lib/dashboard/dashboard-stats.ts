/**
 * The admin console's overview: executions started per day (per hour for one day) by status,
 * approvals waiting now, time to decision per workflow and the commonest failures, over the last
 * `days` (14 by default). Admins and API keys with executions:read only. Times are UTC and ISO
 * strings, so the result crosses to client components as it is.
 */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import { EXECUTION_STATUSES } from '../executions/schemas';
import {
  countExecutionsByBucket,
  countFailuresByError,
  countRunningExecutions,
  countWaitingApprovals,
  decisionTimesByWorkflow,
  type DecisionTimeRow,
} from './dashboard-queries';
import {
  bucketKey,
  dashboardWindow,
  MAX_DASHBOARD_DAYS,
  type DashboardWindow,
  type TimeWindow,
} from './dashboard-range';

export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
type StatusCounts = Record<ExecutionStatus, number>;

/** How many error names the failures figure lists. */
const TOP_FAILURES = 10;

export interface DashboardStats {
  /** the window every "over the range" figure covers, and when it was read */
  range: Omit<DashboardWindow, 'buckets'> & { now: string };
  executions: {
    buckets: Array<TimeWindow & { counts: StatusCounts; total: number }>;
    totals: StatusCounts;
    total: number;
    /** running now, whenever started (not limited to the range) */
    runningNow: number;
  };
  /** pending now (not limited to the range); overdue: past their due time */
  approvals: {
    waiting: number;
    overdue: number;
    byWorkflow: Array<{ workflowId: string; workflowName: string; waiting: number; overdue: number }>;
  };
  /** tasks decided in the range, slowest p90 first */
  decisionTimes: DecisionTimeRow[];
  /** FAILED and TIMED_OUT executions started in the range: how many, and the top error names */
  failures: { total: number; top: Array<{ error: string | null; count: number }> };
}

export interface GetDashboardStatsOptions {
  actor: Actor;
  /** defaults to the engine's clock */
  now?: Date;
  /** whole UTC days up to the end of today; 1 means the last 24 hours by hour. Default 14. */
  days?: number;
}

export async function getDashboardStats({
  actor,
  now = engineNow(),
  days = 14,
}: GetDashboardStatsOptions): Promise<DashboardStats> {
  await authorize(actor, 'executions:read');
  if (!Number.isInteger(days) || days < 1 || days > MAX_DASHBOARD_DAYS)
    throw new AppError('INVALID_INPUT', `days must be a whole number from 1 to ${MAX_DASHBOARD_DAYS}.`);
  const { buckets, ...window } = dashboardWindow(now, days);
  const [counted, runningNow, waiting, decisionTimes, failures] = await Promise.all([
    countExecutionsByBucket(window, window.granularity),
    countRunningExecutions(),
    countWaitingApprovals(now),
    decisionTimesByWorkflow(window),
    countFailuresByError(window, TOP_FAILURES),
  ]);
  return {
    range: { ...window, now: now.toISOString() },
    executions: { ...fillBuckets(buckets, window.granularity, counted), runningNow },
    approvals: {
      waiting: waiting.reduce((sum, w) => sum + w.waiting, 0),
      overdue: waiting.reduce((sum, w) => sum + w.overdue, 0),
      byWorkflow: waiting,
    },
    decisionTimes: decisionTimes.sort(
      (a, b) => b.p90Ms - a.p90Ms || a.workflowName.localeCompare(b.workflowName),
    ),
    failures,
  };
}

const zeroCounts = (): StatusCounts =>
  Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as StatusCounts;

const isStatus = (status: string): status is ExecutionStatus =>
  (EXECUTION_STATUSES as readonly string[]).includes(status);

/** Every bucket of the window, with zeros where nothing started. */
function fillBuckets(
  buckets: TimeWindow[],
  granularity: DashboardWindow['granularity'],
  counted: { bucket: string; status: string; count: number }[],
) {
  const filled = buckets.map((b) => ({ ...b, counts: zeroCounts(), total: 0 }));
  const byKey = new Map(filled.map((b) => [bucketKey(b.from, granularity), b]));
  const totals = zeroCounts();
  for (const { bucket, status, count } of counted) {
    const target = byKey.get(bucket);
    if (!target || !isStatus(status)) continue;
    target.counts[status] += count;
    target.total += count;
    totals[status] += count;
  }
  return { buckets: filled, totals, total: filled.reduce((sum, b) => sum + b.total, 0) };
}
