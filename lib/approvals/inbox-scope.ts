/**
 * Which approval tasks a signed-in person may see (DESIGN.md §6), as a Prisma `where`:
 * an approver sees tasks they are asked to decide (directly, through a group, or delegated
 * to them: each is an assignee row with their user id); a manager also sees the tasks asked
 * of anyone in the groups they manage; an admin sees every task.
 */
import type { Prisma } from '../db/generated/client';

export interface InboxViewer {
  id: string;
  role: string;
}

function assignedTo(userId: string): Prisma.ApprovalTaskWhereInput {
  return { assignees: { some: { userId, status: { not: 'CANCELLED' } } } };
}

/** Tasks asked of someone in a group `userId` manages (at any time): a manager's team's tasks. */
export function managedTaskScope(userId: string): Prisma.ApprovalTaskWhereInput {
  const managedGroupMember = {
    memberships: { some: { group: { memberships: { some: { userId, role: 'manager' } } } } },
  };
  return { assignees: { some: { user: managedGroupMember } } };
}

export function inboxScope(viewer: InboxViewer): Prisma.ApprovalTaskWhereInput {
  if (viewer.role === 'admin') return {};
  if (viewer.role !== 'manager') return assignedTo(viewer.id);
  return { OR: [assignedTo(viewer.id), managedTaskScope(viewer.id)] };
}
