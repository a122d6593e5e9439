/** Every conformance definition ran on real AWS, so validation must find no error in any of them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateDefinition } from '../validate';

const CASES_DIR = '/work/shared/conformance/cases';
const present = existsSync(CASES_DIR);

function loadCases(): { file: string; definition: unknown }[] {
  return readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      file,
      definition: JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')).definition,
    }));
}

describe.skipIf(!present)(`conformance definitions (${CASES_DIR})`, () => {
  const cases = present ? loadCases() : [];

  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$file validates with no errors', ({ definition }) => {
    expect(validateDefinition(definition).errors.map(formatDiagnostic)).toEqual([]);
  });
});

if (!present) {
  describe('conformance definitions', () => {
    it.skip(`skipped: ${CASES_DIR} is missing`, () => {});
  });
}
