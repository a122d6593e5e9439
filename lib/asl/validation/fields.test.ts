import { describe, expect, it } from 'vitest';
import { errorMessages, findings, single } from './test-support';

describe('required, unknown and mistyped fields', () => {
  it('reports a missing StartAt and States at the root', () => {
    expect(findings({})).toEqual([
      { path: '', code: 'MISSING_FIELD' },
      { path: '', code: 'MISSING_FIELD' },
    ]);
    expect(errorMessages({})).toEqual([
      'a state machine must have "StartAt".',
      'a state machine must have "States".',
    ]);
  });

  it('reports a definition that is not an object', () => {
    expect(findings([])).toEqual([{ path: '', code: 'SCHEMA_VALIDATION_FAILED' }]);
  });

  it('reports missing Type, Resource, Choices, Branches and ItemProcessor', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Next: 'B' },
        B: { Type: 'Task', Next: 'C' },
        C: { Type: 'Choice', Default: 'D' },
        D: { Type: 'Parallel', Next: 'E' },
        E: { Type: 'Map', End: true },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/A', code: 'MISSING_FIELD' },
      { path: '/States/B', code: 'MISSING_FIELD' },
      { path: '/States/C', code: 'MISSING_FIELD' },
      { path: '/States/D', code: 'MISSING_FIELD' },
      { path: '/States/E', code: 'MISSING_FIELD' },
    ]);
    expect(errorMessages(definition)).toEqual([
      'a state must have "Type".',
      'a Task state must have "Resource".',
      'a Choice state must have "Choices".',
      'a Parallel state must have "Branches".',
      'a Map state must have either "ItemProcessor" or "Iterator".',
    ]);
  });

  it('reports an unknown Type with a suggestion', () => {
    expect(findings(single({ Type: 'Tsak', End: true }))).toEqual([
      { path: '/States/S/Type', code: 'INVALID_VALUE' },
    ]);
    expect(errorMessages(single({ Type: 'Tsak', End: true }))).toEqual([
      '"Tsak" is not a state type — did you mean "Task"?',
    ]);
  });

  it('reports fields the state type does not have', () => {
    const definition = single({ Type: 'Pass', Resource: 'approval', Seconds: 3, End: true });
    expect(findings(definition)).toEqual([
      { path: '/States/S/Resource', code: 'UNKNOWN_FIELD' },
      { path: '/States/S/Seconds', code: 'UNKNOWN_FIELD' },
    ]);
    expect(errorMessages(definition)[0]).toBe('"Resource" is not a field of a Pass state.');
  });

  it('reports bad types: string vs number vs array vs object', () => {
    const definition = single({
      Type: 'Task',
      Resource: 42,
      TimeoutSeconds: '60',
      Retry: {},
      ResultSelector: [],
      Comment: 1,
      End: 'yes',
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/Resource', code: 'INVALID_TYPE' },
      { path: '/States/S/TimeoutSeconds', code: 'INVALID_TYPE' },
      { path: '/States/S/Retry', code: 'INVALID_TYPE' },
      { path: '/States/S/ResultSelector', code: 'INVALID_TYPE' },
      { path: '/States/S/Comment', code: 'INVALID_TYPE' },
      { path: '/States/S/End', code: 'INVALID_TYPE' },
    ]);
    expect(errorMessages(definition)[1]).toBe('"TimeoutSeconds" must be an integer, not string.');
  });

  it('accepts Parameters of any JSON type, as AWS does, and checks the ".$" keys inside', () => {
    // from serverless-patterns' eventbridge-pipes-sqs-to-lambda-with-stepfunction-enrichment
    // (an EventBridge Pipes enrichment must return a list)
    const pipeResult = [{ 'Item.$': '$.Item' }];
    expect(findings(single({ Type: 'Pass', Parameters: pipeResult, End: true }))).toEqual([]);
    for (const value of [[], 42, 'text', true, null]) {
      expect(findings(single({ Type: 'Pass', Parameters: value, End: true })), String(value)).toEqual([]);
    }
    const branch = { StartAt: 'X', States: { X: { Type: 'Succeed' } } };
    const definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'function:f', Parameters: [1, { 'a.$': 'a' }], Next: 'P' },
        P: { Type: 'Parallel', Branches: [branch], Parameters: ['$.x'], Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Succeed' } } },
          Parameters: 0,
          End: true,
        },
      },
    };
    expect(findings(definition)).toEqual([{ path: '/States/T/Parameters/1/a.$', code: 'INVALID_JSONPATH' }]);
  });

  it('keeps ResultSelector an object, which AWS still requires', () => {
    const definition = single({ Type: 'Task', Resource: 'function:f', ResultSelector: ['$.a'], End: true });
    expect(findings(definition)).toEqual([{ path: '/States/S/ResultSelector', code: 'INVALID_TYPE' }]);
    expect(errorMessages(definition)).toEqual(['"ResultSelector" must be an object, not array.']);
  });

  it('accepts Comment on every kind of object', () => {
    const definition = {
      Comment: 'top',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Comment: 'c',
          Choices: [{ Comment: 'r', Variable: '$.x', IsPresent: true, Next: 'T' }],
          Default: 'T',
        },
        T: {
          Type: 'Task',
          Comment: 't',
          Resource: 'function:go',
          End: true,
          Retry: [{ Comment: 'r', ErrorEquals: ['States.ALL'] }],
          Catch: [{ Comment: 'c', ErrorEquals: ['States.ALL'], Next: 'F' }],
        },
        F: { Type: 'Fail', Comment: 'f' },
      },
    };
    expect(findings(definition)).toEqual([]);
  });
});

describe('transitions', () => {
  it('requires exactly one of Next or End', () => {
    expect(findings(single({ Type: 'Pass' }))).toEqual([{ path: '/States/S', code: 'MISSING_FIELD' }]);
    expect(errorMessages(single({ Type: 'Pass' }))).toEqual([
      'a Pass state must have either "Next" or "End".',
    ]);
    expect(findings(single({ Type: 'Pass', Next: 'S', End: true }))).toEqual([
      { path: '/States/S/End', code: 'CONFLICTING_FIELDS' },
    ]);
  });

  it('treats End: false as no End', () => {
    expect(findings(single({ Type: 'Pass', End: false }))).toEqual([
      { path: '/States/S', code: 'MISSING_FIELD' },
    ]);
    expect(
      findings({
        StartAt: 'A',
        States: { A: { Type: 'Pass', Next: 'B', End: false }, B: { Type: 'Succeed' } },
      }),
    ).toEqual([]);
  });

  it('rejects End on a Choice and Next on terminal states', () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'Y' }],
          Default: 'N',
          End: true,
        },
        Y: { Type: 'Succeed', Next: 'N' },
        N: { Type: 'Fail', End: true },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/C/End', code: 'UNKNOWN_FIELD' },
      { path: '/States/Y/Next', code: 'UNKNOWN_FIELD' },
      { path: '/States/N/End', code: 'UNKNOWN_FIELD' },
    ]);
    expect(errorMessages(definition)[1]).toBe(
      'a Succeed state ends the execution, so it cannot have "Next".',
    );
  });
});

describe('state names', () => {
  it('requires 1 to 80 characters', () => {
    const long = 'x'.repeat(81);
    const definition = {
      StartAt: '',
      States: { '': { Type: 'Pass', Next: long }, [long]: { Type: 'Succeed' } },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/', code: 'INVALID_STATE_NAME' },
      { path: `/States/${long}`, code: 'INVALID_STATE_NAME' },
    ]);
  });

  it('escapes ~ and / in pointers', () => {
    const definition = { StartAt: 'a/b~c', States: { 'a/b~c': { Type: 'Pass', Next: 'nope' } } };
    expect(findings(definition)).toEqual([{ path: '/States/a~1b~0c/Next', code: 'UNKNOWN_STATE' }]);
  });

  it('rejects a name used twice across branches', () => {
    const branch = { StartAt: 'X', States: { X: { Type: 'Succeed' } } };
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch, branch], End: true } },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/P/Branches/1/States/X', code: 'DUPLICATE_STATE_NAME' },
    ]);
  });
});
