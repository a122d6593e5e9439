/**
 * Property tests (issue 14, fuzzed inputs) with fast-check, beside the seeded fuzz of fuzz.test.ts:
 * the validator never throws nor fails internally on any JSON-derived value (out-of-range
 * numbers, -0, 10,000-deep nesting, polluting keys) or on mutated real-world definitions; and a
 * definition it accepts runs in the in-memory interpreter, on fuzzed input and task results, to
 * a success or a failure with an error name, never a JS exception.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEEP_JSON_TEXTS,
  POLLUTING_KEYS,
  expectPrototypesUntouched,
  hostileJsonText,
  hostileKey,
  hostileStateText,
  prototypeSnapshot,
} from '../http/fuzz-support';
import { MAX_JSON_DEPTH } from './constants';
import { runInMemory } from './driver';
import type { JsonValue } from './json';
import { jsonDepthExceeds } from './json-utils';
import type { Definition } from './types';
import { type ValidationResult, validateDefinition } from './validate';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SHARED = path.resolve(__dirname, '../../../shared');

let snapshot = '';
beforeAll(() => {
  snapshot = prototypeSnapshot();
});

/** Definitions to mutate: AWS's public samples and the conformance cases, when the checkout has them. */
function seedDefinitions(): unknown[] {
  const read = (dir: string, pick: (json: { definition?: unknown }) => unknown) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.json'))
          .map((file) => pick(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))))
      : [];
  const seeds = [
    ...read(path.join(SHARED, 'realworld'), (json) => json),
    ...read(path.join(SHARED, 'conformance/cases'), (json) => json.definition),
  ];
  const fallback = {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: { Title: 'T', Approvers: ['a@x'] },
        Next: 'Pick',
      },
      Pick: {
        Type: 'Choice',
        Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Done' }],
        Default: 'Done',
      },
      Done: { Type: 'Pass', Result: { ok: true }, End: true },
    },
  };
  return seeds.length > 0 ? seeds : [fallback];
}

const seeds = seedDefinitions();

/**
 * Arbitraries yield JSON *text* and properties parse it (so a value has Infinity from 1e309, -0,
 * own `__proto__` keys): a counterexample nested 10,000 deep stays printable as text.
 */
const parse = (text: string) => JSON.parse(text) as unknown;

/** The objects and arrays in `value`, the value first (iterative, at most 2,000, not below 50 levels). */
function containers(value: unknown): object[] {
  const out: object[] = [];
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0 && out.length < 2000) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null || depth > 50) continue;
    out.push(node);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return out;
}

/** An own property, as JSON.parse makes it (so `__proto__` is a key, not the prototype). */
function put(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Mutation {
  at: number;
  kind: 'set' | 'delete' | 'rename' | 'graft' | 'state';
  key: string;
  /** JSON text */
  value: string;
  /** JSON text of a state */
  state: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'delete', 'rename', 'graft', 'state'),
  key: hostileKey,
  value: hostileJsonText,
  state: hostileStateText,
});

function mutate(doc: unknown, { at, kind, key, value, state }: Mutation): void {
  const all = containers(doc);
  const target = all[at % all.length] as Record<string, unknown>;
  const keys = Object.keys(target);
  const existing = keys.length > 0 ? keys[at % keys.length] : key;
  const name = Array.isArray(target) ? String(at % (keys.length + 1)) : existing;
  if (kind === 'delete' && !Array.isArray(target)) delete target[existing];
  else if (kind === 'rename' && !Array.isArray(target) && keys.length > 0) {
    const moved = target[existing];
    delete target[existing];
    put(target, key, moved);
  } else if (kind === 'graft') {
    const subtree = all[(at * 7) % all.length];
    if (!jsonDepthExceeds(subtree, 50)) put(target, name, structuredClone(subtree));
  } else if (kind === 'state') put(target, name, parse(state));
  else put(target, name, parse(value));
}

/** A seed (by index) and the mutations to apply: built inside the property, printed as data. */
const mutant = fc.tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }));

function build([index, mutations]: [number, Mutation[]]): unknown {
  const doc = structuredClone(seeds[index]);
  for (const m of mutations) mutate(doc, m);
  return doc;
}

function expectWellFormed(result: ValidationResult): void {
  for (const d of [...result.errors, ...result.warnings]) {
    if (d.code === 'INTERNAL_ERROR') throw new Error(`the validator failed internally: ${d.message}`);
    expect(typeof d.path === 'string' && typeof d.message === 'string').toBe(true);
  }
  expect(result.ok).toBe(result.errors.length === 0);
  expect(result.errors.every((d) => d.severity === 'ERROR')).toBe(true);
  expect(result.warnings.every((d) => d.severity === 'WARNING')).toBe(true);
  expectPrototypesUntouched(snapshot);
}

/** Input text (parsed in the property); deeper than MAX_JSON_DEPTH is refused before any run, so `{}`. */
const runInput: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  hostileJsonText,
  fc.constant('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)),
  fc.constant('{"order":{"id":1,"items":[1,2,3]},"n":2,"a":{"b":1},"__proto__":{"polluted":"yes"}}'),
);

function inputOf(text: string): JsonValue {
  const value = JSON.parse(text) as JsonValue;
  return jsonDepthExceeds(value, MAX_JSON_DEPTH) ? {} : value;
}

type TaskAnswer = { output: string } | { error: string; cause: string };

/** What a task answers: a fuzzed result, or a fuzzed error. */
const taskAnswer: fc.Arbitrary<TaskAnswer> = fc.oneof(
  runInput.map((output) => ({ output })),
  fc.record({
    error: fc.constantFrom('States.TaskFailed', 'States.Timeout', 'Custom', ''),
    cause: fc.string(),
  }),
);

/** Runs `definition` (bounded to 400 history events); true when it ran, false when refused. */
async function expectRunEnds(definition: unknown, input: string, answers: TaskAnswer[]): Promise<boolean> {
  if (!validateDefinition(definition).ok) return false;
  let call = 0;
  const answer = () => {
    const next = answers[call++ % answers.length];
    return 'output' in next ? { output: inputOf(next.output) } : next;
  };
  const result = await runInMemory(definition as Definition, inputOf(input), {
    maxEvents: 400,
    recordHistory: false,
    tasks: answer,
  });
  expect(['SUCCEEDED', 'FAILED']).toContain(result.status);
  if (result.status === 'FAILED') {
    expect(result.error === null || typeof result.error === 'string').toBe(true);
    expect(result.cause === undefined || typeof result.cause === 'string').toBe(true);
  }
  expectPrototypesUntouched(snapshot);
  return true;
}

/** At least this share of the runs must reach the interpreter, or the property says little. */
const MIN_ACCEPTED = 0.1;

/** Good field values (JSON text) by query language: paths, templates, intrinsics, JSONata. */
const GOOD_FIELDS: Record<'JSONPath' | 'JSONata', Record<string, string[]>> = {
  JSONPath: {
    InputPath: ['"$"', '"$.a"', 'null', '"$.order.items[0]"'],
    Parameters: [
      '{"a.$":"$.a"}',
      '{"all.$":"$","ctx.$":"$$.Execution.Input"}',
      `{"f.$":"States.Format('{} {}', $.n, $.s)","m.$":"States.MathAdd($.n, 1)"}`,
      `{"h.$":"States.Hash($.s, 'SHA-256')","j.$":"States.StringToJson($.s)"}`,
      '{"arr.$":"States.Array($.n, $.a)","len.$":"States.ArrayLength($.order.items)"}',
    ],
    ResultSelector: ['{"v.$":"$"}'],
    ResultPath: ['"$.r"', '"$"', 'null', '"$.a.b"'],
    OutputPath: ['"$"', '"$.r"'],
    Assign: ['{"v.$":"$"}', '{"w":1}'],
    ItemsPath: ['"$.order.items"', '"$"'],
  },
  JSONata: {
    Output: [
      '"{% $states.input %}"',
      '"{% $states.input.n + 1 %}"',
      '"{% $string($states.input) %}"',
      '{"x":"{% $states.input.a.b %}"}',
    ],
    Arguments: ['{"p":"{% $states.input %}"}'],
    Assign: ['{"v":"{% $states.input %}"}'],
    Items: ['"{% $states.input.order.items %}"', '[1,2]'],
  },
};

const BRANCH = '{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}';

/** The Types each field of GOOD_FIELDS belongs to (a misplaced field is just a refusal). */
const FIELD_TYPES: Record<string, string[]> = {
  InputPath: ['Pass', 'Task', 'Wait', 'Succeed', 'Choice', 'Map', 'Parallel'],
  OutputPath: ['Pass', 'Task', 'Wait', 'Succeed', 'Choice', 'Map', 'Parallel'],
  Parameters: ['Pass', 'Task', 'Map', 'Parallel'],
  ResultSelector: ['Task', 'Map', 'Parallel'],
  ResultPath: ['Pass', 'Task', 'Map', 'Parallel'],
  Assign: ['Pass', 'Task', 'Wait', 'Choice', 'Map', 'Parallel'],
  ItemsPath: ['Map'],
  Output: ['Pass', 'Task', 'Wait', 'Succeed', 'Choice', 'Map', 'Parallel'],
  Arguments: ['Task', 'Parallel'],
  Items: ['Map'],
};

/** The fields of each Type beyond GOOD_FIELDS. */
const TYPE_FIELDS: Record<string, Record<string, string[]>> = {
  Pass: { Result: ['{"ok":true}', '1', 'null'], End: ['true'] },
  Task: {
    Resource: ['"arn:aws:states:::lambda:invoke"', '"approval"'],
    End: ['true'],
    TimeoutSeconds: ['1'],
  },
  Wait: { Seconds: ['0', '1', '3600'], End: ['true'] },
  Fail: { Error: ['"E"'], Cause: ['"c"'] },
  Succeed: {},
  Choice: { Choices: ['[{"Variable":"$.n","NumericGreaterThan":1,"Next":"S"}]'], Default: ['"S"'] },
  Map: { ItemProcessor: [BRANCH], End: ['true'], MaxConcurrency: ['0', '1'] },
  Parallel: { Branches: [`[${BRANCH}]`], End: ['true'] },
};

/** A field's value: good (most runs), hostile, or left out. */
const fieldValue = (good: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 4 },
    { arbitrary: hostileJsonText, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

/** JSON text of a machine with one state `S` of any Type, in either query language. */
const oneStateMachine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...Object.keys(TYPE_FIELDS)), fc.constantFrom('JSONPath', 'JSONata' as const))
  .chain(([type, language]) => {
    const common = Object.entries(GOOD_FIELDS[language]).filter(([key]) => FIELD_TYPES[key].includes(type));
    const choices =
      language === 'JSONata' ? { Choices: ['[{"Condition":"{% $states.input.n > 1 %}","Next":"S"}]'] } : {};
    const fields = {
      ...Object.fromEntries(common),
      ...TYPE_FIELDS[type],
      ...(type === 'Choice' ? choices : {}),
    };
    const members = Object.entries(fields).map(([key, good]) =>
      fieldValue(good).map((value) => (value === undefined ? '' : `,${JSON.stringify(key)}:${value}`)),
    );
    return fc
      .tuple(...members)
      .map(
        (parts) =>
          `{"QueryLanguage":"${language}","StartAt":"S","States":{"S":{"Type":"${type}"${parts.join('')}}}}`,
      );
  });

describe('validateDefinition under fast-check', () => {
  it('never throws on any JSON value, or its text', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJsonText, fc.json()), (text) => {
        expectWellFormed(validateDefinition(parse(text)));
        expectWellFormed(validateDefinition(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on mutated real-world definitions', () => {
    fc.assert(
      fc.property(mutant, (m) => expectWellFormed(validateDefinition(build(m)))),
      { numRuns: RUNS },
    );
  });

  it('refuses definitions nested deeper than the limit, at any depth, without throwing', () => {
    for (const deep of DEEP_JSON_TEXTS.slice(0, 2)) {
      const text = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${deep},"End":true}}}`;
      const result = validateDefinition(text);
      expectWellFormed(result);
      expect(result.errors.map((d) => d.code)).toEqual(['NESTING_TOO_DEEP']);
    }
    const atLimit = '['.repeat(MAX_JSON_DEPTH - 4) + ']'.repeat(MAX_JSON_DEPTH - 4);
    const ok = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${atLimit},"End":true}}}`;
    expect(validateDefinition(ok)).toMatchObject({ ok: true });
  });
});

describe('runInMemory on accepted definitions', () => {
  it('ends every run of a real-world or mutated definition it accepts in a status, never a throw', async () => {
    const definition = fc.oneof(
      fc.nat(seeds.length - 1).map((i) => [i, []] as [number, Mutation[]]),
      mutant,
    );
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(
        definition,
        runInput,
        fc.array(taskAnswer, { minLength: 1, maxLength: 3 }),
        async (m, input, answers) => {
          if (await expectRunEnds(build(m), input, answers)) ran++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(ran).toBeGreaterThan(RUNS * MIN_ACCEPTED);
  });

  it('ends a one-state machine of plausible and hostile fields, when accepted, in a status', async () => {
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(
        oneStateMachine,
        runInput,
        fc.array(taskAnswer, { minLength: 1, maxLength: 2 }),
        async (text, input, answers) => {
          if (await expectRunEnds(parse(text), input, answers)) ran++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(ran).toBeGreaterThan(RUNS * MIN_ACCEPTED);
  });

  it('keeps polluting keys in payloads as plain data', async () => {
    for (const key of POLLUTING_KEYS) {
      const input = JSON.parse(`{"${key}":{"polluted":"yes"},"a":1}`) as JsonValue;
      const definition = {
        StartAt: 'P',
        States: { P: { Type: 'Pass', Parameters: { 'copy.$': '$', 'a.$': '$.a' }, End: true } },
      };
      const result = await runInMemory(definition as Definition, input);
      expect(result.status).toBe('SUCCEEDED');
      expectPrototypesUntouched(snapshot);
    }
  });
});
