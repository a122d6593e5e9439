/**
 * The wrapper of every signed-in server action (STYLE principle 9): authenticate inside,
 * safeParse the form with zod, run one service call, and turn errors into an ActionResult.
 * Redirects belong to the caller, after this returns (Next's redirect throws).
 */
import { z } from 'zod';
import { isAppError, type AppErrorCode } from '../errors';
import { requireUser, type SessionUser } from './session';

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; message: string; code?: AppErrorCode; fieldErrors?: Record<string, string[]> };

function toActionError(error: unknown): ActionResult<never> {
  if (!isAppError(error)) {
    console.error('[action]', error);
    return { ok: false, message: 'Something went wrong on our side. Try again in a moment.' };
  }
  const fieldErrors = (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
  return { ok: false, message: error.message, code: error.code, ...(fieldErrors ? { fieldErrors } : {}) };
}

export function authedAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, user: SessionUser, formData: FormData) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    let user: SessionUser;
    try {
      user = await requireUser();
    } catch (error) {
      return toActionError(error);
    }
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return {
        ok: false,
        message: 'Check the highlighted fields.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    try {
      return { ok: true, data: await run(parsed.data, user, formData) };
    } catch (error) {
      return toActionError(error);
    }
  };
}
