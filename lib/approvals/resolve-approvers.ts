/**
 * Turns approver references into the people asked: user emails, `group:NAME` members and
 * outside addresses. A person counts once whatever groups they are in; a user with a
 * Delegation covering `now` is replaced by the delegate, and the record says so.
 */
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export interface ResolvedApprover {
  userId: string | null;
  email: string;
  via: string;
  delegatedFromUserId: string | null;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function resolveApprovers(
  tx: Tx,
  refs: string[],
  now: Date,
  via?: string,
): Promise<ResolvedApprover[]> {
  const expanded: ResolvedApprover[] = [];
  for (const ref of refs) expanded.push(...(await expandRef(tx, ref, via)));
  const delegates = await delegatesOf(
    tx,
    expanded.flatMap((person) => (person.userId ? [person.userId] : [])),
    now,
  );
  const people = new Map<string, ResolvedApprover>();
  for (const person of expanded) {
    const delegate = person.userId ? delegates.get(person.userId) : undefined;
    const resolved = delegate
      ? {
          userId: delegate.id,
          email: delegate.email.toLowerCase(),
          via: 'delegation',
          delegatedFromUserId: person.userId,
        }
      : person;
    if (!people.has(resolved.email)) people.set(resolved.email, resolved);
  }
  return [...people.values()];
}

async function expandRef(tx: Tx, ref: string, via?: string): Promise<ResolvedApprover[]> {
  if (ref.startsWith('group:')) {
    const name = ref.slice('group:'.length);
    const group = await tx.group.findUnique({
      where: { name },
      select: {
        memberships: {
          where: { user: { disabledAt: null } },
          select: { user: { select: { id: true, email: true } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    });
    if (!group) throw new AppError('INVALID_INPUT', `Approvers: there is no group "${name}".`);
    return group.memberships.map(({ user }) => ({
      userId: user.id,
      email: user.email.toLowerCase(),
      via: via ?? ref,
      delegatedFromUserId: null,
    }));
  }
  const email = ref.toLowerCase();
  if (!EMAIL.test(email))
    throw new AppError('INVALID_INPUT', `Approvers: "${ref}" is neither an email address nor group:NAME.`);
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (user?.disabledAt) return [];
  return [{ userId: user?.id ?? null, email, via: via ?? 'direct', delegatedFromUserId: null }];
}

/** Per user, the delegate of their newest Delegation covering `now` (to an enabled user): one query for all. */
async function delegatesOf(
  tx: Tx,
  userIds: string[],
  now: Date,
): Promise<Map<string, { id: string; email: string }>> {
  const delegates = new Map<string, { id: string; email: string }>();
  if (userIds.length === 0) return delegates;
  const rows = await tx.delegation.findMany({
    where: {
      fromUserId: { in: [...new Set(userIds)] },
      startsAt: { lte: now },
      endsAt: { gt: now },
      toUser: { disabledAt: null },
    },
    orderBy: { createdAt: 'desc' },
    select: { fromUserId: true, toUser: { select: { id: true, email: true } } },
  });
  for (const row of rows) if (!delegates.has(row.fromUserId)) delegates.set(row.fromUserId, row.toUser);
  return delegates;
}
