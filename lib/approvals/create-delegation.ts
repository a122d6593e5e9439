/**
 * Out of office: a person hands their approvals to another for a date range. Tasks created in
 * that range go to the delegate instead (resolveApprovers), recorded as on behalf of the
 * person; with `includePending`, the person's undecided tasks move to the delegate now (their
 * own link stops working, the delegate gets one of their own). Set by the person themselves or
 * by an admin. One audited transaction.
 */
import { z } from 'zod';
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Tx } from '../db/client';
import { AppError } from '../errors';
import { assertMayManageDelegations } from './delegation-access';
import { movePendingTasks } from './move-pending-tasks';

const createDelegationSchema = z
  .object({
    fromUserId: z.string().min(1),
    toUserId: z.string().min(1, 'Choose who decides for you.'),
    startsAt: z.coerce.date({ message: 'Enter a start.' }),
    endsAt: z.coerce.date({ message: 'Enter an end.' }),
    reason: z.string().trim().max(500, 'At most 500 characters.').optional(),
    includePending: z.boolean().default(false),
  })
  .refine((d) => d.fromUserId !== d.toUserId, {
    message: 'You cannot delegate to yourself.',
    path: ['toUserId'],
  })
  .refine((d) => d.endsAt > d.startsAt, { message: 'The end must come after the start.', path: ['endsAt'] });

export type CreateDelegationOptions = z.input<typeof createDelegationSchema> & {
  actor: Actor;
  request?: RequestInfo;
};

export async function createDelegation({
  actor,
  request,
  ...options
}: CreateDelegationOptions): Promise<{ id: string; moved: number }> {
  const parsed = createDelegationSchema.safeParse(options);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '), {
      details: { fieldErrors: z.flattenError(parsed.error).fieldErrors },
    });
  const input = parsed.data;
  return runAudited(async (tx) => {
    await assertMayManageDelegations(tx, actor, input.fromUserId);
    await assertDelegable(tx, input);
    const { id } = await tx.delegation.create({
      data: {
        fromUserId: input.fromUserId,
        toUserId: input.toUserId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason ?? null,
        createdById: actor.type === 'user' ? (actor.id ?? null) : null,
      },
      select: { id: true },
    });
    const moved = input.includePending ? await movePendingTasks(tx, input.fromUserId, input.toUserId) : 0;
    await recordAudit(tx, {
      actor,
      request,
      type: 'DELEGATION_CREATED',
      target: { type: 'user', id: input.fromUserId },
      data: {
        delegationId: id,
        fromUserId: input.fromUserId,
        toUserId: input.toUserId,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        movedTasks: moved,
      },
    });
    return { id, moved };
  });
}

async function assertDelegable(tx: Tx, input: z.output<typeof createDelegationSchema>): Promise<void> {
  const users = await tx.user.findMany({
    where: { id: { in: [input.fromUserId, input.toUserId] }, disabledAt: null },
    select: { id: true },
  });
  if (users.length !== 2) throw new AppError('NOT_FOUND', 'Both people must have active accounts.');
  const overlapping = await tx.delegation.findFirst({
    where: { fromUserId: input.fromUserId, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
    select: { id: true },
  });
  if (overlapping) throw new AppError('CONFLICT', 'There is already a delegation for part of that time.');
}
