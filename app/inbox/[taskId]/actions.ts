'use server';
/**
 * The task page's actions, each signed in and parsed by authedAction, then one service call:
 * Approve / Reject (decideTask, which checks the person is asked to decide), claim, release and
 * break a claim (claim-task.ts), add or replace an approver (reassign-task.ts, which checks the
 * person manages the task's groups or is an admin), and the live page's check for changes
 * (getInboxTaskOrThrow, with the viewer's scope in its query). Whoever may not do a thing gets
 * the service's message; revalidation and redirects come after, outside any try.
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formFieldValues, submittedForm, type SubmittedForm } from '@/components/approvals/form-data';
import { pulseOf, type TaskPulse } from '@/components/approvals/task-pulse';
import { breakClaim, claimTask, releaseTask, type ClaimView } from '@/lib/approvals/claim-task';
import { decideTask } from '@/lib/approvals/decide-task';
import { getInboxTaskOrThrow } from '@/lib/approvals/get-inbox-task-or-throw';
import { addApprover, reassignApprover, type ApproverChange } from '@/lib/approvals/reassign-task';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';

const taskIdSchema = z.string().min(1).max(100);
const taskSchema = z.object({ taskId: taskIdSchema });

const decisionSchema = z.object({
  taskId: taskIdSchema,
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

export async function decideInInbox(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<unknown> | (Extract<ActionResult, { ok: false }> & SubmittedForm)> {
  const result = await decide(null, formData);
  if (!result.ok && result.code !== 'ALREADY_DECIDED') return { ...result, ...submittedForm(formData) };
  const taskId = encodeURIComponent(String(formData.get('taskId')));
  revalidatePath('/inbox');
  // `?decided` only asks the page to confirm; what it says comes from the viewer's stored decision.
  redirect(result.ok ? `/inbox/${taskId}?decided=1` : `/inbox/${taskId}`);
}

/** The task page and the list show the change (after the service committed it). */
function revalidateTask(formData: FormData): void {
  revalidatePath(`/inbox/${encodeURIComponent(String(formData.get('taskId')))}`);
  revalidatePath('/inbox');
}

const claim = authedAction(taskSchema, async ({ taskId }, user) =>
  claimTask({ taskId, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function claimInInbox(_prev: unknown, formData: FormData): Promise<ActionResult<ClaimView>> {
  const result = await claim(null, formData);
  revalidateTask(formData);
  return result;
}

const release = authedAction(taskSchema, async ({ taskId }, user) =>
  releaseTask({ taskId, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function releaseInInbox(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await release(null, formData);
  revalidateTask(formData);
  return result;
}

const breakSchema = taskSchema.extend({
  reason: z.string().max(500, 'At most 500 characters.').optional(),
});

const breakIt = authedAction(breakSchema, async ({ taskId, reason }, user) =>
  breakClaim({ taskId, reason, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function breakClaimInInbox(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await breakIt(null, formData);
  revalidateTask(formData);
  return result;
}

const changeSchema = taskSchema.extend({
  email: z.string().trim().min(1, 'Enter the email address of the person to ask.').max(320),
  /** the person replaced; empty: add one more */
  replace: z.string().max(320).optional(),
});

const change = authedAction(changeSchema, async ({ taskId, email, replace }, user) => {
  const common = { taskId, actor: userActor(user), request: requestInfoFrom(await headers()) };
  return replace
    ? reassignApprover({ ...common, from: replace, to: email })
    : addApprover({ ...common, email });
});

export async function changeApproversInInbox(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ApproverChange>> {
  const result = await change(null, formData);
  if (!result.ok && result.fieldErrors?.to) {
    // the form's one address field is `email`, whichever service checked it
    const { to, ...rest } = result.fieldErrors;
    return { ...result, fieldErrors: { ...rest, email: to } };
  }
  if (result.ok) revalidateTask(formData);
  return result;
}

const check = authedAction(taskSchema, async ({ taskId }, user) =>
  pulseOf(await getInboxTaskOrThrow({ taskId, viewer: user })),
);

/** The live page's question: what the task looks like now (NOT_FOUND once it left the viewer's scope). */
export async function checkTaskInInbox(_prev: unknown, formData: FormData): Promise<ActionResult<TaskPulse>> {
  return check(null, formData);
}
