// npm run db:migrate — applies prisma/migrations to DATABASE_URL (default ./data/signoff.db).
import { describeDatabase } from '../lib/db/database-url';
import { prepareDatabase } from '../lib/db/prepare-database';

prepareDatabase()
  .then((applied) => {
    console.log(
      applied.length
        ? `Applied ${applied.join(', ')} to ${describeDatabase()}`
        : `${describeDatabase()} is up to date`,
    );
  })
  .catch((error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
