'use server';
/**
 * The POST behind an email link's Approve / Reject buttons: parse, decide through the
 * service (the link token is the capability: no session), then redirect outside the try to
 * the page that reads what happened from the database (only the token goes in its address).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { decideTaskByToken } from '@/lib/approvals/decide-task-by-token';
import { submittedForm, type SubmittedForm } from '@/components/approvals/form-data';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { isAppError } from '@/lib/errors';

export type ActionResult =
  { ok: true } | ({ ok: false; message: string; fieldErrors?: Record<string, string[]> } & SubmittedForm);

const decisionSchema = z.object({
  token: z.string().min(1).max(100),
  decision: z.enum(['approve', 'reject'], { message: 'Choose Approve or Reject.' }),
  comment: z.string().max(5000, 'At most 5,000 characters.').optional(),
});

export async function decideByLink(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = decisionSchema.safeParse({
    token: formData.get('token'),
    decision: formData.get('decision'),
    comment: formData.get('comment') ?? undefined,
  });
  if (!parsed.success)
    return {
      ok: false,
      message: 'Check the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      ...submittedForm(formData),
    };
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries())
    if (key.startsWith('field.')) values[key.slice('field.'.length)] = value;
  const request = requestInfoFrom(await headers());
  let target: string;
  try {
    await decideTaskByToken({ ...parsed.data, values, request });
    target = `/approve/done?t=${encodeURIComponent(parsed.data.token)}`;
  } catch (error) {
    if (!isAppError(error)) {
      console.error('[approve]', error);
      return {
        ok: false,
        message: 'Something went wrong on our side. Try again in a moment.',
        ...submittedForm(formData),
      };
    }
    if (error.code === 'INVALID_INPUT')
      return {
        ok: false,
        message: error.message,
        fieldErrors: (error.details as { fieldErrors?: Record<string, string[]> })?.fieldErrors,
        ...submittedForm(formData),
      };
    const page = { ALREADY_DECIDED: 'already-decided', LINK_EXPIRED: 'expired', CONFLICT: 'cancelled' }[
      error.code as string
    ];
    if (!page) return { ok: false, message: error.message, ...submittedForm(formData) };
    target = `/approve/${page}?t=${encodeURIComponent(parsed.data.token)}`;
  }
  redirect(target);
}
