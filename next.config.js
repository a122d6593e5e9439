/** @type {import('next').NextConfig} */
const nextConfig = {
  // The AWS SDK posts to `/api/sfn/` with a trailing slash; a redirect would break its signature.
  skipTrailingSlashRedirect: true,
  // Native and WASM modules stay on Node's require path instead of being bundled.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    'pg',
    '@prisma/adapter-pg',
    '@prisma/schema-engine-wasm',
    'nodemailer',
    'jsonata',
    // The AWS SDK clients the engine's AWS integrations load on first use.
    '@aws-sdk/client-athena',
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-ecs',
    '@aws-sdk/client-eventbridge',
    '@aws-sdk/client-glue',
    '@aws-sdk/client-lambda',
    '@aws-sdk/client-sfn',
    '@aws-sdk/client-sns',
    '@aws-sdk/client-sqs',
  ],
  poweredByHeader: false,
  // Every response: no framing, no MIME sniffing. Pages that carry a token in their address
  // (email links, the setup link, the sign-in confirm page) send no Referer to any other site.
  // Not `no-referrer`: with it a browser posts the page's form with `Origin: null`, which
  // Next.js refuses as a cross-site Server Action, so the form would not work without JavaScript.
  async headers() {
    const tokenPage = [{ key: 'Referrer-Policy', value: 'same-origin' }];
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      { source: '/approve/:path*', headers: tokenPage },
      { source: '/setup/:path*', headers: tokenPage },
      { source: '/sign-in/confirm', headers: tokenPage },
    ];
  },
  // `npm test` type-checks the whole tree (tests included) with tsc before it builds; checking
  // again inside `next build` would only double the build time.
  typescript: { ignoreBuildErrors: true },
  // forbidden(): a page someone may not see answers 403 with app/forbidden.tsx
  experimental: { authInterrupts: true },
};

export default nextConfig;
