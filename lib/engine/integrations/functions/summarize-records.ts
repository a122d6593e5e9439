/**
 * `function:summarize-records`: `{ "records": [{…}], "field": "amount" }` → how many records,
 * and the total / min / max of the numeric field when one is named.
 */
import type { JsonObject, JsonValue } from '../../../asl';

export function summarizeRecords(input: JsonValue): JsonValue {
  const object = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const records = Array.isArray(object.records) ? object.records : Array.isArray(input) ? input : [];
  const summary: JsonObject = { count: records.length };
  const field = typeof object.field === 'string' ? object.field : undefined;
  if (field) {
    const values = records
      .map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? r[field] : undefined))
      .filter((v): v is number => typeof v === 'number');
    summary.total = values.reduce((a, b) => a + b, 0);
    summary.min = values.length > 0 ? Math.min(...values) : null;
    summary.max = values.length > 0 ? Math.max(...values) : null;
  }
  return summary;
}
