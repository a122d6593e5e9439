/** JSON type names as messages use them. */
export type JsonTypeName =
  'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' | 'unsupported';

export type JsonRecord = Record<string, unknown>;

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value; whole numbers are `integer`. */
export function jsonTypeOf(value: unknown): JsonTypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return typeof value as 'boolean' | 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'unsupported';
    case 'object':
      return 'object';
    default:
      return 'unsupported';
  }
}

/** Own enumerable keys only, so `__proto__` or `constructor` names are plain keys. */
export function hasOwn(record: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Values quoted in messages are cut to this many characters. */
const MAX_QUOTED_LENGTH = 100;

/** `"a"`, quoted (and shortened) for messages. */
export function quote(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text);
}
