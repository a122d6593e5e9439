/** Absolute links in mail: APP_URL, else this server on localhost (PORT, default 3000). */
export function appUrl(path = '/'): string {
  const base = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}
