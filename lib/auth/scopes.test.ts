import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { API_SCOPES, hasScope, parseScopes, requireScope, scopesFromColumn } from './scopes';

const key = (scopes?: string[]): Actor => ({ type: 'apiKey', id: 'SOKEY', label: 'bot', scopes });

describe('API-key scopes', () => {
  it('parses a list: trimmed, without repeats, in the order given', () => {
    expect(parseScopes([' tasks:write', 'audit:read', 'tasks:write', ''])).toEqual([
      'tasks:write',
      'audit:read',
    ]);
    expect(parseScopes([...API_SCOPES])).toEqual([...API_SCOPES]);
  });

  it('refuses unknown scopes by name, and an empty list', () => {
    expect(() => parseScopes(['executions:read', 'execution:write', 'root'])).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          /^Unknown scopes "execution:write", "root"; the scopes are workflows:read/,
        ),
        details: [
          { path: 'scopes', message: 'unknown scope "execution:write"' },
          { path: 'scopes', message: 'unknown scope "root"' },
        ],
      }),
    );
    expect(() => parseScopes([])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseScopes([' ', ''])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('reads the stored column, granting nothing for what it cannot read', () => {
    expect(scopesFromColumn('["executions:read","admin"]')).toEqual(['executions:read', 'admin']);
    expect(scopesFromColumn('["executions:read","made-up",7]')).toEqual(['executions:read']);
    expect(scopesFromColumn('not json')).toEqual([]);
    expect(scopesFromColumn('{"admin":true}')).toEqual([]);
  });

  it('lets admin imply every scope', () => {
    for (const scope of API_SCOPES) expect(hasScope(['admin'], scope)).toBe(true);
    expect(hasScope(['executions:read'], 'executions:write')).toBe(false);
    expect(hasScope(['executions:write'], 'executions:write')).toBe(true);
  });

  it('refuses a key without the scope with FORBIDDEN naming it', () => {
    expect(() => requireScope(key(['executions:read']), 'executions:write')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'This API key lacks the scope executions:write.',
        details: { scope: 'executions:write' },
      }),
    );
    expect(() => requireScope(key(['executions:read']), 'executions:read')).not.toThrow();
    expect(() => requireScope(key(['admin']), 'audit:read')).not.toThrow();
  });

  it('refuses a key actor that carries no scope list (fail closed)', () => {
    expect(() => requireScope(key(undefined), 'workflows:read')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('does not check people, link holders or the system', () => {
    for (const type of ['user', 'link', 'system'] as const) {
      expect(() => requireScope({ type, id: 'x', scopes: [] }, 'admin')).not.toThrow();
    }
  });
});
