/**
 * Hands a person's undecided tasks to their delegate: on each pending task where the person is
 * still asked and the delegate is not, the person's assignment is withdrawn (their links stop
 * working) and the delegate is asked on their behalf, with a link of their own by mail. The
 * number of people asked stays the same, so `all` and quorum policies count as before.
 */
import type { Tx } from '../db/client';
import { addAssignees } from './add-assignees';

export async function movePendingTasks(tx: Tx, fromUserId: string, toUserId: string): Promise<number> {
  const delegate = await tx.user.findUniqueOrThrow({ where: { id: toUserId }, select: { email: true } });
  const email = delegate.email.toLowerCase();
  const assignments = await tx.approvalAssignee.findMany({
    where: { userId: fromUserId, status: 'PENDING', task: { status: 'PENDING' } },
    select: { id: true, taskId: true },
  });
  let moved = 0;
  for (const { id, taskId } of assignments) {
    const asked = await tx.approvalAssignee.findUnique({ where: { taskId_email: { taskId, email } } });
    if (asked) continue;
    await tx.approvalAssignee.update({ where: { id }, data: { status: 'CANCELLED' } });
    const person = { userId: toUserId, email, via: 'delegation', delegatedFromUserId: fromUserId };
    moved += await addAssignees(tx, { taskId, people: [person], kind: 'approval-request' });
  }
  return moved;
}
