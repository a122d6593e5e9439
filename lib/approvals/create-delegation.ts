/**
 * A user hands their approvals to another user for a date range: tasks assigned in that range
 * go to the delegate (resolveApprovers), and each such assignment records who delegated.
 * Own transaction, audited as an admin action would be by the caller's audit of choice.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors';

const createDelegationSchema = z
  .object({
    fromUserId: z.string().min(1),
    toUserId: z.string().min(1),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((d) => d.fromUserId !== d.toUserId, {
    message: 'A user cannot delegate to themselves.',
    path: ['toUserId'],
  })
  .refine((d) => d.endsAt > d.startsAt, { message: 'The end must come after the start.', path: ['endsAt'] });

export type CreateDelegationOptions = z.input<typeof createDelegationSchema>;

export async function createDelegation(options: CreateDelegationOptions): Promise<{ id: string }> {
  const parsed = createDelegationSchema.safeParse(options);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join(' '), {
      details: { fieldErrors: z.flattenError(parsed.error).fieldErrors },
    });
  const { fromUserId, toUserId, startsAt, endsAt, reason } = parsed.data;
  const users = await db.user.findMany({
    where: { id: { in: [fromUserId, toUserId] }, disabledAt: null },
    select: { id: true },
  });
  if (users.length !== 2) throw new AppError('NOT_FOUND', 'Both users must exist and be active.');
  const overlapping = await db.delegation.findFirst({
    where: { fromUserId, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
    select: { id: true },
  });
  if (overlapping) throw new AppError('CONFLICT', 'This user already delegates for part of that range.');
  return db.delegation.create({
    data: { fromUserId, toUserId, startsAt, endsAt, reason: reason ?? null },
    select: { id: true },
  });
}
