/** Where a request came from, for the audit trail: the first X-Forwarded-For hop and the user agent. */
import type { RequestInfo } from './actor';

export function requestInfoFrom(headers: Headers): RequestInfo {
  return {
    ip: headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined,
    userAgent: headers.get('user-agent') ?? undefined,
  };
}
