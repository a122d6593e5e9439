/** Email-link tokens: 32 CSPRNG bytes (base64url, 43 characters); only the SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the text could be one of our tokens (anything else is refused without a lookup). */
export function isWellFormedLinkToken(token: string): boolean {
  return LINK_TOKEN.test(token);
}
