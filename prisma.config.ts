import { defineConfig } from 'prisma/config';

// Prisma 7 reads the datasource URL from here. The CLI is only used for `prisma generate`
// (see scripts/prisma-generate.mjs); migrations run through scripts/db-migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/signoff.db' },
});
