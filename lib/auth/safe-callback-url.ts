/** Where to go after signing in: a path on this site only (no open redirect), else the inbox. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url) return '/inbox';
  try {
    const parsed = new URL(url, 'http://signoff.invalid');
    const sameSite =
      parsed.origin === 'http://signoff.invalid' ||
      (process.env.NEXTAUTH_URL && parsed.origin === new URL(process.env.NEXTAUTH_URL).origin);
    return sameSite && parsed.pathname.startsWith('/') ? `${parsed.pathname}${parsed.search}` : '/inbox';
  } catch {
    return '/inbox';
  }
}
