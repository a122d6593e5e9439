import { defineConfig } from 'prisma/config';
import { EXTERNAL_TABLES } from './lib/db/external-tables';

// Prisma 7 reads the datasource URL from here. The CLI is only used for `prisma generate`
// (see scripts/prisma-generate.mjs); migrations run through scripts/db-migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/signoff.db' },
  // The FTS5 search table the migrations create by hand: `prisma migrate` must not drop it.
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
