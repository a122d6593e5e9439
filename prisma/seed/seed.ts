// npm run db:seed — migrates DATABASE_URL and seeds the demo when the database is empty.
import { db } from '../../lib/db/client';
import { prepareDatabase } from '../../lib/db/prepare-database';
import { seedDemo } from './seed-demo';

async function main() {
  await prepareDatabase();
  console.log((await seedDemo(db)) ? 'Seeded the demo.' : 'The database has data already; nothing seeded.');
}

main()
  .catch((error: unknown) => {
    console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
