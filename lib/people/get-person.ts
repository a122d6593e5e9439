/** One person as the console shows them: account, groups, the requests waiting for them, their recent decisions. */
import { db } from '../db/client';
import { AppError } from '../errors';
import type { UserSummary } from './create-user';
import type { Role } from './roles';

export interface PersonView extends UserSummary {
  createdAt: string;
  openTasks: Array<{ taskId: string; title: string; createdAt: string }>;
  recentDecisions: Array<{
    taskId: string;
    title: string;
    decision: string;
    at: string;
    comment: string | null;
  }>;
}

export async function getPersonOrThrow({ id }: { id: string }): Promise<PersonView> {
  const user = await db.user.findUnique({
    where: { id },
    include: {
      memberships: { include: { group: { select: { name: true } } } },
      assignments: {
        where: { status: 'PENDING', task: { status: 'PENDING' } },
        include: { task: { select: { id: true, title: true, createdAt: true } } },
        orderBy: { createdAt: 'asc' },
        take: 50,
      },
      decisions: { orderBy: { at: 'desc' }, take: 20, include: { task: { select: { title: true } } } },
    },
  });
  if (!user) throw new AppError('NOT_FOUND', 'There is no such person.');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    active: user.disabledAt === null,
    status: user.disabledAt ? 'deactivated' : user.emailVerified ? 'active' : 'invited',
    groups: user.memberships.map((m) => (m.role === 'manager' ? `${m.group.name}:manager` : m.group.name)),
    createdAt: user.createdAt.toISOString(),
    openTasks: user.assignments.map((a) => ({
      taskId: a.task.id,
      title: a.task.title,
      createdAt: a.task.createdAt.toISOString(),
    })),
    recentDecisions: user.decisions.map((d) => ({
      taskId: d.taskId,
      title: d.task.title,
      decision: d.decision,
      at: d.at.toISOString(),
      comment: d.comment,
    })),
  };
}
