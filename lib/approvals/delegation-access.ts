/** Who may set or end a person's delegation: the person themselves, or an admin. */
import type { Actor } from '../auth/actor';
import { assertAdmin } from '../auth/assert-admin';
import type { Tx } from '../db/client';

export async function assertMayManageDelegations(tx: Tx, actor: Actor, forUserId: string): Promise<void> {
  if (actor.type === 'user' && actor.id === forUserId) return;
  await assertAdmin(tx, actor, "or the person themselves change someone's delegations");
}
