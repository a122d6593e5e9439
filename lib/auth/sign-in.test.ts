import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { authOptions, mayUserSignIn } from './auth-options';
import { authSecret } from './auth-secret';
import { sendSignInMail } from './sign-in-mail';

describe('sign-in by magic link', () => {
  it('lets only existing, active users sign in (no account for strangers)', async () => {
    await db.user.create({ data: { email: 'known@example.com' } });
    await db.user.create({ data: { email: 'gone@example.com', disabledAt: new Date() } });
    expect(await mayUserSignIn('known@example.com')).toBe(true);
    expect(await mayUserSignIn(' Known@Example.com ')).toBe(true);
    expect(await mayUserSignIn('stranger@example.com')).toBe(false);
    expect(await mayUserSignIn('gone@example.com')).toBe(false);
    expect(await mayUserSignIn(undefined)).toBe(false);
  });

  it('mails an account a link to the confirm page (a scanner cannot spend it); strangers get nothing', async () => {
    const url = 'http://localhost:3000/api/auth/callback/email?token=abc&email=known%40example.com';
    const expires = new Date(Date.now() + 15 * 60_000);
    await sendSignInMail({ identifier: 'known@example.com', url, expires });
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { kind: 'sign-in', to: 'known@example.com' },
    });
    expect(mail.subject).toBe('Sign in to Signoff');
    expect(mail.text).toContain('http://localhost:3000/sign-in/confirm?token=abc&email=known%40example.com');
    expect(mail.text).not.toContain('/api/auth/callback');
    expect(mail.html).toContain('token=abc&amp;email=known%40example.com');
    expect(mail.status).toBe('PENDING');
    for (const identifier of ['stranger@example.com', 'gone@example.com'])
      await sendSignInMail({ identifier, url, expires });
    expect(
      await db.outboxMessage.count({ where: { to: { in: ['stranger@example.com', 'gone@example.com'] } } }),
    ).toBe(0);
  });

  it('asking for a link gets the same answer for any address; using one needs an active account', async () => {
    const signIn = authOptions.callbacks!.signIn!;
    const ask = (email: string) =>
      signIn({ user: { id: email, email }, account: null, email: { verificationRequest: true } });
    expect([await ask('stranger@example.com'), await ask('known@example.com')]).toEqual([true, true]);
    const use = (email: string) => signIn({ user: { id: email, email }, account: null });
    expect([await use('stranger@example.com'), await use('known@example.com')]).toEqual([false, true]);
  });

  it('derives a stable secret from the server key when NEXTAUTH_SECRET is unset', () => {
    delete process.env.NEXTAUTH_SECRET;
    expect(authSecret()).toBe(authSecret());
    expect(authSecret().length).toBeGreaterThanOrEqual(32);
    expect(authOptions.secret).toBe(authSecret());
    process.env.NEXTAUTH_SECRET = 'from-env';
    expect(authOptions.secret).toBe('from-env');
    delete process.env.NEXTAUTH_SECRET;
  });
});
