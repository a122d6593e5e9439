/**
 * API keys for scripts: Bearer `<id>.<secret>` on /api/v1, access key id + secret for SigV4 on
 * /api/sfn. The secret is shown once; we keep its SHA-256 (Bearer) and a copy sealed with the
 * server key (SigV4 must recompute signatures with the secret itself). A key carries scopes
 * (lib/auth/scopes.ts) and may expire; an expired key is refused exactly like a revoked one.
 * Keys are managed by active admins (the console) and the system (the CLI); nobody else.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { db, type Tx } from '../db/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Actor, RequestInfo } from './actor';
import { API_SCOPES, parseScopes, scopesFromColumn, type ApiScope } from './scopes';
import { assertAdmin } from './assert-admin';
import { seal, unseal } from './server-key';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface ApiKeySummary {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** refused from then on, as if revoked; null: never */
  expiresAt: Date | null;
  /** the email of the admin who created it in the console; null: the CLI, or a deleted user */
  createdBy: string | null;
}
const summarySelect = {
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  expiresAt: true,
  createdBy: { select: { email: true } },
} as const;

type SummaryRow = Omit<ApiKeySummary, 'scopes' | 'createdBy'> & {
  scopes: string;
  createdBy: { email: string } | null;
};

function toSummary({ createdBy, ...row }: SummaryRow): ApiKeySummary {
  return { ...row, scopes: scopesFromColumn(row.scopes), createdBy: createdBy?.email ?? null };
}

/** FORBIDDEN unless the actor may manage API keys (the system, or an active admin). */
const assertMayManageKeys = (tx: Tx, actor: Actor) => assertAdmin(tx, actor, 'manage API keys');

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
  /** what the key may do (lib/auth/scopes.ts); every scope when omitted, as keys made before scopes */
  scopes?: readonly string[];
  /** when the key stops working; never when omitted */
  expiresAt?: Date;
  /** the admin creating it (shown in the list); defaults to a user actor's id */
  createdById?: string;
  /** who asks: the system when omitted (the CLI passes systemActor); a user must be an active admin */
  actor?: Actor;
  request?: RequestInfo;
}

export interface CreatedApiKey {
  id: string;
  /** shown once: it cannot be read back through the API */
  secret: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
}

/** Own transaction, audited (API_KEY_CREATED with the scopes and expiry); FORBIDDEN for a non-admin. */
export async function createApiKey(options: CreateApiKeyOptions): Promise<CreatedApiKey> {
  const { actor, request } = options;
  const createdById = options.createdById ?? (actor?.type === 'user' ? actor.id : undefined);
  const who: Actor = actor ?? (createdById ? { type: 'user', id: createdById } : { type: 'system' });
  const name = options.name.trim();
  if (!name || name.length > 100)
    throw new AppError('INVALID_INPUT', 'An API key name is 1 to 100 characters.');
  const scopes = options.scopes === undefined ? [...API_SCOPES] : parseScopes(options.scopes);
  const expiresAt = checkExpiry(options.expiresAt);
  const id = newKeyId();
  const secret = newSecret();
  await runAudited(async (tx) => {
    await assertMayManageKeys(tx, who);
    await tx.apiKey.create({
      data: {
        id,
        name,
        createdById,
        secretHash: sha256(secret),
        secretCiphertext: seal(secret, id),
        scopes: JSON.stringify(scopes),
        expiresAt,
      },
    });
    await recordAudit(tx, {
      actor: who,
      request,
      type: 'API_KEY_CREATED',
      data: { apiKeyId: id, name, scopes, expiresAt: expiresAt?.toISOString() },
      target: { type: 'apiKey', id },
    });
  });
  return { id, secret, scopes, expiresAt };
}

function checkExpiry(expiresAt: Date | undefined): Date | null {
  if (expiresAt === undefined) return null;
  if (Number.isNaN(expiresAt.getTime()))
    throw new AppError('INVALID_INPUT', 'The expiry is not a date.', {
      details: [{ path: 'expiresAt', message: 'not a date' }],
    });
  if (expiresAt.getTime() <= Date.now())
    throw new AppError('INVALID_INPUT', `The expiry ${expiresAt.toISOString()} is in the past.`, {
      details: [{ path: 'expiresAt', message: 'in the past' }],
    });
  return expiresAt;
}

/** Every key, newest first, without secrets; FORBIDDEN when a non-admin `actor` asks (none: the system). */
export async function listApiKeys({ actor }: { actor?: Actor } = {}): Promise<ApiKeySummary[]> {
  if (actor) await assertMayManageKeys(db, actor);
  const rows = await db.apiKey.findMany({ orderBy: { createdAt: 'desc' }, select: summarySelect });
  return rows.map(toSummary);
}

/** Own transaction, audited when it revokes (API_KEY_REVOKED); a revoked key stays revoked. FORBIDDEN for a non-admin. */
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
    await assertMayManageKeys(tx, actor ?? { type: 'system' });
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
    return toSummary(key);
  });
}

/** A key that may be used now: it exists, is not revoked and has not expired; null otherwise. */
async function findUsableKey(id: string, now: Date) {
  const key = await db.apiKey.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      secretHash: true,
      secretCiphertext: true,
      scopes: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
    },
  });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
  return key;
}

/** lastUsedAt is written at most this often per key, so reads stay (nearly) reads. */
const TOUCH_EVERY_MS = 60_000;

/** The actor of a key that has just proved itself (Bearer or SigV4), with its scopes; stamps lastUsedAt. */
async function actorOf(
  key: { id: string; name: string; scopes: string; lastUsedAt: Date | null },
  now: Date,
): Promise<Actor> {
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return { type: 'apiKey', id: key.id, label: key.name, scopes: scopesFromColumn(key.scopes) };
}

/** The authenticated key for `Authorization: Bearer <id>.<secret>`, or UNAUTHORIZED (also when revoked or expired). */
export async function authenticateBearer(
  header: string | null | undefined,
  now = new Date(),
): Promise<Actor> {
  const match = /^Bearer\s+(SO[A-Z0-9]{20})\.(\S{1,200})$/i.exec(header?.trim() ?? '');
  if (!match) throw new AppError('UNAUTHORIZED', 'Send an API key as "Authorization: Bearer <id>.<secret>".');
  const [, id, secret] = match;
  const key = await findUsableKey(id, now);
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(key?.secretHash ?? sha256(''), 'hex');
  if (!timingSafeEqual(given, stored) || !key)
    throw new AppError('UNAUTHORIZED', 'The API key is unknown, wrong, revoked or expired.');
  return actorOf(key, now);
}

/**
 * A usable key for SigV4, in one read: its plaintext secret (for the verifier) and its actor,
 * to take once the signature holds (stamps lastUsedAt). Null: unknown, revoked, expired, or
 * unreadable (sealed under another server key).
 */
export async function sigV4Key(
  id: string,
  now = new Date(),
): Promise<{ secret: string; actor: () => Promise<Actor> } | null> {
  const key = await findUsableKey(id, now);
  if (!key) return null;
  try {
    return { secret: unseal(key.secretCiphertext, id), actor: () => actorOf(key, now) };
  } catch (error) {
    // The server key changed (SIGNOFF_SECRET or data/server.key): the key still works as Bearer, not for SigV4.
    console.error(`[api-keys] cannot unseal the secret of ${id}; was the server key changed?`, error);
    return null;
  }
}

/** The plaintext secret of a usable key, or null: unknown, revoked, expired or unreadable. */
export async function getApiKeySecret(id: string, now = new Date()): Promise<string | null> {
  return (await sigV4Key(id, now))?.secret ?? null;
}
