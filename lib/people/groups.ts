/**
 * Groups: create one, and set a person's place in it (member, manager, or out). Managers see
 * their groups' tasks in the inbox. Each change is one audited transaction.
 */
import { z } from 'zod';
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { assertAdmin } from '../auth/assert-admin';

const groupNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'Lower-case letters, digits, dot, dash or underscore; up to 63 characters.',
  );

export async function createGroup(options: {
  name: string;
  description?: string;
  actor: Actor;
  request?: RequestInfo;
}) {
  const name = groupNameSchema.safeParse(options.name);
  if (!name.success)
    throw new AppError('INVALID_INPUT', `name: ${name.error.issues[0].message}`, {
      details: { fieldErrors: { name: [name.error.issues[0].message] } },
    });
  return runAudited(async (tx) => {
    await assertAdmin(tx, options.actor);
    if (await tx.group.findUnique({ where: { name: name.data } }))
      throw new AppError('CONFLICT', `There is already a group ${name.data}.`);
    const group = await tx.group.create({
      data: { name: name.data, description: options.description?.trim() || null },
    });
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'GROUP_CREATED',
      target: { type: 'group', id: group.id },
      data: { groupId: group.id, name: group.name },
    });
    return { id: group.id, name: group.name };
  });
}

export type Place = 'member' | 'manager' | 'none';

export async function setMembership(options: {
  groupId: string;
  userId: string;
  place: Place;
  actor: Actor;
  request?: RequestInfo;
}) {
  const { groupId, userId, place } = options;
  return runAudited(async (tx) => {
    await assertAdmin(tx, options.actor);
    const [group, user] = await Promise.all([
      tx.group.findUnique({ where: { id: groupId }, select: { id: true } }),
      tx.user.findUnique({ where: { id: userId }, select: { id: true } }),
    ]);
    if (!group || !user) throw new AppError('NOT_FOUND', 'There is no such group or person.');
    const where = { userId_groupId: { userId, groupId } };
    const before = (await tx.membership.findUnique({ where }))?.role ?? 'none';
    if (before === place) return;
    if (place === 'none') await tx.membership.delete({ where });
    else
      await tx.membership.upsert({
        where,
        update: { role: place },
        create: { userId, groupId, role: place },
      });
    await recordAudit(tx, {
      actor: options.actor,
      request: options.request,
      type: 'GROUP_MEMBERSHIP_CHANGED',
      target: { type: 'group', id: groupId },
      data: { groupId, userId, from: before, to: place },
    });
  });
}
