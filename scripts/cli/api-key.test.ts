import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { parseCreateArgs, parseExpiry, runApiKeyCommand } from './api-key';

const cli = { type: 'system' as const, label: 'cli:test' };

afterEach(() => vi.restoreAllMocks());

describe('api-key create arguments', () => {
  it('reads the name (several words), --scopes and --expires in either form', () => {
    expect(parseCreateArgs(['deploy', 'bot'])).toEqual({ name: 'deploy bot' });
    expect(
      parseCreateArgs(['ci', '--scopes', 'executions:read, executions:write', '--expires', '2099-01-31']),
    ).toEqual({
      name: 'ci',
      scopes: ['executions:read', 'executions:write'],
      expiresAt: new Date('2099-01-31T00:00:00Z'),
    });
    expect(
      parseCreateArgs(['--scopes=tasks:write', 'worker', '--expires=2099-06-01T12:30:00+02:00']),
    ).toEqual({
      name: 'worker',
      scopes: ['tasks:write'],
      expiresAt: new Date('2099-06-01T10:30:00Z'),
    });
  });

  it('shows the usage for a missing name or value, an unknown or repeated flag', () => {
    for (const args of [
      [],
      ['--scopes', 'admin'],
      ['ci', '--scopes'],
      ['ci', '--expires'],
      ['ci', '--scope', 'admin'],
      ['ci', '--scopes', 'admin', '--scopes', 'audit:read'],
    ]) {
      expect(parseCreateArgs(args), args.join(' ')).toBeUndefined();
    }
  });

  it('refuses an unknown scope by name and a date that is not one', () => {
    expect(() => parseCreateArgs(['ci', '--scopes', 'executions:read,executions:delete'])).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('"executions:delete"'),
      }),
    );
    expect(() => parseCreateArgs(['ci', '--scopes', ','])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    for (const text of ['2027-02-31', '31.01.2027', 'tomorrow', '2027-01-31T10:00:00', '2027-13-01']) {
      expect(() => parseExpiry(text), text).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});

describe('npm run cli -- api-key', () => {
  it('creates a scoped, expiring key, prints it once and lists it with its scopes', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const args = ['create', 'nightly', '--scopes', 'executions:write', '--expires', '2099-01-31'];
    expect(await runApiKeyCommand(args, cli)).toBe(0);
    const created = JSON.parse(printed[0]) as { id: string; secret: string };
    expect(created).toEqual({
      id: expect.stringMatching(/^SO/),
      secret: expect.any(String),
      scopes: ['executions:write'],
      expiresAt: '2099-01-31T00:00:00.000Z',
    });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      scopes: '["executions:write"]',
      expiresAt: new Date('2099-01-31T00:00:00Z'),
    });
    expect(await runApiKeyCommand(['list'], cli)).toBe(0);
    expect(printed.slice(1).map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({
        id: created.id,
        scopes: ['executions:write'],
        expiresAt: '2099-01-31T00:00:00.000Z',
      }),
    );
  });

  it('creates nothing for a past expiry or a malformed command', async () => {
    const before = await db.apiKey.count();
    await expect(runApiKeyCommand(['create', 'old', '--expires', '2001-01-01'], cli)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await runApiKeyCommand(['create', 'x', '--bogus'], cli)).toBeUndefined();
    expect(await db.apiKey.count()).toBe(before);
  });
});
