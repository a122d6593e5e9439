'use server';
/**
 * The execution screens' actions: start one (then open its page), stop one, redrive one.
 * Signed in and parsed here; the services decide who may (active admins; they audit).
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';
import { AppError, isAppError } from '@/lib/errors';
import { redriveExecution, startExecution, stopExecution } from '@/lib/executions';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((text) => (text ? text : undefined));

const startSchema = z.object({
  workflowId: z.string().trim().min(1, 'Choose a workflow.').max(200),
  name: optionalText(80, 'A name is at most 80 characters.'),
  input: z
    .string()
    .max(300_000, 'The input is over 256 KiB.')
    .superRefine((text, context) => {
      try {
        JSON.parse(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `This is not valid JSON: ${(error as Error).message}` });
      }
    }),
});

/** What was typed, given back with a refusal so the form keeps it. */
interface StartValues {
  workflowId: string;
  name: string;
  input: string;
}

export type StartState = ActionResult<{ id: string }> & { values?: StartValues };

/** The form field a refused start is about, from the service's error. */
function fieldOf(error: AppError): keyof StartValues | undefined {
  const details = error.details as { awsErrorType?: string } | { path?: string }[] | undefined;
  const type = Array.isArray(details) ? details[0]?.path : details?.awsErrorType;
  if (type === 'InvalidName' || type === 'ExecutionAlreadyExists') return 'name';
  if (type === 'InvalidExecutionInput' || type === 'input') return 'input';
  if (type === 'StateMachineDoesNotExist') return 'workflowId';
  return undefined;
}

const start = authedAction(startSchema, async (input, user) => {
  try {
    const { execution } = await startExecution({
      workflowId: input.workflowId,
      name: input.name,
      input: input.input,
      actor: userActor(user),
      request: requestInfoFrom(await headers()),
    });
    return { id: execution.id };
  } catch (error) {
    const field = isAppError(error) ? fieldOf(error) : undefined;
    if (!isAppError(error) || !field) throw error;
    throw new AppError(error.code, error.message, { details: { fieldErrors: { [field]: [error.message] } } });
  }
});

export async function startExecutionFromForm(
  _prev: StartState | null,
  formData: FormData,
): Promise<StartState> {
  const values: StartValues = {
    workflowId: String(formData.get('workflowId') ?? ''),
    name: String(formData.get('name') ?? ''),
    input: String(formData.get('input') ?? ''),
  };
  const result = await start(null, formData);
  if (!result.ok) return { ...result, values };
  revalidatePath('/admin/executions');
  redirect(`/admin/executions/${result.data.id}`);
}

const idSchema = z.string().min(1).max(200);

const stop = authedAction(
  z.object({
    id: idSchema,
    error: optionalText(256, 'An error name is at most 256 characters.'),
    cause: optionalText(32_768, 'A cause is at most 32,768 characters.'),
  }),
  async ({ id, error, cause }, user) => {
    await stopExecution({
      id,
      error,
      cause,
      actor: userActor(user),
      request: requestInfoFrom(await headers()),
    });
  },
);

export async function stopExecutionFromForm(
  prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await stop(prev, formData);
  if (result.ok) revalidatePath(`/admin/executions/${String(formData.get('id'))}`);
  return result;
}

const redrive = authedAction(z.object({ id: idSchema }), async ({ id }, user) => {
  await redriveExecution({ id, actor: userActor(user), request: requestInfoFrom(await headers()) });
});

export async function redriveExecutionFromForm(
  prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await redrive(prev, formData);
  if (result.ok) revalidatePath(`/admin/executions/${String(formData.get('id'))}`);
  return result;
}
