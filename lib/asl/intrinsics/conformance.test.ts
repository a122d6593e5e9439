/**
 * The recorded AWS results in /work/shared/conformance/cases/ls_intrinsic_functions_*.json,
 * replayed call by call: each row is the case's expression, its input, and AWS's output.
 * (The JSONata cases $partition/$range/$parse are replayed through their intrinsic twins.)
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { run } from './test-scope';

const FN_2 = (name: string) => `States.${name}($.FunctionInput.fst, $.FunctionInput.snd)`;
const FMT_1 = "States.Format('Formatting argument {}.', $.FunctionInput)";
const FMT_2 =
  "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)";
const RANGE = 'States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)';

const cases: [string, JsonValue, JsonValue][] = [
  [FN_2('Array'), { fst: 'HelloWorld', snd: 'HelloWorld' }, ['HelloWorld', 'HelloWorld']],
  [FN_2('ArrayContains'), { fst: [[1, 2, 3], 2], snd: null }, false],
  [FN_2('ArrayContains'), { fst: [[1, 2, 3], 2], snd: [1, 2, 3] }, true],
  [FN_2('ArrayContains'), { fst: [{ '1': 2, '2': [] }], snd: [] }, false],
  [FN_2('ArrayGetItem'), { fst: [1, 2, 3, 4, 5, 6, 7, 8, 9], snd: 5 }, 6],
  ['States.ArrayLength($.FunctionInput)', [1, 2, 3, 4, 5, 6, 7, 8, 9], 9],
  [FN_2('ArrayPartition'), { fst: [0, 1], snd: 1 }, [[0], [1]]],
  [FN_2('ArrayPartition'), { fst: [0, 1], snd: 2 }, [[0, 1]]],
  [FN_2('ArrayPartition'), { fst: [0, 1], snd: 5 }, [[0, 1]]],
  [FN_2('ArrayPartition'), { fst: [0, 1, 2, 3], snd: 1 }, [[0], [1], [2], [3]]],
  [
    FN_2('ArrayPartition'),
    { fst: [0, 1, 2, 3], snd: 2 },
    [
      [0, 1],
      [2, 3],
    ],
  ],
  [FN_2('ArrayPartition'), { fst: [], snd: 5 }, []],
  [FN_2('ArrayPartition'), { fst: [0, 1, 2], snd: 3 }, [[0, 1, 2]]],
  [FN_2('ArrayPartition'), { fst: [0], snd: 3 }, [[0]]],
  [RANGE, { fst: 0, snd: 9, trd: 3 }, [0, 3, 6, 9]],
  [RANGE, { fst: 0, snd: 10, trd: 3 }, [0, 3, 6, 9]],
  ['States.Base64Decode($.FunctionInput)', 'RGF0YSB0byBlbmNvZGU=', 'Data to encode'],
  [FMT_1, null, 'Formatting argument null.'],
  [FMT_1, 1.1, 'Formatting argument 1.1.'],
  [FMT_2, { fst: 1, snd: 1 }, 'Formatting arguments fst=1 and snd=1.'],
  [FMT_2, { fst: 1.1, snd: 1.1 }, 'Formatting arguments fst=1.1 and snd=1.1.'],
  [FN_2('Hash'), { fst: 'input data', snd: 'SHA-1' }, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
  [
    FN_2('Hash'),
    { fst: 'input data', snd: 'SHA-256' },
    'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
  ],
  ['States.JsonToString($.FunctionInput)', null, 'null'],
  ['States.JsonToString($.FunctionInput)', 1.1, '1.1'],
  ['States.JsonToString($.FunctionInput)', 'HelloWorld', '"HelloWorld"'],
  ['States.StringToJson($.FunctionInput)', '[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
  ['States.StringToJson($.FunctionInput)', '-0', 0],
  ['States.StringToJson($.FunctionInput)', '1', 1],
  ['States.StringToJson($.FunctionInput)', '{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
  [FN_2('MathAdd'), { fst: 0.5, snd: 0 }, 1],
  [FN_2('MathAdd'), { fst: 2.5, snd: 0 }, 3],
  [FN_2('MathAdd'), { fst: 3.5, snd: 0 }, 4],
  [FN_2('MathAdd'), { fst: -0.5, snd: 0.5 }, 1],
  [FN_2('MathAdd'), { fst: -0.5, snd: 0 }, 0],
  [FN_2('MathAdd'), { fst: -1.5, snd: -1.51 }, -3],
  [FN_2('MathAdd'), { fst: 1.49, snd: 0 }, 1],
  [FN_2('MathAdd'), { fst: 1.51, snd: 0 }, 2],
  [FN_2('MathAdd'), { fst: -1.49, snd: 0 }, -1],
  [FN_2('StringSplit'), { fst: ' , ', snd: ',' }, [' ', ' ']],
  [FN_2('StringSplit'), { fst: 'split on T and \nnew line', snd: 'T\n' }, ['split on ', ' and ', 'new line']],
];

describe('intrinsics reproduce the recorded AWS results', () => {
  it.each(cases)('%s on %j', (src, functionInput, expected) => {
    expect(run(src, { FunctionInput: functionInput })).toStrictEqual(expected);
  });
});
