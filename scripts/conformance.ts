/**
 * `npm run conformance -- DIR`: runs every case file of DIR through the interpreter (in memory,
 * on a virtual clock), prints one JSON line per case and then `N passed, M failed`. Exits 0
 * even when cases fail: the count is the result.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runConformanceCase, type ConformanceCase } from '../lib/asl/conformance';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '../shared/conformance/cases';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const verdicts = await Promise.all(
    files.map(async (file) => {
      const testCase = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ConformanceCase;
      return runConformanceCase({ ...testCase, name: testCase.name ?? file });
    }),
  );
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
