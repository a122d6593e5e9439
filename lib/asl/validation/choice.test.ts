import { describe, expect, it } from 'vitest';
import { errorMessages, findings } from './test-support';

const choice = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  StartAt: 'C',
  States: { C: { Type: 'Choice', Choices: rules, Default: 'Done', ...extra }, Done: { Type: 'Succeed' } },
});

describe('Choice rules (JSONPath)', () => {
  it('accepts comparisons, Is* tests, *Path operands and nested combinators', () => {
    const rules = [
      { Variable: '$.total', NumericGreaterThanPath: '$.limit', Next: 'Done' },
      { Not: { Variable: '$.name', StringMatches: 'log-*.txt' }, Next: 'Done' },
      {
        And: [
          { Variable: '$.a', IsNull: false },
          {
            Or: [
              { Variable: '$$.Execution.Id', IsString: true },
              { Variable: '$v', BooleanEquals: true },
            ],
          },
        ],
        Next: 'Done',
      },
      { Variable: '$.at', TimestampLessThan: '2026-01-01T00:00:00Z', Next: 'Done' },
    ];
    expect(findings(choice(rules))).toEqual([]);
  });

  it('reports no operator, two operators, and a missing Variable', () => {
    const rules = [
      { Variable: '$.x', Next: 'Done' },
      { Variable: '$.x', StringEquals: 'a', NumericEquals: 1, Next: 'Done' },
      { StringEquals: 'a', Next: 'Done' },
    ];
    expect(findings(choice(rules))).toEqual([
      { path: '/States/C/Choices/0', code: 'INVALID_CHOICE_RULE' },
      { path: '/States/C/Choices/1', code: 'INVALID_CHOICE_RULE' },
      { path: '/States/C/Choices/2', code: 'MISSING_FIELD' },
    ]);
    expect(errorMessages(choice(rules))).toEqual([
      'a Choice rule needs a comparison operator (such as "StringEquals") or one of "And", "Or", "Not".',
      'a Choice rule must have exactly one comparison operator or combinator, not "StringEquals" and "NumericEquals".',
      'a comparison rule must have "Variable" to compare with "StringEquals".',
    ]);
  });

  it('reports an empty And/Or, Next inside sub-rules, and a missing top-level Next', () => {
    const rules = [
      { And: [], Next: 'Done' },
      { Or: [{ Variable: '$.x', IsPresent: true, Next: 'Done' }], Next: 'Done' },
      { Variable: '$.x', IsPresent: true },
    ];
    expect(findings(choice(rules))).toEqual([
      { path: '/States/C/Choices/0/And', code: 'INVALID_CHOICE_RULE' },
      { path: '/States/C/Choices/1/Or/0/Next', code: 'INVALID_CHOICE_RULE' },
      { path: '/States/C/Choices/2', code: 'MISSING_FIELD' },
    ]);
  });

  it('reports operand types, bad timestamps, bad paths and an empty Choices', () => {
    const rules = [
      { Variable: '$.x', NumericEquals: '1', Next: 'Done' },
      { Variable: '$.x', TimestampEquals: '2026-02-30T00:00:00Z', Next: 'Done' },
      { Variable: 'x', StringEqualsPath: '$.[', Next: 'Done' },
      { Variable: '$.x', IsNull: true, Frobnicate: 1, Next: 'Done' },
    ];
    expect(findings(choice(rules))).toEqual([
      { path: '/States/C/Choices/0/NumericEquals', code: 'INVALID_TYPE' },
      { path: '/States/C/Choices/1/TimestampEquals', code: 'INVALID_VALUE' },
      { path: '/States/C/Choices/2/Variable', code: 'INVALID_JSONPATH' },
      { path: '/States/C/Choices/2/StringEqualsPath', code: 'INVALID_JSONPATH' },
      { path: '/States/C/Choices/3/Frobnicate', code: 'UNKNOWN_FIELD' },
    ]);
    expect(findings(choice([]))).toEqual([{ path: '/States/C/Choices', code: 'INVALID_VALUE' }]);
  });
});

describe('Choice rules (JSONata)', () => {
  const jsonata = (rules: unknown[]) => ({ ...choice(rules), QueryLanguage: 'JSONata' });

  it('accepts Condition with Next, Assign and Output', () => {
    const rules = [
      {
        Condition: '{% $states.input.total > 100 %}',
        Assign: { big: true },
        Output: { a: '{% 1 + 1 %}' },
        Next: 'Done',
      },
    ];
    expect(findings(jsonata(rules))).toEqual([]);
  });

  it('requires Condition, parses it, and rejects JSONPath rule fields', () => {
    const rules = [
      { Next: 'Done' },
      { Condition: '{% $states.input. %}', Next: 'Done' },
      { Condition: true, Variable: '$.x', Next: 'Done' },
    ];
    expect(findings(jsonata(rules))).toEqual([
      { path: '/States/C/Choices/0', code: 'MISSING_FIELD' },
      { path: '/States/C/Choices/1/Condition', code: 'INVALID_JSONATA' },
      { path: '/States/C/Choices/2/Variable', code: 'QUERY_LANGUAGE_MISMATCH' },
    ]);
  });
});
