'use server';
/**
 * The inbox list's decisions: several tasks (or the one the keyboard is on) approved or rejected
 * with one comment. Each task is decided on its own by the service (policy, self-approval, form,
 * claims); the answer lists every task's outcome.
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { bulkDecide } from '@/lib/approvals/bulk-decide';
import { authedAction } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';

const bulk = authedAction(
  z.object({
    decision: z.enum(['approve', 'reject'], { message: 'Choose Approve or Reject.' }),
    comment: z.string().max(5000, 'At most 5,000 characters.').optional(),
  }),
  async (input, user, formData) =>
    bulkDecide({
      taskIds: formData.getAll('taskId').map(String),
      decision: input.decision,
      comment: input.comment?.trim() || undefined,
      actor: userActor(user),
      request: requestInfoFrom(await headers()),
    }),
);

export async function decideInBulk(_prev: unknown, formData: FormData) {
  const result = await bulk(null, formData);
  if (result.ok) revalidatePath('/inbox');
  return result;
}
