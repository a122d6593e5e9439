/** Who may set or end a person's delegation: the person themselves, or an admin. */
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export async function assertMayManageDelegations(tx: Tx, actor: Actor, forUserId: string): Promise<void> {
  if (actor.type === 'system') return; // the CLI and tests act as the system
  if (actor.type === 'user' && actor.id === forUserId) return;
  if (actor.type === 'user' && actor.id) {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { role: true, disabledAt: true },
    });
    if (user?.role === 'admin' && !user.disabledAt) return;
  }
  throw new AppError('FORBIDDEN', 'Only the person themselves or an admin can change their delegations.');
}
