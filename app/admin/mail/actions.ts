'use server';
/**
 * The mail outbox page's action: Resend puts a failed message back in the queue. Signed in and
 * parsed here; resendMail decides who may (active admins) and whether (only a FAILED message).
 * On success it goes back to the same view with ?resent=1, which the page announces.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';
import { resendMail } from '@/lib/mail/resend-mail';
import { mailHref, mailViewSchema } from './mail-query';

const resendSchema = z.object({ messageId: z.string().min(1).max(100) }).and(mailViewSchema);

const resend = authedAction(resendSchema, async ({ messageId, status, cursor }, user) => {
  await resendMail({ messageId, actor: userActor(user), request: requestInfoFrom(await headers()) });
  return mailHref({ status, cursor, resent: true });
});

export async function resendMessage(
  prev: ActionResult<string> | null,
  formData: FormData,
): Promise<ActionResult<string>> {
  const result = await resend(prev, formData);
  if (result.ok) redirect(result.data);
  return result;
}
