/**
 * A cheap "has anything changed?" for open inbox pages: a short opaque string that changes
 * whenever an open task the viewer can act on or oversee is created, claimed, released,
 * reassigned, decided by anyone, or closed. A page polls it (every 2 s is fine) and reloads its
 * data when it differs from the value it rendered with.
 *
 * How: for each set below, the number of tasks in it and the latest `updatedAt` among them.
 * Every change to a task moves its updatedAt (Prisma's @updatedAt; apply-decision.ts and the
 * claim and reassign services touch the task), a new task adds to the count, and a task that
 * settles or closes leaves the set (its count drops) — so any change shows in one of the two.
 *   - every viewer: open tasks where their own assignment is undecided (To do and Claimed);
 *   - a manager: also open tasks with an undecided assignment of a member of a group they manage;
 *   - an admin: also every open task.
 * Each is one indexed query (ApprovalAssignee by person and status, ApprovalTask by status and
 * updatedAt). Not covered: a task the viewer already decided being settled by others (the
 * Decided tab updates on the next change or reload).
 */
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import type { InboxViewer } from './inbox-scope';

type Fingerprint = Array<{ n: bigint | number; m: string | null }>;

const part = ([row]: Fingerprint) => `${Number(row?.n ?? 0)}.${row?.m ?? '-'}`;

function assignedTo(people: Prisma.Sql): Promise<Fingerprint> {
  return db.$queryRaw<Fingerprint>`
    SELECT COUNT(*) AS n, MAX(CAST(t."updatedAt" AS TEXT)) AS m
    FROM "ApprovalAssignee" a JOIN "ApprovalTask" t ON t."id" = a."taskId"
    WHERE a."userId" IN (${people}) AND a."status" = 'PENDING' AND t."status" = 'PENDING'`;
}

export async function inboxVersion({ viewer }: { viewer: InboxViewer }): Promise<string> {
  const parts = [part(await assignedTo(Prisma.sql`${viewer.id}`))];
  if (viewer.role === 'manager')
    parts.push(
      part(
        await assignedTo(Prisma.sql`SELECT m."userId" FROM "Membership" m
          JOIN "Membership" mm ON mm."groupId" = m."groupId" AND mm."userId" = ${viewer.id} AND mm."role" = 'manager'`),
      ),
    );
  if (viewer.role === 'admin')
    parts.push(
      part(
        await db.$queryRaw<Fingerprint>`
          SELECT COUNT(*) AS n, MAX(CAST("updatedAt" AS TEXT)) AS m FROM "ApprovalTask" WHERE "status" = 'PENDING'`,
      ),
    );
  return parts.join('/');
}
