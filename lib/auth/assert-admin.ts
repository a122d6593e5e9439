/**
 * FORBIDDEN unless the actor is the system (the CLI, tests) or a user who is an active admin now
 * (read in the caller's transaction, so a demoted admin's open page cannot act). An API key or
 * an email link is never an admin, whatever its scopes.
 */
import type { Actor } from './actor';
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export async function assertAdmin(tx: Tx, actor: Actor, what = 'manage people and groups'): Promise<void> {
  if (actor.type === 'system') return;
  if (actor.type === 'user' && actor.id) {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { role: true, disabledAt: true },
    });
    if (user?.role === 'admin' && !user.disabledAt) return;
  }
  throw new AppError('FORBIDDEN', `Only admins ${what}.`);
}
