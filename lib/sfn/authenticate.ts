/** SigV4 on /api/sfn: the access key id is an API key id, its secret verifies the signature. */
import type { Actor } from '../auth/actor';
import { getApiKeySecret } from '../auth/api-keys';
import { verifySigV4 } from '../auth/sigv4';
import { db } from '../db/client';
import { sfnError } from './sfn-error';

/** lastUsedAt is written at most this often per key, so reads stay (nearly) reads. */
const TOUCH_EVERY_MS = 60_000;

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
    { service: 'states', now, secretFor: secretOf },
  );
  if (!result.ok) throw sfnError(result.type, result.message);
  const key = await db.apiKey.findUnique({
    where: { id: result.accessKeyId },
    select: { name: true, lastUsedAt: true },
  });
  if (!key?.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.apiKey.update({ where: { id: result.accessKeyId }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return { type: 'apiKey', id: result.accessKeyId, label: key?.name };
}

/** Unknown, revoked or unreadable (sealed under another server key) secrets all mean "unknown key". */
async function secretOf(accessKeyId: string): Promise<string | null> {
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) return null;
  return getApiKeySecret(accessKeyId).catch(() => null);
}
