import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'app/**/*.test.ts',
      'scripts/**/*.test.ts',
      'prisma/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one file at a time per core but one; most files here wait on disk flushes,
    // SMTP, PostgreSQL or child processes, so one more than the cores keeps them busy (on 2 cores:
    // 231 s → 164 s on SQLite, 293 s → 145 s on PostgreSQL).
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['lib/db/vitest-global-setup.ts'],
    setupFiles: ['lib/db/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
