/**
 * How often a magic link may be asked for: per address (so nobody floods a mailbox) and per IP
 * (so nobody walks through addresses). Past either, the request is refused with a wait time.
 */
import { takeRateLimit, type RateLimitResult } from './rate-limit';

/** Links per address in 15 minutes. */
const PER_ADDRESS = { limit: 5, windowMs: 15 * 60_000 };
/** Requests per IP in 15 minutes. */
const PER_IP = { limit: 20, windowMs: 15 * 60_000 };

export async function limitSignInRequest(
  { email, ip }: { email: string; ip?: string },
  now = new Date(),
): Promise<RateLimitResult> {
  if (ip) {
    const byIp = await takeRateLimit(`sign-in:ip:${ip}`, PER_IP, now);
    if (!byIp.ok) return byIp;
  }
  const address = email.trim().toLowerCase().slice(0, 254);
  if (!address) return { ok: true };
  return takeRateLimit(`sign-in:email:${address}`, PER_ADDRESS, now);
}
