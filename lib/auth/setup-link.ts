/**
 * The first admin of a real install. While no active admin exists, each start issues a
 * one-time setup link (32 random bytes; only its SHA-256 is stored; earlier unused links are
 * dropped) and prints it on the console. Opening it shows a form; submitting it creates the
 * admin, spends the link and signs them in — one audited transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RequestInfo } from './actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db } from '../db/client';
import { AppError } from '../errors';
import { appUrl } from '../mail/app-url';
import { createUserInTx } from '../people/create-user';
import { newSessionToken, SESSION_MAX_AGE_SECONDS } from './session-cookie';

/** How long a setup link works. */
const SETUP_LINK_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const wellFormed = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** A new setup link while no active admin exists (null once one does). */
export async function issueSetupLink(now = new Date()): Promise<string | null> {
  return db.$transaction(async (tx) => {
    if ((await tx.user.count({ where: { role: 'admin', disabledAt: null } })) > 0) return null;
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    const token = randomBytes(32).toString('base64url');
    await tx.setupToken.create({
      data: { tokenHash: hash(token), expiresAt: new Date(now.getTime() + SETUP_LINK_MAX_AGE_MS) },
    });
    return appUrl(`/setup/${token}`);
  });
}

/** Whether the link can still create the first admin (a read: GET never spends it). */
export async function isSetupLinkUsable(token: string, now = new Date()): Promise<boolean> {
  if (!wellFormed(token)) return false;
  const row = await db.setupToken.findUnique({ where: { tokenHash: hash(token) } });
  return row !== null && row.usedAt === null && row.expiresAt > now;
}

export interface CompleteSetupOptions {
  token: string;
  email: string;
  name?: string;
  request?: RequestInfo;
}

/** Creates the admin and a session for them; the caller sets the cookie. */
export async function completeSetup(
  options: CompleteSetupOptions,
): Promise<{ sessionToken: string; expires: Date }> {
  if (!wellFormed(options.token)) throw new AppError('NOT_FOUND', 'This setup link is not valid.');
  const now = new Date();
  return runAudited(async (tx) => {
    const { count } = await tx.setupToken.updateMany({
      where: { tokenHash: hash(options.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0)
      throw new AppError(
        'LINK_EXPIRED',
        'This setup link was used already or expired. Restart the server for a new one.',
      );
    const actor = { type: 'link' as const, label: 'setup link' };
    const user = await createUserInTx(tx, {
      email: options.email,
      name: options.name,
      role: 'admin',
      actor,
      request: options.request,
    });
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: now } });
    await recordAudit(tx, {
      actor: { type: 'user', id: user.id, label: user.email },
      request: options.request,
      type: 'SETUP_COMPLETED',
      target: { type: 'user', id: user.id },
      data: { userId: user.id, email: user.email },
    });
    const sessionToken = newSessionToken();
    const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    await tx.session.create({ data: { sessionToken, userId: user.id, expires } });
    return { sessionToken, expires };
  });
}
