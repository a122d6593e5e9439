import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { completeSetup, isSetupLinkUsable, issueSetupLink } from './setup-link';

const tokenOf = (link: string) => link.split('/setup/')[1];

describe('the setup link of a real install', () => {
  it('is issued while no admin exists; opening it spends nothing; using it creates the admin and a session once', async () => {
    const first = await issueSetupLink();
    const link = await issueSetupLink(); // a new start: the earlier unused link is dropped
    expect(first).not.toBeNull();
    expect(await isSetupLinkUsable(tokenOf(first!))).toBe(false);
    const token = tokenOf(link!);
    expect(await isSetupLinkUsable(token)).toBe(true);
    expect(await isSetupLinkUsable(token)).toBe(true); // a GET, twice: still usable
    expect(await db.setupToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept

    const session = await completeSetup({ token, email: 'Boss@Example.com', name: 'Boss' });
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
    expect(admin).toMatchObject({ role: 'admin', name: 'Boss' });
    expect(
      await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } }),
    ).toMatchObject({
      userId: admin.id,
    });
    expect(await db.auditEntry.count({ where: { action: 'SETUP_COMPLETED', targetId: admin.id } })).toBe(1);

    await expect(completeSetup({ token, email: 'other@example.com' })).rejects.toMatchObject({
      code: 'LINK_EXPIRED',
    });
    expect(await db.user.count({ where: { email: 'other@example.com' } })).toBe(0);
    expect(await issueSetupLink()).toBeNull(); // an admin exists: no more links
  });

  it('refuses an expired or malformed link, and an invalid address leaves the link unspent', async () => {
    await db.user.updateMany({ where: { role: 'admin' }, data: { disabledAt: new Date() } });
    const token = tokenOf((await issueSetupLink(new Date(Date.now() - 25 * 3_600_000)))!);
    expect(await isSetupLinkUsable(token)).toBe(false);
    await expect(completeSetup({ token, email: 'late@example.com' })).rejects.toMatchObject({
      code: 'LINK_EXPIRED',
    });
    await expect(completeSetup({ token: 'nope', email: 'x@example.com' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const fresh = tokenOf((await issueSetupLink())!);
    await expect(completeSetup({ token: fresh, email: 'not an address' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await isSetupLinkUsable(fresh)).toBe(true);
  });
});
