/** Task tokens: 32 CSPRNG bytes (base64url) handed out once; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex of a token, used for every lookup. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh task token: 32 random bytes, base64url (43 characters). */
export function newTaskToken(): string {
  return randomBytes(32).toString('base64url');
}
