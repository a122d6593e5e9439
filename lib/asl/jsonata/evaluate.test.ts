import { describe, expect, it } from 'vitest';
import { testEnv } from '../test-helpers';
import {
  evaluateExpression,
  evaluateJsonataTemplate,
  evaluateTyped,
  isJsonataExpression,
  type JsonataScope,
} from './evaluate';

const scope = (input: unknown, variables = {}, random = () => 0.5): JsonataScope => ({
  states: { input: input as never, context: { Execution: { Name: 'e' } } },
  variables,
  env: testEnv('2026-05-01T12:00:00Z', random),
});

describe('JSONata evaluation', () => {
  it('recognizes only whole {% %} strings', () => {
    expect(isJsonataExpression('{% 1 %}')).toBe(true);
    expect(isJsonataExpression('a {% 1 %}')).toBe(false);
  });

  it('binds $states and variables', async () => {
    expect(await evaluateExpression('{% $states.input.a + $v %}', 'Output', scope({ a: 1 }, { v: 2 }))).toBe(
      3,
    );
    expect(await evaluateExpression('{% $states.context.Execution.Name %}', 'Output', scope({}))).toBe('e');
  });

  it('walks templates and names the field in errors', async () => {
    expect(await evaluateJsonataTemplate({ a: ['{% 1 + 1 %}', 'lit'], b: 3 }, 'Output', scope({}))).toEqual({
      a: [2, 'lit'],
      b: 3,
    });
    await expect(evaluateJsonataTemplate({ a: ['{% $nope %}'] }, 'Output', scope({}))).rejects.toMatchObject({
      error: 'States.QueryEvaluationError',
      cause:
        "The JSONata expression '$nope' specified for the field 'Output/a/0' returned nothing (undefined).",
    });
  });

  it('turns JSONata runtime errors into States.QueryEvaluationError', async () => {
    await expect(evaluateExpression('{% $number("x") + {} %}', 'Output', scope({}))).rejects.toMatchObject({
      error: 'States.QueryEvaluationError',
    });
  });

  it('provides the Step Functions functions with injected time and randomness', async () => {
    expect(await evaluateExpression('{% $partition([1,2,3], 2) %}', 'Output', scope({}))).toEqual([
      [1, 2],
      [3],
    ]);
    expect(await evaluateExpression('{% $range(0, 10, 3) %}', 'Output', scope({}))).toEqual([0, 3, 6, 9]);
    expect(await evaluateExpression('{% $parse(\'{"a":[1]}\') %}', 'Output', scope({}))).toEqual({ a: [1] });
    expect(await evaluateExpression('{% $now() %}', 'Output', scope({}))).toBe('2026-05-01T12:00:00.000Z');
    expect(
      await evaluateExpression(
        '{% $random() %}',
        'Output',
        scope({}, {}, () => 0.125),
      ),
    ).toBe(0.125);
    const uuid = await evaluateExpression(
      '{% $uuid() %}',
      'Output',
      scope({}, {}, () => 0.5),
    );
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await evaluateExpression('{% $hash("input data", "SHA-256") %}', 'Output', scope({}))).toBe(
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    );
  });

  it('checks result types with AWS wording', async () => {
    await expect(evaluateTyped('{% 1 %}', 'Items', 'array', scope({}))).rejects.toMatchObject({
      cause:
        "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
    });
  });
});
