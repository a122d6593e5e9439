/**
 * API keys for scripts: Bearer `<id>.<secret>` on /api/v1, access key id + secret for SigV4 on
 * /api/sfn. The secret is shown once; we keep its SHA-256 (Bearer) and a copy sealed with the
 * server key (SigV4 must recompute signatures with the secret itself).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { db } from '../db/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Actor, RequestInfo } from './actor';
import { seal, unseal } from './server-key';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface ApiKeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
const summarySelect = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** 'SO' + 20 uppercase letters/digits, like an AWS access key id. */
function newKeyId(): string {
  return 'SO' + Array.from({ length: 20 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}

/** 40 characters, 6 bits each from 30 random bytes (240 bits), like an AWS secret access key. */
function newSecret(): string {
  const bytes = randomBytes(30);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  return Array.from({ length: 40 }, (_, i) => SECRET_ALPHABET[Number((bits >> BigInt(6 * i)) & 63n)]).join(
    '',
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface CreateApiKeyOptions {
  name: string;
  createdById?: string;
  actor?: Actor;
  request?: RequestInfo;
}

/** Returns the secret once; it cannot be read back through the API. */
export async function createApiKey({
  name,
  createdById,
  actor,
  request,
}: CreateApiKeyOptions): Promise<{ id: string; secret: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100)
    throw new AppError('INVALID_INPUT', 'An API key name is 1 to 100 characters.');
  const id = newKeyId();
  const secret = newSecret();
  await runAudited(async (tx) => {
    await tx.apiKey.create({
      data: {
        id,
        name: trimmed,
        createdById,
        secretHash: sha256(secret),
        secretCiphertext: seal(secret, id),
      },
    });
    const who =
      actor ?? (createdById ? { type: 'user' as const, id: createdById } : { type: 'system' as const });
    await recordAudit(tx, {
      actor: who,
      request,
      type: 'API_KEY_CREATED',
      data: { apiKeyId: id, name: trimmed },
      target: { type: 'apiKey', id },
    });
  });
  return { id, secret };
}

export async function listApiKeys(): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({ orderBy: { createdAt: 'desc' }, select: summarySelect });
}

export async function revokeApiKey({
  id,
  actor,
  request,
}: {
  id: string;
  actor?: Actor;
  request?: RequestInfo;
}): Promise<ApiKeySummary> {
  return runAudited(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const key = await tx.apiKey.findUnique({ where: { id }, select: summarySelect });
    if (!key) throw new AppError('NOT_FOUND', `API key ${id} does not exist.`);
    if (count > 0) {
      await recordAudit(tx, {
        actor: actor ?? { type: 'system' },
        request,
        type: 'API_KEY_REVOKED',
        data: { apiKeyId: id },
        target: { type: 'apiKey', id },
      });
    }
    return key;
  });
}

/** The authenticated key for `Authorization: Bearer <id>.<secret>`, or UNAUTHORIZED. */
export async function authenticateBearer(header: string | null | undefined): Promise<Actor> {
  const match = /^Bearer\s+(SO[A-Z0-9]{20})\.(\S{1,200})$/i.exec(header?.trim() ?? '');
  if (!match) throw new AppError('UNAUTHORIZED', 'Send an API key as "Authorization: Bearer <id>.<secret>".');
  const [, id, secret] = match;
  const key = await db.apiKey.findUnique({
    where: { id },
    select: { id: true, name: true, secretHash: true, revokedAt: true, lastUsedAt: true },
  });
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(key?.secretHash ?? sha256(''), 'hex');
  if (!key || !timingSafeEqual(given, stored) || key.revokedAt)
    throw new AppError('UNAUTHORIZED', 'The API key is unknown, wrong or revoked.');
  await touchLastUsed(key.id, key.lastUsedAt);
  return { type: 'apiKey', id: key.id, label: key.name };
}

/** Writes lastUsedAt at most once a minute per key, so reads stay reads. */
async function touchLastUsed(id: string, lastUsedAt: Date | null) {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < 60_000) return;
  await db.apiKey.update({ where: { id }, data: { lastUsedAt: now } }).catch(() => {});
}

/** The plaintext secret of an active key (for the SigV4 verifier), or null. */
export async function getApiKeySecret(id: string): Promise<string | null> {
  const key = await db.apiKey.findUnique({
    where: { id },
    select: { secretCiphertext: true, revokedAt: true },
  });
  if (!key || key.revokedAt) return null;
  try {
    return unseal(key.secretCiphertext, id);
  } catch (error) {
    // The server key changed (SIGNOFF_SECRET or data/server.key): the key still works as Bearer, not for SigV4.
    console.error(`[api-keys] cannot unseal the secret of ${id}; was the server key changed?`, error);
    return null;
  }
}
