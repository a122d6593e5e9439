/**
 * The project's own cases in the conformance format (./conformance-cases/*.json), each with the
 * evidence for its expectation in `source`, run as the AWS-recorded cases are. The durable engine
 * runs them too: `npm run conformance -- lib/asl/conformance-cases`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformanceCase, type ConformanceCase } from './conformance';

const dir = path.resolve(__dirname, 'conformance-cases');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ConformanceCase);

describe('conformance cases of our own (lib/asl/conformance-cases)', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const verdict = await runConformanceCase(testCase);
    expect(verdict.actual).toMatchObject(
      testCase.expected.status === 'SUCCEEDED'
        ? { status: 'SUCCEEDED' }
        : { status: 'FAILED', error: testCase.expected.error ?? null },
    );
    expect(verdict.pass, JSON.stringify(verdict.actual)).toBe(true);
  });
});
