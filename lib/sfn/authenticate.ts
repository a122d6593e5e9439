/**
 * SigV4 on /api/sfn: the access key id is an API key id, its secret verifies the signature. An
 * unknown, revoked or expired key is UnrecognizedClientException; the actor carries its scopes.
 */
import type { Actor } from '../auth/actor';
import { sigV4Key } from '../auth/api-keys';
import { verifySigV4 } from '../auth/sigv4';
import { sfnError } from './sfn-error';

export async function authenticateSigV4(request: Request, body: string, now = new Date()): Promise<Actor> {
  const url = new URL(request.url);
  let key: Awaited<ReturnType<typeof sigV4Key>> = null;
  const result = await verifySigV4(
    {
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      header: (name) => request.headers.get(name),
      body,
    },
    {
      service: 'states',
      now,
      secretFor: async (accessKeyId) => {
        key = await keyOf(accessKeyId, now);
        return key?.secret ?? null;
      },
    },
  );
  if (!result.ok) throw sfnError(result.type, result.message);
  // The key row the signature was checked against (read once; the verifier asks for one key).
  const verified = key as Awaited<ReturnType<typeof sigV4Key>>;
  if (!verified)
    throw sfnError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  return verified.actor();
}

/** Unknown, revoked, expired or unreadable (sealed under another server key) keys all mean "unknown key". */
function keyOf(accessKeyId: string, now: Date) {
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) return Promise.resolve(null);
  return sigV4Key(accessKeyId, now).catch(() => null);
}
