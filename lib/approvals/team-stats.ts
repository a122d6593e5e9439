/**
 * The team view: for a manager the groups they manage (the tasks asked of their members), for an
 * admin everyone. Open tasks per person and per group with how many are overdue, time to decision
 * per workflow (median and p90, from a task's creation to the decision that settled it) over the
 * last days, and a CSV export of the decided tasks with every decision. Aggregates are grouped in
 * SQL (what SQLite and PostgreSQL share, as lib/dashboard does); percentiles interpolate as the dashboard's do.
 */
import { csvText } from '../csv';
import { MEDIAN, P90, interpolatePercentile } from '../dashboard/percentile';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { millisBetween } from '../db/sql-dialect';
import { sqlTime } from '../db/sqlite';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import type { InboxViewer } from './inbox-scope';
import { managedTaskScope } from './inbox-scope';
import { inManagedGroup } from './inbox-sql';

const DAY_MS = 86_400_000;

export interface TeamStats {
  /** `all` for an admin; `groups` for a manager (the groups listed) */
  scope: 'all' | 'groups';
  groups: string[];
  /** the decision-time window (ISO), the last `days` days */
  window: { from: string; to: string };
  /** people with undecided assignments on open tasks (a manager's members all listed, even at 0) */
  perPerson: Array<{ email: string; open: number; overdue: number; claimed: number }>;
  /** open tasks asked of each group's members (a task counts once per group) */
  perGroup: Array<{ group: string; open: number; overdue: number }>;
  decisionTimes: Array<{ workflowName: string; decided: number; medianMs: number; p90Ms: number }>;
}

interface TeamScope {
  admin: boolean;
  viewerId: string;
  groups: Array<{ id: string; name: string }>;
}

async function teamScopeOf(viewer: InboxViewer): Promise<TeamScope> {
  if (viewer.role !== 'admin' && viewer.role !== 'manager')
    throw new AppError('FORBIDDEN', 'The team view is for managers and admins.');
  const admin = viewer.role === 'admin';
  const groups = admin
    ? await db.group.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
    : (
        await db.membership.findMany({
          where: { userId: viewer.id, role: 'manager' },
          orderBy: { group: { name: 'asc' } },
          select: { group: { select: { id: true, name: true } } },
        })
      ).map((m) => m.group);
  return { admin, viewerId: viewer.id, groups };
}

const num = (value: bigint | number | null) => Number(value ?? 0);
const inGroups = (scope: TeamScope) =>
  Prisma.join(scope.groups.length ? scope.groups.map((g) => g.id) : ['']);

async function perPerson(scope: TeamScope, now: string): Promise<TeamStats['perPerson']> {
  const members = scope.admin
    ? Prisma.empty
    : Prisma.sql`AND a."userId" IN (SELECT "userId" FROM "Membership" WHERE "groupId" IN (${inGroups(scope)}))`;
  const rows = await db.$queryRaw<Array<{ email: string; open: bigint; overdue: bigint; claimed: bigint }>>`
    SELECT u."email" AS email, COUNT(*) AS open,
      SUM(CASE WHEN t."dueAt" IS NOT NULL AND t."dueAt" <= ${now} THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN t."claimedById" = a."userId" AND t."claimExpiresAt" > ${now} THEN 1 ELSE 0 END) AS claimed
    FROM "ApprovalTask" t
    JOIN "ApprovalAssignee" a ON a."taskId" = t."id" AND a."status" = 'PENDING'
    JOIN "User" u ON u."id" = a."userId"
    WHERE t."status" = 'PENDING' ${members}
    GROUP BY u."id", u."email"`;
  const counts = new Map(
    rows.map((r) => [
      r.email,
      { email: r.email, open: num(r.open), overdue: num(r.overdue), claimed: num(r.claimed) },
    ]),
  );
  if (!scope.admin) {
    const everyone = await db.membership.findMany({
      where: { groupId: { in: scope.groups.map((g) => g.id) } },
      select: { user: { select: { email: true } } },
    });
    for (const { user } of everyone)
      if (!counts.has(user.email))
        counts.set(user.email, { email: user.email, open: 0, overdue: 0, claimed: 0 });
  }
  return [...counts.values()].sort((a, b) => b.open - a.open || a.email.localeCompare(b.email));
}

async function perGroup(scope: TeamScope, now: string): Promise<TeamStats['perGroup']> {
  if (scope.groups.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ groupId: string; open: bigint; overdue: bigint }>>`
    SELECT m."groupId" AS "groupId", COUNT(DISTINCT t."id") AS open,
      COUNT(DISTINCT CASE WHEN t."dueAt" IS NOT NULL AND t."dueAt" <= ${now} THEN t."id" END) AS overdue
    FROM "ApprovalTask" t
    JOIN "ApprovalAssignee" a ON a."taskId" = t."id"
    JOIN "Membership" m ON m."userId" = a."userId"
    WHERE t."status" = 'PENDING' AND m."groupId" IN (${inGroups(scope)})
    GROUP BY m."groupId"`;
  const byId = new Map(rows.map((r) => [r.groupId, r]));
  return scope.groups.map((g) => ({
    group: g.name,
    open: num(byId.get(g.id)?.open ?? 0),
    overdue: num(byId.get(g.id)?.overdue ?? 0),
  }));
}

async function decisionTimes(scope: TeamScope, from: Date, to: Date): Promise<TeamStats['decisionTimes']> {
  const team = scope.admin ? Prisma.empty : Prisma.sql`AND ${inManagedGroup(scope.viewerId)}`;
  const rows = await db.$queryRaw<Array<{ workflowName: string; ms: bigint | number }>>`
    SELECT w."name" AS "workflowName",
      ${millisBetween(Prisma.sql`t."createdAt"`, Prisma.sql`t."decidedAt"`)} AS ms
    FROM "ApprovalTask" t
    JOIN "Execution" e ON e."id" = t."executionId"
    JOIN "Workflow" w ON w."id" = e."workflowId"
    WHERE t."status" IN ('APPROVED', 'REJECTED') AND t."decidedAt" >= ${sqlTime(from)} AND t."decidedAt" < ${sqlTime(to)} ${team}
    ORDER BY w."name", ms`;
  const byWorkflow = new Map<string, number[]>();
  for (const row of rows) {
    const list = byWorkflow.get(row.workflowName) ?? [];
    list.push(num(row.ms));
    byWorkflow.set(row.workflowName, list);
  }
  return [...byWorkflow].map(([workflowName, ms]) => ({
    workflowName,
    decided: ms.length,
    medianMs: interpolatePercentile(ms.length, MEDIAN, (i) => ms[i]),
    p90Ms: interpolatePercentile(ms.length, P90, (i) => ms[i]),
  }));
}

/** The team's figures now, time to decision over the last `days` days (30 by default). */
export async function getTeamStats({
  viewer,
  days = 30,
}: {
  viewer: InboxViewer;
  days?: number;
}): Promise<TeamStats> {
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new AppError('INVALID_INPUT', 'days: a whole number of days from 1 to 366.');
  const scope = await teamScopeOf(viewer);
  const now = engineNow();
  const from = new Date(now.getTime() - days * DAY_MS);
  return {
    scope: scope.admin ? 'all' : 'groups',
    groups: scope.groups.map((g) => g.name),
    window: { from: from.toISOString(), to: now.toISOString() },
    perPerson: await perPerson(scope, sqlTime(now)),
    perGroup: await perGroup(scope, sqlTime(now)),
    decisionTimes: await decisionTimes(scope, from, now),
  };
}

const CSV_COLUMNS = [
  'taskId',
  'title',
  'workflow',
  'requester',
  'requestedAt',
  'outcome',
  'settledAt',
  'decidedBy',
  'onBehalfOf',
  'decision',
  'decidedAt',
  'comment',
  'via',
] as const;

/**
 * The team's tasks settled by a decision (approved or rejected) in [from, to) — by default the
 * last 30 days — one line per decision, oldest first, as CSV (RFC 4180, formula-safe).
 */
export async function exportTeamDecisionsCsv({
  viewer,
  from,
  to,
}: {
  viewer: InboxViewer;
  from?: Date;
  to?: Date;
}): Promise<string> {
  const scope = await teamScopeOf(viewer);
  const until = to ?? engineNow();
  const since = from ?? new Date(until.getTime() - 30 * DAY_MS);
  if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()) || since >= until)
    throw new AppError('INVALID_INPUT', 'from: must be a time before to.');
  const decisions = await db.decision.findMany({
    where: {
      task: {
        status: { in: ['APPROVED', 'REJECTED'] },
        decidedAt: { gte: since, lt: until },
        ...(scope.admin ? {} : managedTaskScope(scope.viewerId)),
      },
    },
    orderBy: [{ task: { decidedAt: 'asc' } }, { taskId: 'asc' }, { at: 'asc' }],
    select: {
      byEmail: true,
      onBehalfOf: true,
      decision: true,
      comment: true,
      via: true,
      at: true,
      task: {
        select: {
          id: true,
          title: true,
          status: true,
          requesterLabel: true,
          createdAt: true,
          decidedAt: true,
          execution: { select: { workflow: { select: { name: true } } } },
        },
      },
    },
  });
  return csvText(
    CSV_COLUMNS,
    decisions.map((d) => [
      d.task.id,
      d.task.title,
      d.task.execution.workflow.name,
      d.task.requesterLabel,
      d.task.createdAt.toISOString(),
      d.task.status.toLowerCase(),
      d.task.decidedAt?.toISOString() ?? null,
      d.byEmail,
      d.onBehalfOf,
      d.decision,
      d.at.toISOString(),
      d.comment,
      d.via,
    ]),
  );
}
