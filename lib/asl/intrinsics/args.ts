/** Argument checks shared by the intrinsic tables; every failure is States.IntrinsicFailure. */
import { StatesError, StatesErrorName } from '../errors';
import type { JsonObject, JsonValue } from '../json';

export function intrinsicFailure(cause: string): StatesError {
  return new StatesError(StatesErrorName.IntrinsicFailure, cause);
}

/** How a value is named in causes: its JSON type. */
function jsonTypeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function wrongType(fn: string, index: number, expected: string, value: JsonValue): StatesError {
  return intrinsicFailure(
    `Invalid arguments in ${fn}: argument ${index + 1} must be ${expected}, but got ${jsonTypeOf(value)}`,
  );
}

export function expectString(fn: string, args: JsonValue[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw wrongType(fn, index, 'a string', value);
  return value;
}

export function expectNumber(fn: string, args: JsonValue[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(fn, index, 'a number', value);
  return value;
}

/** A number rounded as Java's Math.round does (half up: 0.5 → 1, -0.5 → 0), as AWS does. */
export function expectRoundedInteger(fn: string, args: JsonValue[], index: number): number {
  return javaRound(expectNumber(fn, args, index));
}

export function expectArray(fn: string, args: JsonValue[], index: number): JsonValue[] {
  const value = args[index];
  if (!Array.isArray(value)) throw wrongType(fn, index, 'an array', value);
  return value;
}

export function expectObject(fn: string, args: JsonValue[], index: number): JsonObject {
  const value = args[index];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw wrongType(fn, index, 'an object', value);
  }
  return value;
}

export function expectBoolean(fn: string, args: JsonValue[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw wrongType(fn, index, 'a boolean', value);
  return value;
}

/** Java's Math.round: floor(x + 0.5); never returns -0. */
function javaRound(value: number): number {
  return Math.floor(value + 0.5) + 0;
}
