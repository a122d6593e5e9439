import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateDefinition } from '../validate';
import { errorMessages, findings, single, singleJsonata } from './test-support';

describe('query languages', () => {
  it('rejects JSONPath fields and ".$" keys in a JSONata state', () => {
    const definition = singleJsonata({
      Type: 'Task',
      Resource: 'function:f',
      End: true,
      InputPath: '$.a',
      Parameters: { x: 1 },
      ResultSelector: {},
      ResultPath: '$.r',
      OutputPath: '$',
      Arguments: { 'id.$': '$.id' },
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/InputPath', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/S/Parameters', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/S/ResultSelector', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/S/ResultPath', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/S/OutputPath', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/S/Arguments/id.$', code: 'QUERY_LANGUAGE_MISMATCH' },
    ]);
    expect(errorMessages(definition)[1]).toBe(
      '"Parameters" is a JSONPath field; in a JSONata state use "Arguments".',
    );
    expect(errorMessages(definition)[5]).toBe(
      'keys ending in ".$" are JSONPath syntax; in a JSONata state write "id" with a "{% … %}" value.',
    );
  });

  it('rejects Arguments, Output and Condition in a JSONPath state', () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'T' }], Default: 'T' },
        T: { Type: 'Task', Resource: 'function:f', Arguments: {}, Output: {}, End: true },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/C/Choices/0/Condition', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/C/Choices/0', code: 'INVALID_CHOICE_RULE' },
      { path: '/States/T/Arguments', code: 'QUERY_LANGUAGE_MISMATCH' },
      { path: '/States/T/Output', code: 'QUERY_LANGUAGE_MISMATCH' },
    ]);
  });

  it('lets a JSONPath machine opt single states into JSONata', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: '{% $states.input %}',
          Assign: { n: '{% 1 %}' },
          Next: 'B',
        },
        B: { Type: 'Pass', Parameters: { 'n.$': '$n' }, End: true },
      },
    };
    expect(findings(definition)).toEqual([]);
  });

  it('rejects a JSONPath state inside a JSONata machine', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/A/QueryLanguage', code: 'QUERY_LANGUAGE_MISMATCH' },
    ]);
  });

  describe('a QueryLanguage written among the states', () => {
    // after step-functions-workflows-collection's shared-fallback-state-jsonata
    const task = (next: string) => ({
      Type: 'Task',
      Resource: 'function:f',
      Arguments: { Payload: '{% $states.input %}' },
      Output: '{% $states.result.Payload %}',
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          Next: 'Fallback',
          Output: { failed: '{% $states.context.State.Name %}' },
        },
      ],
      Next: next,
    });
    const misplaced = {
      StartAt: 'First',
      States: {
        QueryLanguage: 'JSONata',
        First: task('Second'),
        Second: task('Done'),
        Done: { Type: 'Succeed' },
        Fallback: { Type: 'Fail', Error: 'Failed' },
      },
    };

    it('is one problem at its pointer, with where it belongs, and not the follow-on mismatches', () => {
      const result = validateDefinition(misplaced);
      expect(result.errors.map(formatDiagnostic)).toEqual([
        '/States/QueryLanguage: "QueryLanguage" belongs at the top level of the definition (or in a state), not among the states.',
      ]);
      expect(result.warnings).toEqual([]);
    });

    it('is reported inside a branch too, and not taken as a state anywhere', () => {
      const branch = { StartAt: 'X', States: { QueryLanguage: 'JSONPath', X: { Type: 'Succeed' } } };
      const definition = {
        StartAt: 'QueryLanguage',
        States: { P: { Type: 'Parallel', Branches: [branch], End: true } },
      };
      expect(findings(definition)).toEqual([
        { path: '/States/P/Branches/0/States/QueryLanguage', code: 'SCHEMA_VALIDATION_FAILED' },
        { path: '/StartAt', code: 'UNKNOWN_STATE' },
      ]);
      expect(errorMessages(definition)[0]).toMatch(/^"QueryLanguage" belongs at the top level/);
      expect(validateDefinition(definition).warnings).toEqual([]); // not an unreachable state either
    });

    it('gives way to a top-level QueryLanguage, whose rules still apply', () => {
      expect(findings({ ...misplaced, QueryLanguage: 'JSONPath' })).toContainEqual({
        path: '/States/First/Arguments',
        code: 'QUERY_LANGUAGE_MISMATCH',
      });
    });

    it('leaves a state that happens to be named QueryLanguage alone', () => {
      const definition = { StartAt: 'QueryLanguage', States: { QueryLanguage: { Type: 'Succeed' } } };
      expect(validateDefinition(definition)).toMatchObject({ ok: true, warnings: [] });
    });
  });

  it('rejects an unknown QueryLanguage', () => {
    expect(findings(single({ Type: 'Pass', End: true }, { QueryLanguage: 'jsonata' }))).toEqual([
      { path: '/QueryLanguage', code: 'INVALID_VALUE' },
    ]);
  });

  it('warns about a "{% … %}" string in a JSONPath template, which stays literal', () => {
    expect(
      findings(single({ Type: 'Pass', Parameters: { a: '{% $states.input %}' }, End: true }), 'WARNING'),
    ).toEqual([{ path: '/States/S/Parameters/a', code: 'QUERY_LANGUAGE_MISMATCH' }]);
  });

  it('allows Assign in both languages', () => {
    expect(findings(single({ Type: 'Pass', Assign: { 'a.$': '$.x', b: 1 }, End: true }))).toEqual([]);
    expect(
      findings(singleJsonata({ Type: 'Pass', Assign: { a: '{% $states.input.x %}', b: 1 }, End: true })),
    ).toEqual([]);
  });
});
