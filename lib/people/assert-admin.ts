/** People, groups and keys are managed by admins: a signed-in user who is not an active admin is refused. */
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export async function assertAdmin(tx: Tx, actor: Actor): Promise<void> {
  if (actor.type === 'system') return; // the CLI and the setup link act as the system
  if (actor.type === 'user' && actor.id) {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { role: true, disabledAt: true },
    });
    if (user?.role === 'admin' && !user.disabledAt) return;
  }
  throw new AppError('FORBIDDEN', 'Only admins manage people and groups.');
}
