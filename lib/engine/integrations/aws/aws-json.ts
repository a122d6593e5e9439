/**
 * Between a state's JSON and the AWS SDK: Parameters are PascalCase, as in Step Functions, and
 * become the API's own case (camelCase for ECS and Step Functions); an SDK result becomes JSON
 * with PascalCase keys, dates as epoch milliseconds and binary as base64, without `$metadata`.
 */
import type { JsonObject, JsonValue } from '../../../asl';

const lowerFirst = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);
const upperFirst = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** Parameters → the SDK command's input (keys renamed only for a camelCase API). */
export function toSdkInput(value: JsonValue, camelCase: boolean): JsonValue {
  if (!camelCase || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toSdkInput(item, camelCase));
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) out[lowerFirst(key)] = toSdkInput(item, camelCase);
  return out;
}

/** An SDK result → JSON as Step Functions shows it. */
export function fromSdkOutput(value: unknown, camelCase: boolean): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => fromSdkOutput(item, camelCase));
  if (value instanceof Set) return [...value].map((item) => fromSdkOutput(item, camelCase));
  if (typeof value !== 'object') return null;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '$metadata' || item === undefined) continue;
    out[camelCase ? upperFirst(key) : key] = fromSdkOutput(item, camelCase);
  }
  return out;
}

/** A JSON value an API takes as text (SQS MessageBody, SNS Message, EventBridge Detail). */
export const asText = (value: JsonValue | undefined): JsonValue | undefined =>
  value === undefined || typeof value === 'string' ? value : JSON.stringify(value);

export const asObject = (value: JsonValue | undefined): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
