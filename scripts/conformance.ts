/**
 * `npm run conformance -- DIR`: runs every case file of DIR through the durable engine (a
 * temporary SQLite database, the engine's clock jumping to each due timer), prints one JSON
 * line per case and then `N passed, M failed`. `--in-memory` runs the pure in-memory driver
 * instead. Exits 0 even when cases fail: the count is the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseVerdict, ConformanceCase } from '../lib/asl/conformance';

async function loadCases(dir: string): Promise<ConformanceCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      const testCase = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ConformanceCase;
      return { ...testCase, name: testCase.name ?? file };
    }),
  );
}

async function runInMemory(cases: ConformanceCase[]): Promise<CaseVerdict[]> {
  const { runConformanceCase } = await import('../lib/asl/conformance');
  return Promise.all(cases.map((c) => runConformanceCase(c)));
}

async function runOnEngine(cases: ConformanceCase[]): Promise<CaseVerdict[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'signoff-conformance-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'conformance.db')}`;
  try {
    const { prepareDatabase } = await import('../lib/db/prepare-database');
    await prepareDatabase(process.env.DATABASE_URL);
    const { runConformanceCases } = await import('../lib/engine/testing/run-conformance');
    return await runConformanceCases(cases);
  } finally {
    const { db } = await import('../lib/db/client');
    const { closeSqlite } = await import('../lib/db/sqlite');
    await db.$disconnect();
    closeSqlite();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const inMemory = args.includes('--in-memory');
  const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/conformance/cases';
  const cases = await loadCases(dir);
  const verdicts = inMemory ? await runInMemory(cases) : await runOnEngine(cases);
  let passed = 0;
  for (const verdict of verdicts) {
    if (verdict.pass) passed += 1;
    process.stdout.write(`${JSON.stringify(verdict)}\n`);
  }
  process.stdout.write(`${passed} passed, ${verdicts.length - passed} failed\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
