/**
 * One decision and one comment for several tasks from the inbox, each decided on its own: its
 * own transaction through decideTask (its policy, the self-approval rule, the comment rule, a
 * claim someone else holds), so one refusal never undoes or blocks the others. A task whose form
 * requires more than the comment is not decided here (bulk-rules.ts). Returns what happened to
 * each task, in the order given, and a sentence for all of them ("9 approved, 1 not decided").
 */
import { z } from 'zod';
import type { Actor, RequestInfo } from '../auth/actor';
import { db } from '../db/client';
import { AppError, isAppError } from '../errors';
import { formBulkReason } from './bulk-rules';
import type { FormField } from './config-schema';
import { decideTask } from './decide-task';
import { inboxScope } from './inbox-scope';

/** The most tasks one bulk decision takes (a page of the inbox). */
const MAX_BULK = 100;

const bulkInputSchema = z.object({
  taskIds: z
    .array(z.string().trim().min(1).max(100))
    .min(1, 'Select at least one request.')
    .max(MAX_BULK, `Select at most ${MAX_BULK} requests at a time.`),
  decision: z.enum(['approve', 'reject'], { message: 'Choose Approve or Reject.' }),
  comment: z.string().max(5000, 'At most 5,000 characters.').optional(),
});

export interface BulkDecideOptions {
  taskIds: string[];
  decision: 'approve' | 'reject';
  comment?: string;
  actor: Actor;
  request?: RequestInfo;
}

type BulkItemResult =
  | { taskId: string; title: string | null; ok: true; status: 'PENDING' | 'APPROVED' | 'REJECTED' }
  | { taskId: string; title: string | null; ok: false; reason: string };

export interface BulkDecisionResult {
  results: BulkItemResult[];
  /** how many of the viewer's decisions were recorded (a task may still wait for others: status PENDING) */
  decided: number;
  notDecided: number;
  /** "9 approved, 1 not decided" */
  summary: string;
}

function parseInput(options: BulkDecideOptions) {
  const parsed = bulkInputSchema.safeParse(options);
  if (parsed.success) return { ...parsed.data, taskIds: [...new Set(parsed.data.taskIds)] };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors;
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ['taskIds', ['Check the input.']];
  throw new AppError('INVALID_INPUT', `${field}: ${messages?.[0] ?? 'invalid'}`, {
    details: { fieldErrors },
  });
}

/** The refusal in one sentence: a field error's own words rather than "Check the highlighted fields." */
function reasonOf(error: AppError): string {
  const fieldErrors = (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
  const first = fieldErrors ? Object.values(fieldErrors).flat()[0] : undefined;
  return first ?? error.message;
}

async function decideOne(
  task: { id: string; title: string | null; form: string | null },
  input: ReturnType<typeof parseInput>,
  options: BulkDecideOptions,
): Promise<BulkItemResult> {
  const base = { taskId: task.id, title: task.title };
  if (task.form === null) return { ...base, ok: false, reason: 'There is no such request in your inbox.' };
  const blocked = formBulkReason(JSON.parse(task.form) as FormField[]);
  if (blocked) return { ...base, ok: false, reason: blocked };
  try {
    const result = await decideTask({
      taskId: task.id,
      actor: options.actor,
      decision: input.decision,
      comment: input.comment,
      request: options.request,
      via: 'inbox',
    });
    return { ...base, ok: true, status: result.taskStatus };
  } catch (error) {
    if (isAppError(error)) return { ...base, ok: false, reason: reasonOf(error) };
    console.error('[bulk-decide]', task.id, error);
    return { ...base, ok: false, reason: 'Something went wrong on our side; decide this one again.' };
  }
}

export async function bulkDecide(options: BulkDecideOptions): Promise<BulkDecisionResult> {
  const input = parseInput(options);
  const { actor } = options;
  const user =
    actor.type === 'user' && actor.id
      ? await db.user.findUnique({
          where: { id: actor.id },
          select: { id: true, role: true, disabledAt: true },
        })
      : null;
  if (!user || user.disabledAt) throw new AppError('UNAUTHORIZED', 'Sign in to decide requests.');
  // Titles and forms only of tasks in the person's inbox: nobody learns the titles of others'.
  const known = await db.approvalTask.findMany({
    where: { AND: [{ id: { in: input.taskIds } }, inboxScope(user)] },
    select: { id: true, title: true, form: true },
  });
  const byId = new Map(known.map((task) => [task.id, task]));
  const results: BulkItemResult[] = [];
  for (const taskId of input.taskIds) {
    const task = byId.get(taskId) ?? { id: taskId, title: null, form: null };
    results.push(await decideOne(task, input, options));
  }
  const decided = results.filter((r) => r.ok).length;
  const notDecided = results.length - decided;
  const verb = input.decision === 'approve' ? 'approved' : 'rejected';
  const summary = `${decided} ${verb}${notDecided > 0 ? `, ${notDecided} not decided` : ''}`;
  return { results, decided, notDecided, summary };
}
