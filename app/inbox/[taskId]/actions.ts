'use server';
/**
 * The inbox's Approve / Reject: signed in, parsed, one call to decideTask (which checks the
 * person is asked to decide), then back to the task page, outside any try. A task someone
 * else settled meanwhile goes back to the page too, which shows the outcome.
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formFieldValues } from '@/components/approvals/form-data';
import { decideTask } from '@/lib/approvals/decide-task';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';

const decisionSchema = z.object({
  taskId: z.string().min(1).max(100),
  decision: z.enum(['approve', 'reject'], { message: 'Choose Approve or Reject.' }),
  comment: z.string().max(5000, 'At most 5,000 characters.').optional(),
});

const decide = authedAction(decisionSchema, async ({ taskId, ...input }, user, formData) =>
  decideTask({
    taskId,
    ...input,
    values: formFieldValues(formData),
    actor: userActor(user),
    via: 'inbox',
    request: requestInfoFrom(await headers()),
  }),
);

export async function decideInInbox(_prev: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await decide(null, formData);
  if (!result.ok && result.code !== 'ALREADY_DECIDED') return result;
  const taskId = encodeURIComponent(String(formData.get('taskId')));
  revalidatePath('/inbox');
  // `?decided` only asks the page to confirm; what it says comes from the viewer's stored decision.
  redirect(result.ok ? `/inbox/${taskId}?decided=1` : `/inbox/${taskId}`);
}
