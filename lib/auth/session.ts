/**
 * Who is signed in. Services authorize; these only say who asks. requireUser / requireRole
 * throw AppError (UNAUTHORIZED / FORBIDDEN) for actions and route handlers; pages call
 * requirePageUser, which sends a signed-out visitor to /sign-in and back afterwards.
 */
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { authOptions } from './auth-options';

type Role = 'admin' | 'manager' | 'approver';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** The signed-in, active user, or null; read once per request however many components ask. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  return user;
}

/** For pages: the user, or a redirect to /sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For the admin console's pages: an admin, a redirect to /sign-in, or 403 (app/forbidden.tsx).
 * Pages render beside their layout, so each page checks too; the services check once more.
 */
export async function requireAdminPage(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== 'admin') forbidden();
  return user;
}

/** The audit/service actor for a signed-in user. */
export function userActor(user: SessionUser): Actor {
  return { type: 'user', id: user.id, label: user.email };
}
