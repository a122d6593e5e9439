/**
 * next-auth 4: sign-in by email magic link only, for people who already have an account
 * (no sign-up by strangers; an unknown address gets the same answer and no mail), database
 * sessions through the Prisma adapter. The session
 * carries the user's id, email and role. Each sign-in is audited (SIGNED_IN).
 */
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db } from '../db/client';
import { DEFAULT_FROM } from '../mail/transport';
import { authSecret, ensureAuthUrl } from './auth-secret';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';
import { sendSignInMail } from './sign-in-mail';

/** How long a magic link works. */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;

ensureAuthUrl();

/** Only active users may sign in: an unknown or disabled address is refused (AccessDenied). */
export async function mayUserSignIn(email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { disabledAt: true },
  });
  return user !== null && user.disabledAt === null;
}

export const authOptions: NextAuthOptions = {
  // The generated Prisma 7 client has the models the adapter calls; its type is not @prisma/client's.
  adapter: PrismaAdapter(db as never),
  // Read per request, not at import: `next build` loads this module without a server key.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  providers: [
    EmailProvider({
      from: process.env.MAIL_FROM ?? DEFAULT_FROM,
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      sendVerificationRequest: ({ identifier, url, expires }) => sendSignInMail({ identifier, url, expires }),
    }),
  ],
  pages: { signIn: '/sign-in', verifyRequest: '/check-email', error: '/sign-in' },
  callbacks: {
    // Asking for a link always "succeeds", so the answer never tells whether an account exists;
    // sendSignInMail mails only active users. Using a link checks the account again.
    signIn: ({ user, email }) => (email?.verificationRequest ? true : mayUserSignIn(user.email)),
    session: ({ session, user }) => {
      const role = (user as { role?: string }).role ?? 'approver';
      return { ...session, user: { id: user.id, email: user.email, name: user.name ?? null, role } };
    },
  },
  events: {
    signIn: async ({ user }) => {
      await runAudited((tx) =>
        recordAudit(tx, {
          actor: { type: 'user', id: user.id, label: user.email ?? undefined },
          type: 'SIGNED_IN',
          data: { userId: user.id, method: 'email' },
          target: { type: 'user', id: user.id },
        }),
      );
    },
  },
};
