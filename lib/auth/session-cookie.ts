/**
 * next-auth 4's database-session cookie, for the one place that signs someone in without a
 * magic link (the setup link's first admin): the same name and flags next-auth sets itself.
 */
import { randomBytes } from 'node:crypto';

/** How long a session lasts without use (renewed daily while used). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

/** A new session token: 32 random bytes, as next-auth makes them. */
export function newSessionToken(): string {
  return randomBytes(32).toString('hex');
}
