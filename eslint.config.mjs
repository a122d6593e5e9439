import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Principle 1 of STYLE.md, enforced: each layer calls only the ones below it.
const aslMayNotImport = {
  patterns: [
    {
      group: ['@prisma/*', 'next', 'next/*', 'react', 'react-dom'],
      message: 'lib/asl is the pure interpreter: no Prisma, Next.js or React.',
    },
    {
      group: [
        'node:fs',
        'node:fs/*',
        'fs',
        'node:crypto',
        'crypto',
        'node:child_process',
        'node:net',
        'node:http',
        'node:https',
      ],
      message: 'lib/asl does no I/O and takes randomness from its env.',
    },
    {
      group: ['**/db/*', '**/db', '@/lib/db/*', '**/engine/*', '**/engine', '@/lib/engine/*'],
      message: 'lib/asl may not reach the database or the engine.',
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/db/generated/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // React's hook rules are for components; `use…` helpers in services and tests are not hooks.
    files: ['lib/**/*.ts', 'scripts/**/*.ts', 'prisma/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['lib/asl/**/*.ts'],
    ignores: ['lib/asl/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', aslMayNotImport] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/db/*', '**/lib/db', '@/lib/db/*', '@/lib/db'],
              message: 'components render DTOs; data comes through services.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                '**/lib/approvals/*',
                '**/lib/mail/*',
                '@/lib/approvals/*',
                '@/lib/mail/*',
              ],
              message: 'the engine knows neither Next.js nor users and email.',
            },
          ],
        },
      ],
    },
  },
]);
