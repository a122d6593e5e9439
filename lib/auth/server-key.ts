/**
 * The server key that seals secrets at rest (API key secrets, for SigV4). It comes from the
 * environment variable SIGNOFF_SECRET (any string; its SHA-256 is the key), or else from
 * `server.key` beside the SQLite file (e.g. data/server.key): 32 random bytes generated on
 * first use, written with mode 0600. Losing that file makes sealed secrets unreadable (the
 * keys still authenticate by hash on /api/v1, but SigV4 on /api/sfn needs new keys).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseDir } from '../db/database-url';

let cached: { source: string; key: Buffer } | undefined;

export function serverKeyPath(): string {
  return join(databaseDir(), 'server.key');
}

function loadKeyFile(path: string): Buffer {
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(join(path, '..'), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won the race
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

export function serverKey(): Buffer {
  const env = process.env.SIGNOFF_SECRET;
  const source = env ? `env:${env}` : `file:${serverKeyPath()}`;
  if (cached?.source !== source) {
    const key = env ? createHash('sha256').update(env).digest() : loadKeyFile(serverKeyPath());
    if (key.length !== 32) throw new Error(`${serverKeyPath()} does not hold a 32-byte base64 key`);
    cached = { source, key };
  }
  return cached.key;
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to `context` (e.g. the key id). */
export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', serverKey(), iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the text was not sealed under this server key and context. */
export function unseal(sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', serverKey(), Buffer.from(iv, 'base64url')).setAAD(
    Buffer.from(context),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
