/**
 * The inbox's lists as SQL: which tasks a tab holds for a viewer, narrowed by the filters and
 * the search, in the chosen order, a page at a time by keyset (the cursor is the last row's sort
 * key, so pages neither repeat nor skip rows while tasks come and go). Only ids and sort keys
 * are read here; list-inbox-tasks.ts loads the rows of one page through Prisma.
 *
 * Raw SQL because the tabs start from different tables (the viewer's assignments, their
 * decisions, the tasks) and the search is an FTS5 table Prisma does not know. It reads the
 * DateTime text Prisma writes (lib/db/sqlite.ts sqlTime), so times are passed in that form. The
 * search condition comes from task-search.ts, the one SQLite-only part.
 */
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { sqlTime } from '../db/sqlite';
import { AppError } from '../errors';
import type { InboxViewer } from './inbox-scope';
import type { InboxQuery, InboxTab } from './inbox-query';
import { searchCondition } from './task-search';

/** Sorts undated tasks after every dated one in the `due` order. */
const NO_DUE_DATE = sqlTime(new Date('9999-12-31T23:59:59.999Z'));

interface TabSource {
  from: Prisma.Sql;
  where: Prisma.Sql[];
  /**
   * What newest / oldest order by: when the task reached this list — the viewer was asked
   * (`todo`), decided it (`decided`), it was created (`claimed`, `team`) — and the task's id to
   * break ties, both from the table the tab starts from, so its index serves the order.
   */
  time: Prisma.Sql;
  id: Prisma.Sql;
  /** `from` without the task, for a count when no condition reads the task (Decided unfiltered) */
  alone?: Prisma.Sql;
}

/** Whether the viewer may open the team tab (managers: their groups; admins: everything). */
export function hasTeamTab(viewer: InboxViewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'manager';
}

/** Task t was asked of someone in a group the viewer manages (inbox-scope.ts managedTaskScope). */
export function inManagedGroup(viewerId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ApprovalAssignee" ta
    JOIN "Membership" tm ON tm."userId" = ta."userId"
    JOIN "Membership" mm ON mm."groupId" = tm."groupId" AND mm."userId" = ${viewerId} AND mm."role" = 'manager'
    WHERE ta."taskId" = t."id")`;
}

function teamSource(viewer: InboxViewer, status: InboxQuery['status']): TabSource {
  if (!hasTeamTab(viewer)) throw new AppError('FORBIDDEN', 'The team tab is for managers and admins.');
  const where =
    status === 'open'
      ? [Prisma.sql`t."status" = 'PENDING'`]
      : status === 'closed'
        ? [Prisma.sql`t."status" <> 'PENDING'`]
        : [];
  if (viewer.role !== 'admin') where.push(inManagedGroup(viewer.id));
  return {
    from: Prisma.sql`"ApprovalTask" t`,
    where,
    time: Prisma.sql`t."createdAt"`,
    id: Prisma.sql`t."id"`,
  };
}

/** The tasks the viewer decided, by their decision's time (Decision by person and time). */
function decidedSource(viewer: InboxViewer): TabSource {
  return {
    from: Prisma.sql`"Decision" d JOIN "ApprovalTask" t ON t."id" = d."taskId"`,
    alone: Prisma.sql`"Decision" d`,
    where: [Prisma.sql`d."byUserId" = ${viewer.id}`],
    time: Prisma.sql`d."at"`,
    id: Prisma.sql`d."taskId"`,
  };
}

function tabSource(viewer: InboxViewer, tab: InboxTab, status: InboxQuery['status'], now: string): TabSource {
  const task = { time: Prisma.sql`t."createdAt"`, id: Prisma.sql`t."id"` };
  switch (tab) {
    case 'todo':
      return {
        from: Prisma.sql`"ApprovalAssignee" a JOIN "ApprovalTask" t ON t."id" = a."taskId"`,
        where: [
          Prisma.sql`a."userId" = ${viewer.id}`,
          Prisma.sql`a."status" = 'PENDING'`,
          Prisma.sql`t."status" = 'PENDING'`,
          Prisma.sql`(t."claimedById" IS NULL OR t."claimedById" = ${viewer.id} OR t."claimExpiresAt" <= ${now})`,
        ],
        time: Prisma.sql`a."createdAt"`,
        id: Prisma.sql`a."taskId"`,
      };
    case 'claimed':
      return {
        from: Prisma.sql`"ApprovalTask" t`,
        where: [
          Prisma.sql`t."claimedById" = ${viewer.id}`,
          Prisma.sql`t."claimExpiresAt" > ${now}`,
          Prisma.sql`t."status" = 'PENDING'`,
        ],
        ...task,
      };
    case 'decided':
      return decidedSource(viewer);
    case 'team':
      return teamSource(viewer, status);
  }
}

const VIA: Record<NonNullable<InboxQuery['scope']>, Prisma.Sql> = {
  me: Prisma.sql`s."delegatedFromUserId" IS NULL AND s."via" NOT LIKE 'group:%'`,
  group: Prisma.sql`s."via" LIKE 'group:%'`,
  delegated: Prisma.sql`s."delegatedFromUserId" IS NOT NULL`,
};

/** The filters of the query, each a condition on task t (and the viewer's own assignment). */
function filterConditions(viewer: InboxViewer, query: InboxQuery, now: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.workflow)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Execution" e JOIN "Workflow" w ON w."id" = e."workflowId"
      WHERE e."id" = t."executionId" AND w."name" = ${query.workflow})`);
  if (query.requester) where.push(Prisma.sql`lower(t."requesterLabel") = ${query.requester.toLowerCase()}`);
  if (query.scope)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ApprovalAssignee" s WHERE s."taskId" = t."id"
      AND s."userId" = ${viewer.id} AND s."status" <> 'CANCELLED' AND ${VIA[query.scope]})`);
  if (query.dueBefore) where.push(Prisma.sql`t."dueAt" < ${sqlTime(new Date(query.dueBefore))}`);
  if (query.overdue) where.push(Prisma.sql`t."status" = 'PENDING' AND t."dueAt" <= ${now}`);
  if (query.escalated) where.push(Prisma.sql`t."escalatedAt" IS NOT NULL`);
  const search = searchCondition(query.q);
  if (search) where.push(search);
  return where;
}

/** The order's columns, most significant first; the task id last makes every key unique. */
function sortKeys(sort: InboxQuery['sort'], { time, id }: TabSource): Prisma.Sql[] {
  const keys = [time, id];
  return sort === 'due' ? [Prisma.sql`COALESCE(t."dueAt", ${NO_DUE_DATE})`, ...keys] : keys;
}

/** Where a page starts: tied to its tab and order, so a cursor from another view starts over. */
function encodeCursor(query: InboxQuery, keys: string[]): string {
  return Buffer.from(JSON.stringify([query.tab, query.sort, ...keys])).toString('base64url');
}

function decodeCursor(query: InboxQuery, expected: number): string[] | null {
  if (!query.cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== expected + 2) return null;
    const [tab, sort, ...keys] = value as unknown[];
    if (tab !== query.tab || sort !== query.sort || !keys.every((k) => typeof k === 'string')) return null;
    return keys as string[];
  } catch {
    return null;
  }
}

function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

function conditionsOf(viewer: InboxViewer, query: InboxQuery, now: Date) {
  const at = sqlTime(now);
  const source = tabSource(viewer, query.tab, query.status, at);
  return { source, where: [...source.where, ...filterConditions(viewer, query, at)] };
}

/** One page of task ids in order, and the cursor of the next page (null on the last). */
export async function listInboxTaskIds(
  viewer: InboxViewer,
  query: InboxQuery,
  now: Date,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const { source, where } = conditionsOf(viewer, query, now);
  const keys = sortKeys(query.sort, source);
  const after = decodeCursor(query, keys.length);
  const direction = query.sort === 'newest' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  if (after)
    where.push(
      Prisma.sql`(${Prisma.join(keys)}) ${query.sort === 'newest' ? Prisma.sql`<` : Prisma.sql`>`} (${Prisma.join(after)})`,
    );
  // Read as text: the cursor must hold the stored text, not a Date rounded through JavaScript.
  const columns = keys.map((key, i) => Prisma.sql`CAST(${key} AS TEXT) AS ${Prisma.raw(`k${i}`)}`);
  const rows = await db.$queryRaw<Array<Record<string, string>>>`
    SELECT ${Prisma.join(columns)} FROM ${source.from} ${whereClause(where)}
    ORDER BY ${Prisma.join(
      keys.map((key) => Prisma.sql`${key} ${direction}`),
      ', ',
    )}
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(
          query,
          keys.map((_, i) => last[`k${i}`]),
        )
      : null;
  return { ids: page.map((row) => row[`k${keys.length - 1}`]), nextCursor };
}

/** How many tasks the query's tab holds with its filters (the cursor ignored). */
export async function countInboxTab(viewer: InboxViewer, query: InboxQuery, now: Date): Promise<number> {
  const { source, where } = conditionsOf(viewer, query, now);
  const unfiltered = where.length === source.where.length;
  const from = unfiltered && source.alone ? source.alone : source.from;
  const [row] = await db.$queryRaw<Array<{ n: bigint | number }>>`
    SELECT COUNT(*) AS n FROM ${from} ${whereClause(where)}`;
  return Number(row?.n ?? 0);
}
