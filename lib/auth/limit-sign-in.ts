/**
 * How often a magic link may be asked for: per address (so nobody floods a mailbox) and per IP
 * (so nobody walks through addresses). Past either, the request is refused with a wait time.
 * The IP is the first X-Forwarded-For hop: only a reverse proxy that sets it makes the per-IP
 * limit hold (a client could send any value straight to the server); the per-address one always does.
 */
import { takeRateLimit, type RateLimitResult } from './rate-limit';

const WINDOW_MS = 15 * 60_000;

/** Links per address in 15 minutes (SIGNOFF_SIGN_IN_LIMIT_PER_ADDRESS, default 5). */
const perAddress = () => ({
  limit: Number(process.env.SIGNOFF_SIGN_IN_LIMIT_PER_ADDRESS) || 5,
  windowMs: WINDOW_MS,
});
/** Requests per IP in 15 minutes (SIGNOFF_SIGN_IN_LIMIT_PER_IP, default 20). */
const perIp = () => ({ limit: Number(process.env.SIGNOFF_SIGN_IN_LIMIT_PER_IP) || 20, windowMs: WINDOW_MS });

export async function limitSignInRequest(
  { email, ip }: { email: string; ip?: string },
  now = new Date(),
): Promise<RateLimitResult> {
  if (ip) {
    const byIp = await takeRateLimit(`sign-in:ip:${ip}`, perIp(), now);
    if (!byIp.ok) return byIp;
  }
  const address = email.trim().toLowerCase().slice(0, 254);
  if (!address) return { ok: true };
  return takeRateLimit(`sign-in:email:${address}`, perAddress(), now);
}
