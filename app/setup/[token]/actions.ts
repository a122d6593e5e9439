'use server';
/** The POST behind the setup form: create the admin through the service, sign them in, go to /admin. */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { completeSetup } from '@/lib/auth/setup-link';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { isAppError } from '@/lib/errors';

export type SetupState = {
  message: string;
  fieldErrors?: Record<string, string[]>;
  email?: string;
  name?: string;
} | null;

const setupSchema = z.object({
  token: z.string().min(1).max(100),
  email: z.string().trim().min(1, 'Enter your email address.').max(254),
  name: z.string().trim().max(100, 'At most 100 characters.').optional(),
});

export async function setUpAdmin(_prev: SetupState, formData: FormData): Promise<SetupState> {
  const raw = {
    token: formData.get('token'),
    email: formData.get('email'),
    name: formData.get('name') ?? undefined,
  };
  const parsed = setupSchema.safeParse(raw);
  const typed = { email: String(raw.email ?? ''), name: String(raw.name ?? '') };
  if (!parsed.success)
    return {
      message: 'Check the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      ...typed,
    };
  try {
    const session = await completeSetup({ ...parsed.data, request: requestInfoFrom(await headers()) });
    (await cookies()).set(sessionCookieName(), session.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: sessionCookieName().startsWith('__Secure-'),
      expires: session.expires,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fieldErrors = (error.details as { fieldErrors?: Record<string, string[]> } | undefined)
      ?.fieldErrors;
    return { message: error.message, fieldErrors, ...typed };
  }
  redirect('/admin');
}
