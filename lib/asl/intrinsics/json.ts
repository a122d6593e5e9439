/** States.StringToJson, States.JsonToString and States.JsonMerge (shallow only, as AWS). */
import type { JsonValue } from '../json';
import { expectBoolean, expectObject, expectString, intrinsicFailure } from './args';
import type { IntrinsicImpl } from './types';

/** JSON.parse without -0 (AWS returns 0 for "-0"). */
function parseJson(text: string): JsonValue {
  return JSON.parse(text, (_key, value: unknown) => (Object.is(value, -0) ? 0 : value)) as JsonValue;
}

function stringToJson(args: JsonValue[]): JsonValue {
  const text = expectString('States.StringToJson', args, 0).trim();
  if (text === '') return null;
  try {
    return parseJson(text);
  } catch {
    throw intrinsicFailure(`Invalid arguments in States.StringToJson: the string is not valid JSON: ${text}`);
  }
}

function jsonMerge(args: JsonValue[]): JsonValue {
  const left = expectObject('States.JsonMerge', args, 0);
  const right = expectObject('States.JsonMerge', args, 1);
  if (expectBoolean('States.JsonMerge', args, 2)) {
    throw intrinsicFailure(
      'Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false',
    );
  }
  return { ...left, ...right };
}

export const jsonFunctions: Record<string, IntrinsicImpl> = {
  'States.StringToJson': stringToJson,
  'States.JsonToString': (args) => JSON.stringify(args[0]),
  'States.JsonMerge': jsonMerge,
};
