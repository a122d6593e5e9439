/** Who is acting: a signed-in user, an API key, an email-link holder or the system itself. */
export interface Actor {
  type: 'user' | 'apiKey' | 'link' | 'system';
  id?: string;
  /** a human-readable name (email, key name) kept in the audit trail */
  label?: string;
  /** an API key's scopes (lib/auth/scopes.ts), filled in when the key authenticates */
  scopes?: string[];
}

/** Where a request came from, for the audit trail. */
export interface RequestInfo {
  ip?: string;
  userAgent?: string;
}

export const systemActor: Actor = { type: 'system', label: 'system' };

/** The actor in words, for messages people read: an email, "API key deploy-bot", "the system". */
export function actorName(actor: Actor): string {
  if (actor.type === 'apiKey') return `API key ${actor.label ?? actor.id ?? ''}`.trim();
  if (actor.type === 'system') return actor.label && actor.label !== 'system' ? actor.label : 'the system';
  return actor.label ?? actor.id ?? 'someone';
}

/** The Execution requester columns for an actor. */
export function requesterColumns(actor: Actor): {
  requesterUserId: string | null;
  requesterApiKeyId: string | null;
} {
  return {
    requesterUserId: actor.type === 'user' ? (actor.id ?? null) : null,
    requesterApiKeyId: actor.type === 'apiKey' ? (actor.id ?? null) : null,
  };
}
