/** `function:add-numbers`: `{ "a": 1, "b": 2 }` or `{ "Numbers": [1, 2, 3] }` → `{ "sum": 6 }`. */
import type { JsonValue } from '../../../asl';

export function addNumbers(input: JsonValue): JsonValue {
  const object = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const values = Array.isArray(object.Numbers) ? object.Numbers : [object.a, object.b];
  if (!values.every((v) => typeof v === 'number')) {
    throw Object.assign(new Error('add-numbers needs numbers: { "a", "b" } or { "Numbers": [...] }'), {
      name: 'InvalidInput',
    });
  }
  return { sum: (values as number[]).reduce((a, b) => a + b, 0) };
}
