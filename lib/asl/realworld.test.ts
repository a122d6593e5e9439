/**
 * The 258 public state machines of ../shared/realworld (AWS's sample repositories, not ours):
 * the validator accepts what AWS accepts, and the runtime compiles every path they hold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IntrinsicArg, isIntrinsic, parseIntrinsic } from './intrinsics';
import { parsePath } from './paths/resolve';
import { formatDiagnostic, validateDefinition } from './validate';

const dir = path.resolve(__dirname, '../../../shared/realworld');
const present = existsSync(dir);

/**
 * The definitions AWS would refuse too, each with the diagnostics we give. Keep this list to
 * what is truly invalid: a file that AWS runs belongs in the fixes, not here.
 */
const knownInvalid: Record<string, string[]> = {
  // shared-fallback-state-jsonata: `"QueryLanguage": "JSONata"` is written inside "States", as if
  // it were a state; AWS refuses a state that is not an object. One diagnostic, not one per state.
  '0116.json': [
    '/States/QueryLanguage: "QueryLanguage" belongs at the top level of the definition (or in a state), not among the states.',
  ],
};

/** ASL fields whose string value is a path (the comparison `…Path` operators end in `Path` too). */
const PATH_FIELD = /^(Variable|[A-Za-z]+Path)$/;
/** Fields that may hold an intrinsic call instead of a path. */
const INTRINSIC_FIELDS = new Set(['ErrorPath', 'CausePath']);

function loadDefinitions(): { file: string; definition: unknown }[] {
  return readdirSync(dir)
    .filter((file) => /^\d+\.json$/.test(file))
    .sort()
    .map((file) => ({ file, definition: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) }));
}

function pathsOfIntrinsic(args: IntrinsicArg[]): string[] {
  return args.flatMap((arg) =>
    arg.kind === 'path' ? [arg.path] : arg.kind === 'call' ? pathsOfIntrinsic(arg.args) : [],
  );
}

/** Every JSONPath a definition holds: `.$` values, path fields and the paths inside intrinsics. */
function pathsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(pathsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const isPath = key.endsWith('.$') || PATH_FIELD.test(key);
    if (!isPath || typeof member !== 'string') return pathsIn(member);
    if (member.startsWith('{%')) return [];
    if (isIntrinsic(member) && (key.endsWith('.$') || INTRINSIC_FIELDS.has(key)))
      return pathsOfIntrinsic(parseIntrinsic(member).args);
    return member.startsWith('$') ? [member] : [];
  });
}

describe.skipIf(!present)(`real-world definitions (${dir})`, () => {
  const definitions = present ? loadDefinitions() : [];

  it('finds all 258', () => {
    expect(definitions).toHaveLength(258);
  });

  it.each(definitions)('$file validates as AWS would', ({ file, definition }) => {
    const errors = validateDefinition(definition).errors.map(formatDiagnostic);
    expect(errors).toEqual(knownInvalid[file] ?? []);
  });

  it('compiles every path they hold for the runtime', () => {
    const paths = definitions.flatMap(({ definition }) => pathsIn(definition));
    const refused = paths.filter((source) => {
      try {
        parsePath(source);
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining(['$.[0]', '$.Snapshots.[0].State', '$.[?(@.OU > 0)]', '$$.Execution.Name ']),
    );
  });
});

if (!present) {
  describe('real-world definitions', () => {
    it.skip(`skipped: ${dir} is missing`, () => {});
  });
}
