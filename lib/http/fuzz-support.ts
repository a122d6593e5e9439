/**
 * Tests only: hostile inputs for the fuzz tests of every entry point (fast-check arbitraries),
 * and the checks each run makes: no stack trace or source path in an answer, no row written by
 * a refused request, Object.prototype untouched.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { db } from '../db/client';

/** Prototype-pollution keys, as JSON.parse makes them (own properties named so). */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Numbers JSON.stringify cannot write: out of range, negative zero, past 2^53 and 2^64. */
export const HOSTILE_NUMBER_LITERALS = [
  '1e309',
  '-1e309',
  '-0',
  '-0.0',
  '1e-400',
  '4.9e-324',
  '18446744073709551616',
  '-18446744073709551617',
  '9007199254740993',
  '2147483648',
  '123456789012345678901234567890.5',
  '1E+2',
  '0.0000001',
];

/** 10,000 levels of arrays and of objects, and an unclosed 100,000: parsers and recursion. */
export const DEEP_JSON_TEXTS = [
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
  '['.repeat(100_000),
  '[{"a":'.repeat(1_000) + 'null' + '}]'.repeat(1_000),
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  ...POLLUTING_KEYS,
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  ...HOSTILE_NUMBER_LITERALS,
  'NaN',
  'Infinity',
  '-1',
  '0',
  '0x1F',
  ' 42 ',
  '١٢٣',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\ufeff',
  '%00',
  '%ZZ',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '$',
  '$.a',
  '$$.Execution',
  '{% $states %}',
  'States.Format(',
  'arn:aws:states:us-east-1:000000000000:stateMachine:x',
  'arn:aws:states:us-east-1:000000000000:stateMachine:x:99999999999999999999',
  'arn:aws:states:us-east-1:000000000000:stateMachine:__proto__',
  'arn:aws:states:us-east-1:000000000000:execution:x:y',
  'arn:aws:states:::activity:constructor',
  'arn:aws:states:us-east-1:000000000000:activity:toString',
  '2020-02-30T00:00:00Z',
  '2020-02-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999+23:59',
  '2024-01-01T00:00:00-99:99',
  '+275760-09-13T00:00:00Z',
  'x'.repeat(2049),
  'x'.repeat(300_000),
  '🙂'.repeat(100),
];

/** Strings a client should never send: special words, numbers as text, lone surrogates, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...POLLUTING_KEYS), weight: 2 },
  { arbitrary: hostileString, weight: 1 },
);

/** What a polluting key carries, so a merge that walks into the prototype would plant `polluted`. */
const pollutionText = fc.constantFrom(
  '{"polluted":"yes"}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '"polluted"',
);

/** JSON text of any value, with hostile numbers, strings, keys and 10,000-deep nesting inside. */
export const hostileJsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.constantFrom(...HOSTILE_NUMBER_LITERALS),
    hostileString.map((s) => JSON.stringify(s)),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(...DEEP_JSON_TEXTS.slice(0, 2), '[]', '{}', 'null', 'true'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(hostileKey, fc.oneof(tie('value'), pollutionText)), { maxLength: 4 }).map(objectText),
  ),
})).value;

/** A string field meant to hold JSON text (an input, a definition): hostile JSON, or not JSON at all. */
export const hostileJsonTextField: fc.Arbitrary<string> = fc
  .oneof(hostileJsonText, hostileString, fc.constantFrom(...DEEP_JSON_TEXTS))
  .map((text) => JSON.stringify(text));

const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Nope'];
const STATE_FIELDS = [
  'Next',
  'End',
  'InputPath',
  'OutputPath',
  'ResultPath',
  'Parameters',
  'ResultSelector',
  'Result',
  'Arguments',
  'Output',
  'Assign',
  'QueryLanguage',
  'Resource',
  'Seconds',
  'Timestamp',
  'SecondsPath',
  'Choices',
  'Default',
  'Error',
  'Cause',
  'Retry',
  'Catch',
  'Branches',
  'Items',
  'ItemsPath',
  'ItemProcessor',
  'ItemSelector',
  'MaxConcurrency',
  'TimeoutSeconds',
];

/** JSON text of one state: a real or bogus Type and ASL fields with hostile values. */
export const hostileStateText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...STATE_TYPES),
    fc.array(fc.tuple(fc.constantFrom(...STATE_FIELDS, ...POLLUTING_KEYS), hostileJsonText), {
      maxLength: 5,
    }),
  )
  .map(([type, fields]) => objectText([['Type', JSON.stringify(type)], ...fields]));

function objectText(entries: [string, string][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/**
 * An object body shaped like the endpoint's input: each field good, hostile or left out (so most
 * runs break one or two fields of an otherwise good call), plus polluting keys; `tail` entries
 * come last (JSON: the last of a repeated key wins).
 */
function shapedBody(
  fields: Record<string, fc.Arbitrary<string>>,
  tail: [string, string][] = [],
): fc.Arbitrary<string> {
  const members = Object.entries(fields).map(([key, goodValue]) =>
    fc
      .oneof(
        { arbitrary: goodValue, weight: 4 },
        { arbitrary: hostileJsonText, weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      )
      .map((value): [string, string][] => (value === undefined ? [] : [[key, value]])),
  );
  const extra = fc.tuple(hostileKey, fc.oneof(pollutionText, hostileJsonText));
  return fc
    .tuple(fc.tuple(...members), fc.array(extra, { maxLength: 2 }))
    .map(([own, more]) => objectText([...own.flat(), ...more, ...tail]));
}

/** Byte sequences that are not UTF-8: overlong, surrogates, stray continuation, truncated, > U+10FFFF. */
const INVALID_UTF8 = [
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xff, 0xfe],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** A JSON-ish body with invalid UTF-8 spliced in (inside a string, or raw). */
function invalidUtf8Body(base: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(base, fc.constantFrom(...INVALID_UTF8), fc.nat(), fc.boolean())
    .map(([text, bad, at, inString]) => {
      const bytes = new TextEncoder().encode(inString ? `{"name":"x@x","definition":"` : text);
      const cut = inString ? bytes.length : at % (bytes.length + 1);
      const tail = inString ? new TextEncoder().encode('"}') : bytes.slice(cut);
      return Uint8Array.from([...bytes.slice(0, cut), ...bad, ...tail]);
    });
}

/** Any body a client could send: shaped objects, any JSON, garbage text, bad bytes, deep nesting. */
export function hostileBody(
  fields: Record<string, fc.Arbitrary<string>>,
  tail: [string, string][] = [],
): fc.Arbitrary<string | Uint8Array> {
  const shaped = shapedBody(fields, tail);
  return fc.oneof(
    { arbitrary: shaped, weight: 6 },
    { arbitrary: hostileJsonText, weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 100 }), weight: 1 },
    { arbitrary: invalidUtf8Body(shaped), weight: 1 },
    { arbitrary: fc.constantFrom(...DEEP_JSON_TEXTS, '\ufeff{}', '{"a":1}{"a":2}', '{"a":'), weight: 1 },
  );
}

/** A good value for a field, as JSON text. */
export const good = (...values: unknown[]): fc.Arbitrary<string> =>
  fc.constantFrom(...values).map((v) => JSON.stringify(v));

const STACK_LINE = /\n\s+at \S+ \(|\bat (?:async )?\S+ \([^)]*:\d+:\d+\)|\.(?:ts|tsx|js|mjs):\d+:\d+/;

/** No stack frame, no source location, no path into this checkout or node_modules. */
export function expectNoLeak(text: string): void {
  if (STACK_LINE.test(text) || text.includes(process.cwd()) || text.includes('node_modules/'))
    throw new Error(`the answer leaks internals: ${text.slice(0, 500)}`);
}

/** The own property names of the built-in prototypes, to compare before and after a run. */
export function prototypeSnapshot(): string {
  const names = (o: object) => Reflect.ownKeys(o).map(String).sort().join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(names).join('|');
}

export function expectPrototypesUntouched(snapshot: string): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeSnapshot()).toBe(snapshot);
}

const COUNTED_TABLES = [
  'Workflow',
  'WorkflowVersion',
  'Activity',
  'Execution',
  'ExecutionFrame',
  'HistoryEvent',
  'TaskToken',
  'Timer',
  'ApprovalTask',
  'ApprovalAssignee',
  'ApprovalLink',
  'Decision',
  'OutboxMessage',
  'AuditEntry',
];

const COUNT_SQL = `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`;

/** Row counts of the tables a request could write, in one query. */
export async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(COUNT_SQL);
  return Object.fromEntries(Object.entries(row).map(([table, n]) => [table, Number(n)]));
}
