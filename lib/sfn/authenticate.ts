/**
 * SigV4 on /api/sfn: the access key id is an API key id, its secret verifies the signature. An
 * unknown, revoked or expired key is UnrecognizedClientException; the actor carries its scopes.
 */
import type { Actor } from '../auth/actor';
import { apiKeyActor, getApiKeySecret } from '../auth/api-keys';
import { verifySigV4 } from '../auth/sigv4';
import { sfnError } from './sfn-error';

export async function authenticateSigV4(request: Request, body: string, now = new Date()): Promise<Actor> {
  const url = new URL(request.url);
  const result = await verifySigV4(
    {
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      header: (name) => request.headers.get(name),
      body,
    },
    { service: 'states', now, secretFor: (accessKeyId) => secretOf(accessKeyId, now) },
  );
  if (!result.ok) throw sfnError(result.type, result.message);
  // Revoked or expired between the signature check and now: refused the same way.
  const actor = await apiKeyActor(result.accessKeyId, now);
  if (!actor)
    throw sfnError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  return actor;
}

/** Unknown, revoked, expired or unreadable (sealed under another server key) secrets all mean "unknown key". */
async function secretOf(accessKeyId: string, now: Date): Promise<string | null> {
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) return null;
  return getApiKeySecret(accessKeyId, now).catch(() => null);
}
