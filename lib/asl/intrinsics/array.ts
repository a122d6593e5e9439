/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
import type { JsonValue } from '../json';
import { expectArray, expectNumber, expectRoundedInteger, intrinsicFailure } from './args';
import { jsonEqual } from './json-equal';
import type { IntrinsicImpl } from './types';

/** AWS: arrays built by intrinsics hold at most 1000 items. */
const MAX_ARRAY_RANGE_ITEMS = 1000;

function partition(args: JsonValue[]): JsonValue {
  const array = expectArray('States.ArrayPartition', args, 0);
  const size = expectRoundedInteger('States.ArrayPartition', args, 1);
  if (size <= 0) {
    throw intrinsicFailure(
      `Invalid arguments in States.ArrayPartition: chunk size must be greater than 0, but got ${size}`,
    );
  }
  const chunks: JsonValue[] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

function range(args: JsonValue[]): JsonValue {
  const [start, end, step] = [0, 1, 2].map((i) => expectRoundedInteger('States.ArrayRange', args, i));
  if (step === 0) throw intrinsicFailure('Invalid arguments in States.ArrayRange: step must not be 0');
  const count = Math.max(0, Math.floor((end - start) / step) + 1);
  if (count > MAX_ARRAY_RANGE_ITEMS) {
    throw intrinsicFailure(
      `Invalid arguments in States.ArrayRange: the result would have ${count} items, more than the maximum of ${MAX_ARRAY_RANGE_ITEMS}`,
    );
  }
  return Array.from({ length: count }, (_, i) => start + i * step);
}

function getItem(args: JsonValue[]): JsonValue {
  const array = expectArray('States.ArrayGetItem', args, 0);
  const index = expectNumber('States.ArrayGetItem', args, 1);
  if (!Number.isInteger(index) || index < 0 || index >= array.length) {
    throw intrinsicFailure(
      `Invalid arguments in States.ArrayGetItem: index ${index} is out of bounds for an array of length ${array.length}`,
    );
  }
  return array[index];
}

function unique(args: JsonValue[]): JsonValue {
  const result: JsonValue[] = [];
  for (const item of expectArray('States.ArrayUnique', args, 0)) {
    if (!result.some((seen) => jsonEqual(seen, item))) result.push(item);
  }
  return result;
}

export const arrayFunctions: Record<string, IntrinsicImpl> = {
  'States.Array': (args) => [...args],
  'States.ArrayPartition': partition,
  'States.ArrayContains': (args) =>
    expectArray('States.ArrayContains', args, 0).some((item) => jsonEqual(item, args[1])),
  'States.ArrayRange': range,
  'States.ArrayGetItem': getItem,
  'States.ArrayLength': (args) => expectArray('States.ArrayLength', args, 0).length,
  'States.ArrayUnique': unique,
};
