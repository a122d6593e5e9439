import { statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/client';
import { authenticateBearer, createApiKey, getApiKeySecret, listApiKeys, revokeApiKey } from './api-keys';
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
    expect(JSON.parse(audit.data)).toEqual({ apiKeyId: id, name: 'ci' });
  });

  it('authenticates a Bearer header and refuses wrong, malformed and revoked keys', async () => {
    const { id, secret } = await createApiKey({ name: 'bot' });
    expect(await authenticateBearer(`Bearer ${id}.${secret}`)).toEqual({ type: 'apiKey', id, label: 'bot' });
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
    expect(Object.keys(keys[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
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
});
