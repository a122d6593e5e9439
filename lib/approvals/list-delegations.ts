/** A person's running and coming delegations: the ones they gave and the ones they hold for others. */
import { db } from '../db/client';

export interface DelegationView {
  id: string;
  from: string;
  to: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  running: boolean;
}

export async function listDelegations({ userId }: { userId: string }): Promise<{
  given: DelegationView[];
  taken: DelegationView[];
}> {
  const now = new Date();
  const rows = await db.delegation.findMany({
    where: { endsAt: { gt: now }, OR: [{ fromUserId: userId }, { toUserId: userId }] },
    orderBy: { startsAt: 'asc' },
    include: { fromUser: { select: { email: true } }, toUser: { select: { email: true } } },
  });
  const view = (d: (typeof rows)[number]): DelegationView => ({
    id: d.id,
    from: d.fromUser.email,
    to: d.toUser.email,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    reason: d.reason,
    running: d.startsAt <= now,
  });
  return {
    given: rows.filter((d) => d.fromUserId === userId).map(view),
    taken: rows.filter((d) => d.toUserId === userId).map(view),
  };
}

/** How many undecided requests a person could hand over now. */
export async function countPendingAssignments(userId: string): Promise<number> {
  return db.approvalAssignee.count({ where: { userId, status: 'PENDING', task: { status: 'PENDING' } } });
}
