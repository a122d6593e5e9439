/** Small helpers over immutable JSON values (the interpreter never mutates its inputs). */
import type { JsonObject, JsonValue } from './json';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON equality, key order ignored. */
export function jsonEquals(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]));
  }
  const ka = Object.keys(a as JsonObject);
  const kb = Object.keys(b as JsonObject);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEquals((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** Turns any JS value (a JSONata result, say) into plain JSON; `undefined` when nothing is left. */
export function toJson(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const json = toJson(item);
      if (json !== undefined) out.push(json);
    }
    return out;
  }
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const json = toJson(v);
      if (json !== undefined) out[k] = json;
    }
    return out;
  }
  return undefined;
}

/** The JSON type name AWS uses in messages (`array`, `object`, `null`, ...). */
export function jsonTypeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Serialized form used in history events and causes. */
export function stringify(value: JsonValue | undefined): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** UTF-8 byte length of a serialized payload, without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

const serialized = new WeakMap<object, string>();

/**
 * `JSON.stringify`, remembered per object: values are immutable, and a state's output is the
 * next state's input, so each payload is serialized once for its two history events.
 */
export function serializeJson(value: JsonValue): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialized.set(value, text);
  }
  return text;
}

/** Whether `value` nests arrays and objects deeper than `limit` levels (iterative: any depth). */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
