import { statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/client';
import { authenticateBearer, createApiKey, getApiKeySecret, listApiKeys, revokeApiKey } from './api-keys';
import { API_SCOPES } from './scopes';
import { serverKeyPath } from './server-key';

describe('API keys', () => {
  it('creates an AWS-like id and a 40-character secret, stored only as hash and sealed copy', async () => {
    const { id, secret } = await createApiKey({ name: 'ci' });
    expect(id).toMatch(/^SO[A-Z0-9]{20}$/);
    expect(secret).toHaveLength(40);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secretCiphertext).not.toContain(secret);
    expect(await getApiKeySecret(id)).toBe(secret);
    expect(statSync(serverKeyPath()).mode & 0o777).toBe(0o600);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'API_KEY_CREATED', targetId: id },
    });
    expect(JSON.parse(audit.data)).toEqual({ apiKeyId: id, name: 'ci', scopes: [...API_SCOPES] });
  });

  it('authenticates a Bearer header and refuses wrong, malformed and revoked keys', async () => {
    const { id, secret } = await createApiKey({ name: 'bot' });
    expect(await authenticateBearer(`Bearer ${id}.${secret}`)).toEqual({
      type: 'apiKey',
      id,
      label: 'bot',
      scopes: [...API_SCOPES],
    });
    for (const header of [
      null,
      '',
      `Bearer ${id}`,
      `Bearer ${id}.wrong`,
      `Basic ${id}.${secret}`,
      `Bearer SOAAAAAAAAAAAAAAAAAAAA.${secret}`,
    ]) {
      await expect(authenticateBearer(header)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect((await revokeApiKey({ id })).revokedAt).toBeInstanceOf(Date);
    await expect(authenticateBearer(`Bearer ${id}.${secret}`)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await getApiKeySecret(id)).toBeNull();
    expect(await db.auditEntry.count({ where: { action: 'API_KEY_REVOKED', targetId: id } })).toBe(1);
  });

  it('lists keys without secrets and 404s an unknown revoke', async () => {
    await createApiKey({ name: 'listed' });
    const keys = await listApiKeys();
    expect(keys.find((k) => k.name === 'listed')).toBeDefined();
    expect(Object.keys(keys[0]).sort()).toEqual([
      'createdAt',
      'createdBy',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'revokedAt',
      'scopes',
    ]);
    await expect(revokeApiKey({ id: 'SONOPE' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createApiKey({ name: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('answers null (and logs) when the sealed secret no longer opens under the server key', async () => {
    const { id, secret } = await createApiKey({ name: 'rotated' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    process.env.SIGNOFF_SECRET = 'a different server key';
    try {
      expect(await getApiKeySecret(id)).toBeNull();
      expect(await authenticateBearer(`Bearer ${id}.${secret}`)).toMatchObject({ id });
    } finally {
      delete process.env.SIGNOFF_SECRET;
      log.mockRestore();
    }
    expect(await getApiKeySecret(id)).toBe(secret);
  });

  it('keeps the scopes and expiry it was given, in the key, the list and the audit entry', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const created = await createApiKey({
      name: 'scoped',
      scopes: [' executions:read', 'executions:write', 'executions:read'],
      expiresAt,
    });
    expect(created).toMatchObject({ scopes: ['executions:read', 'executions:write'], expiresAt });
    const listed = (await listApiKeys()).find((k) => k.id === created.id);
    expect(listed).toMatchObject({ scopes: ['executions:read', 'executions:write'], expiresAt });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'API_KEY_CREATED', targetId: created.id },
    });
    expect(JSON.parse(audit.data)).toEqual({
      apiKeyId: created.id,
      name: 'scoped',
      scopes: ['executions:read', 'executions:write'],
      expiresAt: expiresAt.toISOString(),
    });
    expect(await authenticateBearer(`Bearer ${created.id}.${created.secret}`)).toMatchObject({
      scopes: ['executions:read', 'executions:write'],
    });
  });

  it('refuses unknown or no scopes and a past expiry, creating nothing', async () => {
    const before = await db.apiKey.count();
    await expect(
      createApiKey({ name: 'bad', scopes: ['executions:read', 'executions:delete'] }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('"executions:delete"'),
    });
    await expect(createApiKey({ name: 'bad', scopes: [' '] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(createApiKey({ name: 'bad', expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('in the past'),
      },
    );
    await expect(createApiKey({ name: 'bad', expiresAt: new Date('nonsense') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await db.apiKey.count()).toBe(before);
  });

  it('refuses an expired key like a revoked one, for Bearer and for SigV4', async () => {
    const { id, secret } = await createApiKey({ name: 'expiring', expiresAt: new Date(Date.now() + 60_000) });
    expect(await authenticateBearer(`Bearer ${id}.${secret}`)).toMatchObject({ id });
    expect(await getApiKeySecret(id)).toBe(secret);
    const later = new Date(Date.now() + 61_000);
    await expect(authenticateBearer(`Bearer ${id}.${secret}`, later)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await getApiKeySecret(id, later)).toBeNull();
    await db.apiKey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(authenticateBearer(`Bearer ${id}.${secret}`)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await getApiKeySecret(id)).toBeNull();
  });

  it('stamps lastUsedAt on use, at most once a minute', async () => {
    const { id, secret } = await createApiKey({ name: 'stamped' });
    const header = `Bearer ${id}.${secret}`;
    const t0 = new Date('2030-01-01T00:00:00Z');
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await authenticateBearer(header, t0);
    expect(await lastUsed()).toEqual(t0);
    await authenticateBearer(header, new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 60_000);
    await authenticateBearer(header, t1);
    expect(await lastUsed()).toEqual(t1);
  });
});
