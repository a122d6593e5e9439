/**
 * API-key scopes: what a key may do. Every service an API key can reach calls
 * `requireScope(actor, scope)` before it reads or writes anything. Only API keys are checked:
 * people are governed by their roles, email links by their one task, the system by nothing.
 */
import { AppError } from '../errors';
import type { Actor } from './actor';

export const API_SCOPES = [
  'workflows:read',
  'workflows:write',
  'executions:read',
  'executions:write',
  /** SendTaskSuccess / Failure / Heartbeat */
  'tasks:write',
  /** GetActivityTask: an activity worker's long poll */
  'activities:poll',
  'audit:read',
  /** every other scope */
  'admin',
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

function isApiScope(text: string): text is ApiScope {
  return (API_SCOPES as readonly string[]).includes(text);
}

/** A scope list as given (CLI, API): trimmed, without repeats; INVALID_INPUT naming an unknown or a missing scope. */
export function parseScopes(scopes: readonly string[]): ApiScope[] {
  const given = [...new Set(scopes.map((scope) => scope.trim()).filter(Boolean))];
  const unknown = given.filter((scope) => !isApiScope(scope));
  if (unknown.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `Unknown scope${unknown.length === 1 ? '' : 's'} ${unknown.map((s) => `"${s}"`).join(', ')}; the scopes are ${API_SCOPES.join(', ')}.`,
      { details: unknown.map((scope) => ({ path: 'scopes', message: `unknown scope "${scope}"` })) },
    );
  if (given.length === 0)
    throw new AppError('INVALID_INPUT', `Give at least one scope: ${API_SCOPES.join(', ')}.`, {
      details: [{ path: 'scopes', message: 'empty' }],
    });
  return given as ApiScope[];
}

/** The scopes stored in ApiKey.scopes (JSON text). Anything unreadable grants nothing. */
export function scopesFromColumn(text: string): ApiScope[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(parsed)
    ? parsed.filter((s): s is ApiScope => typeof s === 'string' && isApiScope(s))
    : [];
}

/** admin implies every scope. */
export function hasScope(scopes: readonly string[], scope: ApiScope): boolean {
  return scopes.includes('admin') || scopes.includes(scope);
}

/**
 * FORBIDDEN unless the actor is not an API key, or is a key holding `scope` (or admin). A key
 * actor without a scope list holds none: authentication always fills it in.
 */
export function requireScope(actor: Actor, scope: ApiScope): void {
  if (actor.type !== 'apiKey' || hasScope(actor.scopes ?? [], scope)) return;
  throw new AppError('FORBIDDEN', `This API key lacks the scope ${scope}.`, { details: { scope } });
}
