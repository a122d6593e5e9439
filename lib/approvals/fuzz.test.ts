/**
 * Property test (issue 14, fuzzed inputs): decideTaskByToken on a real waiting approval task with
 * fuzzed decision, comment and form values (wrong types, huge strings, numbers as text out of
 * range, polluting keys, fields named like Object.prototype members). A refusal is AppError
 * INVALID_INPUT and leaves the task pending with no decision or audit row; an accepted decision
 * records only values the approver sent, each of its field's type.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { isAppError } from '../errors';
import {
  HOSTILE_NUMBER_LITERALS,
  expectPrototypesUntouched,
  hostileJsonText,
  hostileString,
  prototypeSnapshot,
  rowCounts,
} from '../http/fuzz-support';
import { decideTaskByToken } from './decide-task-by-token';
import { approvalDefinition, linksFor, seedPeople, startWorkflow, taskOf } from './test-kit';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const APPROVERS = Array.from({ length: 20 }, (_, i) => `fz${i}@outside.test`);
const OPTIONS = ['low', 'high'];

/** Every field type, and names an object inherits (a value must never be read from there). */
const FORM = [
  { Name: 'note', Type: 'text', Label: 'Note' },
  { Name: 'discount', Type: 'number', Label: 'Discount', RequiredOn: ['approve'] },
  { Name: 'priority', Type: 'choice', Label: 'Priority', Options: OPTIONS },
  { Name: 'urgent', Type: 'checkbox', Label: 'Urgent' },
  { Name: 'constructor', Type: 'text', Label: 'Inherited name' },
  { Name: 'toString', Type: 'number', Label: 'Inherited name' },
  { Name: 'valueOf', Type: 'choice', Label: 'Inherited name', Options: OPTIONS },
] as const;

let snapshot = '';
let executionId = '';
let tokens: string[] = [];

/** A fresh task with one link per approver (all must approve; one rejection ends it). */
async function openTask(): Promise<void> {
  const parameters = { Title: 'Fuzzed order', Approvers: APPROVERS, Policy: { Mode: 'all' }, Form: FORM };
  executionId = await startWorkflow(approvalDefinition(parameters));
  tokens = await Promise.all(APPROVERS.map(async (to) => (await linksFor(to)).at(-1)!));
}

beforeAll(async () => {
  await seedPeople();
  await openTask();
  snapshot = prototypeSnapshot();
});

/** A value for a field: good for its type most of the time, else anything hostile. */
const fieldValue = (field: (typeof FORM)[number]) => {
  const good =
    field.Type === 'number'
      ? fc.oneof(fc.integer(), fc.constantFrom('5', ' 7 ', ...HOSTILE_NUMBER_LITERALS, 'NaN', '0x10'))
      : field.Type === 'choice'
        ? fc.constantFrom(...OPTIONS, 'medium', '')
        : field.Type === 'checkbox'
          ? fc.constantFrom(true, false, 'on', 'true', 'off')
          : fc.oneof(fc.string(), fc.constant('x'.repeat(5001)));
  const hostile = fc.oneof(
    hostileString,
    hostileJsonText.map((text) => JSON.parse(text) as unknown),
  );
  return fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostile, weight: 1 });
};

/** The values object: some form fields plus polluting keys, as own properties (as JSON.parse makes them). */
const valuesObject = fc
  .tuple(
    ...FORM.map((field) =>
      fc.option(
        fieldValue(field).map((value) => [field.Name, value] as const),
        { nil: undefined },
      ),
    ),
    fc.option(fc.constantFrom('__proto__', 'prototype'), { nil: undefined }),
  )
  .map(([...entries]) => {
    const values: Record<string, unknown> = {};
    for (const entry of entries) {
      if (entry === undefined) continue;
      const [key, value] = typeof entry === 'string' ? [entry, { polluted: 'yes' }] : entry;
      Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return values;
  });

const decisionInput = fc.record({
  decision: fc.oneof(
    { arbitrary: fc.constantFrom('approve', 'reject'), weight: 6 },
    {
      arbitrary: fc.constantFrom('maybe', '', 'APPROVE', '__proto__', 'constructor', null, 1, true, {}, []),
      weight: 1,
    },
  ),
  comment: fc.oneof(
    { arbitrary: fc.constantFrom(undefined, 'Within budget', '', '   ', 'x'.repeat(5001)), weight: 3 },
    { arbitrary: hostileString, weight: 1 },
    { arbitrary: fc.constantFrom(1, null, {}, ['a'], true), weight: 1 },
  ),
  values: fc.oneof(
    { arbitrary: valuesObject, weight: 6 },
    { arbitrary: fc.constantFrom(undefined, null, 'text', 42, [], ['note']), weight: 1 },
  ),
});

/** What a recorded form value must be for its field. */
function expectRecorded(form: Record<string, unknown>, sent: unknown) {
  for (const [name, value] of Object.entries(form)) {
    const field = FORM.find((f) => f.Name === name);
    expect(field, `recorded a value for ${name}, which the form does not have`).toBeDefined();
    if (field!.Type !== 'checkbox')
      expect(
        Object.hasOwn(sent as object, name),
        `${name} was not sent but was recorded as ${String(value)}`,
      ).toBe(true);
    if (field!.Type === 'number') expect(Number.isFinite(value)).toBe(true);
    if (field!.Type === 'choice') expect(OPTIONS).toContain(value);
    if (field!.Type === 'checkbox') expect(typeof value).toBe('boolean');
    if (field!.Type === 'text') expect(typeof value === 'string' && value.length <= 5000).toBe(true);
  }
}

describe('decideTaskByToken under fuzzed form input', () => {
  it('refuses with INVALID_INPUT and writes nothing, or records exactly what was sent', async () => {
    await fc.assert(
      fc.asyncProperty(decisionInput, async (input) => {
        const token = tokens[0];
        const before = await rowCounts();
        // The fuzzer hands the service what its types forbid, as a hostile caller would.
        const call = decideTaskByToken({ token, ...input } as never);
        const outcome = await call.then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok) {
          expect(isAppError(outcome.error) && outcome.error.code, String(outcome.error)).toBe(
            'INVALID_INPUT',
          );
          expect((await taskOf(executionId)).status).toBe('PENDING');
          expect(await rowCounts()).toEqual(before);
        } else {
          expect(['approve', 'reject']).toContain(input.decision);
          expect(outcome.result.decision).toBe(input.decision === 'approve' ? 'approved' : 'rejected');
          const decision = await db.decision.findFirstOrThrow({
            where: { taskId: outcome.result.taskId },
            orderBy: { at: 'desc' },
          });
          expectRecorded(JSON.parse(decision.form) as Record<string, unknown>, input.values);
          expect(decision.comment === null || decision.comment.length <= 5000).toBe(true);
          tokens.shift();
          if (outcome.result.taskStatus !== 'PENDING' || tokens.length === 0) await openTask();
        }
        expectPrototypesUntouched(snapshot);
      }),
      { numRuns: RUNS },
    );
    // Still answers correctly: a good approval is taken, with only the fields sent (and the checkbox).
    const result = await decideTaskByToken({
      token: tokens[0],
      decision: 'approve',
      values: { discount: '5' },
    });
    expect(result.decision).toBe('approved');
    const decision = await db.decision.findFirstOrThrow({
      where: { taskId: result.taskId },
      orderBy: { at: 'desc' },
    });
    expect(JSON.parse(decision.form)).toEqual({ discount: 5, urgent: false });
  });
});
