// Who may manage API keys: active admins (the console) and the system (the CLI); a refused call writes nothing.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import type { Actor } from './actor';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';

async function userActor(email: string, data: { role?: string; disabledAt?: Date } = {}): Promise<Actor> {
  const user = await db.user.create({ data: { email, ...data } });
  return { type: 'user', id: user.id, label: email };
}

const writes = async () => ({
  keys: await db.apiKey.count(),
  revoked: await db.apiKey.count({ where: { revokedAt: { not: null } } }),
  audit: await db.auditEntry.count(),
});

describe('API key management is for admins', () => {
  it('refuses a user who is not an active admin, and anything but the system or a user, writing nothing', async () => {
    const target = await createApiKey({ name: 'target' }); // the system, as the CLI
    const refused: Actor[] = [
      await userActor('approver@example.com', { role: 'approver' }),
      await userActor('manager@example.com', { role: 'manager' }),
      await userActor('former-admin@example.com', { role: 'admin', disabledAt: new Date() }),
      { type: 'user', id: 'no-such-user' },
      { type: 'apiKey', id: target.id, scopes: ['admin'] },
      { type: 'link', id: 'some-task' },
    ];
    const before = await writes();
    for (const actor of refused) {
      const label = `${actor.type} ${actor.label ?? actor.id}`;
      await expect(createApiKey({ name: 'sneaky', actor }), label).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(revokeApiKey({ id: target.id, actor }), label).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(revokeApiKey({ id: 'SONOPE', actor }), label).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listApiKeys({ actor }), label).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // createdById alone names a user actor: it is checked too.
    const approverId = refused[0].id!;
    await expect(createApiKey({ name: 'sneaky', createdById: approverId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await writes()).toEqual(before);
  });

  it('lets an active admin create (recorded as its creator), list and revoke, audited as them', async () => {
    const admin = await userActor('root@example.com', { role: 'admin' });
    const created = await createApiKey({ name: 'console', scopes: ['executions:read'], actor: admin });
    const listed = (await listApiKeys({ actor: admin })).find((k) => k.id === created.id);
    expect(listed).toMatchObject({
      name: 'console',
      scopes: ['executions:read'],
      createdBy: 'root@example.com',
      revokedAt: null,
    });
    expect((await revokeApiKey({ id: created.id, actor: admin })).revokedAt).toBeInstanceOf(Date);
    const audit = await db.auditEntry.findMany({
      where: { targetId: created.id },
      orderBy: { seq: 'asc' },
      select: { action: true, actorType: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: 'API_KEY_CREATED', actorType: 'user', actorId: admin.id },
      { action: 'API_KEY_REVOKED', actorType: 'user', actorId: admin.id },
    ]);
  });

  it('still serves the CLI (the system): keys without a creator list createdBy null', async () => {
    const cli: Actor = { type: 'system', label: 'cli:test' };
    const created = await createApiKey({ name: 'from-cli', actor: cli });
    expect((await listApiKeys()).find((k) => k.id === created.id)?.createdBy).toBeNull();
    expect((await revokeApiKey({ id: created.id, actor: cli })).createdBy).toBeNull();
  });
});
