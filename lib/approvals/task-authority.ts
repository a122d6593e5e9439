/**
 * Who may act on a task beyond deciding it: the acting person read in the caller's transaction
 * (so a demoted or deactivated person's open page cannot act), and whether they oversee the
 * task — an admin every task, a manager the tasks asked of people in the groups they manage.
 */
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { AppError } from '../errors';
import { inboxScope, managedTaskScope } from './inbox-scope';

export interface ActingUser {
  id: string;
  email: string;
  role: string;
}

/** The signed-in person behind `actor`, active now; UNAUTHORIZED for anything else. */
export async function actingUser(tx: Tx, actor: Actor, what: string): Promise<ActingUser> {
  if (actor.type !== 'user' || !actor.id) throw new AppError('UNAUTHORIZED', `Sign in to ${what}.`);
  const user = await tx.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) throw new AppError('UNAUTHORIZED', `Sign in to ${what}.`);
  return { id: user.id, email: user.email, role: user.role };
}

/** Whether the person oversees the task (admin, or manager of a group it was asked of). */
export async function overseesTask(tx: Tx, user: ActingUser, taskId: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'manager') return false;
  return (await tx.approvalTask.count({ where: { AND: [{ id: taskId }, managedTaskScope(user.id)] } })) > 0;
}

/**
 * Throws unless the person oversees the task: NOT_FOUND when they cannot even see it (its
 * existence stays private), FORBIDDEN when they can see it but not `what` it.
 */
export async function assertOverseesTask(
  tx: Tx,
  user: ActingUser,
  taskId: string,
  what: string,
): Promise<void> {
  if (await overseesTask(tx, user, taskId)) return;
  const visible = await tx.approvalTask.count({ where: { AND: [{ id: taskId }, inboxScope(user)] } });
  if (visible === 0) throw new AppError('NOT_FOUND', 'There is no such request in your inbox.');
  throw new AppError('FORBIDDEN', `Only admins and managers of the request's groups may ${what}.`);
}
