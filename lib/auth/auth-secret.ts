/**
 * NextAuth's secret and base URL without setup: NEXTAUTH_SECRET when set, else a key derived
 * from the server key (SIGNOFF_SECRET or data/server.key), so `npm start` signs sessions and
 * verification tokens with a stable secret. NEXTAUTH_URL defaults to APP_URL / this PORT.
 */
import { createHmac } from 'node:crypto';
import { appUrl } from '../mail/app-url';
import { serverKey } from './server-key';

export function authSecret(): string {
  return (
    process.env.NEXTAUTH_SECRET ??
    createHmac('sha256', serverKey()).update('signoff:nextauth').digest('base64url')
  );
}

/** next-auth 4 reads NEXTAUTH_URL from the environment when it builds links. */
export function ensureAuthUrl(): void {
  process.env.NEXTAUTH_URL ??= appUrl('/').replace(/\/$/, '');
}
