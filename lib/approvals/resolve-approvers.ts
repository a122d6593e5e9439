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
  const people = new Map<string, ResolvedApprover>();
  for (const ref of refs) {
    for (const person of await expandRef(tx, ref, via)) {
      const delegated = person.userId ? await applyDelegation(tx, person, now) : person;
      if (!people.has(delegated.email)) people.set(delegated.email, delegated);
    }
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

async function applyDelegation(tx: Tx, person: ResolvedApprover, now: Date): Promise<ResolvedApprover> {
  const delegation = await tx.delegation.findFirst({
    where: {
      fromUserId: person.userId!,
      startsAt: { lte: now },
      endsAt: { gt: now },
      toUser: { disabledAt: null },
    },
    orderBy: { createdAt: 'desc' },
    select: { toUser: { select: { id: true, email: true } } },
  });
  if (!delegation) return person;
  return {
    userId: delegation.toUser.id,
    email: delegation.toUser.email.toLowerCase(),
    via: 'delegation',
    delegatedFromUserId: person.userId,
  };
}
