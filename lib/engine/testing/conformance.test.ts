/**
 * The conformance cases through the durable engine (every third case, to keep the suite fast;
 * `npm run conformance` runs them all): the same verdicts as the in-memory driver.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from '../../asl/conformance';
import { runConformanceCases } from './run-conformance';

const dir = path.resolve(__dirname, '../../../../shared/conformance/cases');

describe('conformance through the engine', () => {
  it.skipIf(!existsSync(dir))(
    'passes a sample of the AWS-recorded cases',
    async () => {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .filter((_, i) => i % 3 === 0);
      const cases = files.map((f) => ({
        name: f,
        ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Omit<ConformanceCase, 'name'>),
      }));
      const verdicts = await runConformanceCases(cases);
      expect(verdicts.filter((v) => !v.pass).map((v) => `${v.name}: ${JSON.stringify(v.actual)}`)).toEqual(
        [],
      );
      expect(verdicts.length).toBeGreaterThan(50);
    },
    60_000,
  );
});
