import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateDefinition } from '../validate';
import { errorMessages, findings, single, singleJsonata } from './test-support';

describe('JSONPath fields', () => {
  it('parses InputPath, OutputPath, ItemsPath, SecondsPath and TimeoutSecondsPath', () => {
    expect(
      findings(single({ Type: 'Pass', InputPath: '$.a[?(@.x > 1)]', OutputPath: null, End: true })),
    ).toEqual([]);
    const definition = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', SecondsPath: '$.[', InputPath: 'a', Next: 'T' },
        T: {
          Type: 'Task',
          Resource: 'function:f',
          TimeoutSecondsPath: '$.t]',
          HeartbeatSecondsPath: '$.h',
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemsPath: '$.items[',
          ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Succeed' } } },
          End: true,
        },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/W/SecondsPath', code: 'INVALID_JSONPATH' },
      { path: '/States/W/InputPath', code: 'INVALID_JSONPATH' },
      { path: '/States/T/TimeoutSecondsPath', code: 'INVALID_JSONPATH' },
      { path: '/States/M/ItemsPath', code: 'INVALID_JSONPATH' },
    ]);
    expect(errorMessages(definition)[1]).toBe(
      '"a" is not a valid JSONPath: a path must start with "$" at position 0.',
    );
  });

  it("accepts the Jayway forms of AWS's samples: `.[` for `[`, and a trailing space", () => {
    const definition = {
      StartAt: 'Parse',
      States: {
        Parse: {
          Type: 'Pass',
          InputPath: '$.[0]',
          Parameters: {
            'data.$': 'States.StringToJson($.[0].body)',
            'name.$': '$$.Execution.Name ',
            'keys.$': "$.[*].['bucket', 'key']",
          },
          ResultPath: '$.parsed.[0]',
          Next: 'Check',
        },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.Snapshots.[0].State', StringEquals: 'completed', Next: 'List' }],
          Default: 'List',
        },
        List: {
          Type: 'Task',
          Resource: 'function:list',
          ResultSelector: { 'newOU.$': '$.[?(@.OU > 0)]', 'first.$': 'States.ArrayGetItem($.[*], 0)' },
          OutputPath: '$ ',
          End: true,
        },
      },
    };
    expect(validateDefinition(definition).errors.map(formatDiagnostic)).toEqual([]);
  });

  it('still rejects a `.[` path where a reference path must select one node', () => {
    expect(findings(single({ Type: 'Pass', ResultPath: '$.a.[*]', End: true }))).toEqual([
      { path: '/States/S/ResultPath', code: 'INVALID_REFERENCE_PATH' },
    ]);
  });

  it('requires ResultPath to be a reference path', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', ResultPath: '$.a.b[0]', Next: 'B' },
        B: { Type: 'Pass', ResultPath: '$.a[*]', Next: 'C' },
        C: { Type: 'Pass', ResultPath: '$$.Execution', Next: 'D' },
        D: { Type: 'Pass', ResultPath: '$.a[?(@.x)]', End: true },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/B/ResultPath', code: 'INVALID_REFERENCE_PATH' },
      { path: '/States/C/ResultPath', code: 'INVALID_REFERENCE_PATH' },
      { path: '/States/D/ResultPath', code: 'INVALID_REFERENCE_PATH' },
    ]);
  });
});

describe('payload templates', () => {
  it('checks every ".$" value, nested too, in Parameters, ResultSelector, ItemSelector and Assign', () => {
    const definition = single({
      Type: 'Task',
      Resource: 'function:f',
      End: true,
      Parameters: {
        'ok.$': '$.a',
        'ctx.$': '$$.Task.Token',
        nested: { 'bad.$': 'a.b', list: [{ 'n.$': 5 }] },
        lit: '$.not-a-path-[',
      },
      ResultSelector: { 'x.$': '$.a..' },
      Assign: { 'v.$': "States.Format('{}', $.a)", 'w.$': '$.b[' },
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/Parameters/nested/bad.$', code: 'INVALID_JSONPATH' },
      { path: '/States/S/Parameters/nested/list/0/n.$', code: 'INVALID_TYPE' },
      { path: '/States/S/ResultSelector/x.$', code: 'INVALID_JSONPATH' },
      { path: '/States/S/Assign/w.$', code: 'INVALID_JSONPATH' },
    ]);
  });

  it('reports intrinsic functions with a wrong name or arity, and bad paths among their arguments', () => {
    const definition = single({
      Type: 'Pass',
      End: true,
      Parameters: {
        'a.$': "States.Fromat('{}', $.x)",
        'b.$': 'States.ArrayLength($.x, $.y)',
        'c.$': 'States.UUID()',
        'd.$': 'States.Array($.x, States.MathAdd(1, 2))',
        'e.$': 'States.JsonToString($.[)',
        'f.$': "States.Format('{}'",
      },
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/Parameters/a.$', code: 'INVALID_INTRINSIC' },
      { path: '/States/S/Parameters/b.$', code: 'INVALID_INTRINSIC' },
      { path: '/States/S/Parameters/e.$', code: 'INVALID_INTRINSIC' },
      { path: '/States/S/Parameters/f.$', code: 'INVALID_INTRINSIC' },
    ]);
    expect(errorMessages(definition)[0]).toMatch(
      /^"States\.Fromat\('\{\}', \$\.x\)" is not a valid intrinsic function call: .*States\.Fromat/,
    );
  });

  it('checks ErrorPath and CausePath as a path or an intrinsic', () => {
    const definition = single({
      Type: 'Fail',
      ErrorPath: "States.Format('E{}', $.code)",
      CausePath: 'cause',
    });
    expect(findings(definition)).toEqual([{ path: '/States/S/CausePath', code: 'INVALID_JSONPATH' }]);
  });

  it('leaves Pass Result alone: it is literal data', () => {
    expect(findings(single({ Type: 'Pass', Result: { 'x.$': 42, y: '{% nonsense' }, End: true }))).toEqual(
      [],
    );
  });
});

describe('JSONata expressions', () => {
  it('parses every "{% … %}" string in Arguments, Output, Assign, Items and computed numbers', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'function:f',
          Next: 'M',
          Arguments: { a: '{% $states.input.a %}', b: ['{% $x + %}'] },
          Output: '{% $states.result %}',
          Assign: { v: '{% ) %}' },
          TimeoutSeconds: '{% $states.input.t %}',
          HeartbeatSeconds: '{% %}',
        },
        M: {
          Type: 'Map',
          Items: '{% $states.input.items[ %}',
          ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Succeed' } } },
          End: true,
        },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/T/Arguments/b/0', code: 'INVALID_JSONATA' },
      { path: '/States/T/Assign/v', code: 'INVALID_JSONATA' },
      { path: '/States/T/HeartbeatSeconds', code: 'INVALID_JSONATA' },
      { path: '/States/M/Items', code: 'INVALID_JSONATA' },
    ]);
    expect(errorMessages(definition)).toEqual([
      '"{% $x + %}" is not a valid JSONata expression: Unexpected end of expression.',
      '"{% ) %}" is not a valid JSONata expression: The symbol ")" cannot be used as a unary operator.',
      'the JSONata expression is empty.',
      '"{% $states.input.items[ %}" is not a valid JSONata expression: Expected "]" before end of expression.',
    ]);
  });

  it('still reports a string that is not an expression where a number belongs', () => {
    expect(findings(singleJsonata({ Type: 'Wait', Seconds: 'ten', End: true }))).toEqual([
      { path: '/States/S/Seconds', code: 'INVALID_TYPE' },
    ]);
    expect(errorMessages(singleJsonata({ Type: 'Wait', Seconds: 'ten', End: true }))).toEqual([
      '"Seconds" must be an integer or a "{% … %}" expression, not string.',
    ]);
  });
});
