/**
 * A Map's ItemReader and ItemBatcher (Distributed Map), the pure half: the reader is a Task the
 * engine runs (`arn:aws:states:::s3:getObject` or `s3:listObjectsV2`, Parameters or JSONata
 * Arguments); what it answers becomes the items here — a JSON array, JSON Lines, or CSV with the
 * header in the first row or given in ReaderConfig.CSVHeaders, or the bucket's objects — up to
 * ReaderConfig.MaxItems. ItemBatcher then groups the prepared item inputs into batches
 * `{ "BatchInput": …, "Items": [ … ] }` of at most MaxItemsPerBatch items and
 * MaxInputBytesPerBatch bytes. A reader that fails, or content that does not parse, is
 * States.ItemReaderFailed.
 */
import { effectiveInput } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { evaluatePayloadTemplate } from '../paths/payload-template';
import { resolvePath } from '../paths/resolve';
import { jsonataScope, pathScope, type StateRun } from '../step-run';
import type { Effect } from '../types';

const encoder = new TextEncoder();
/** The UTF-8 size of a value's JSON text. */
const jsonBytes = (value: JsonValue) => encoder.encode(JSON.stringify(value)).length;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const readerFailed = (message: string) => new StatesError(StatesErrorName.ItemReaderFailed, message);

/** The Task that reads the items, when the Map has an ItemReader. */
export async function readerEffect(
  run: StateRun,
): Promise<Extract<Effect, { type: 'InvokeTask' }> | undefined> {
  const reader = run.state.ItemReader;
  if (!isObject(reader)) return undefined;
  const resource = String(reader.Resource ?? '');
  let input: JsonValue = {};
  if (run.language === 'JSONata' && reader.Arguments !== undefined)
    input = await evaluateJsonataTemplate(reader.Arguments, 'ItemReader.Arguments', jsonataScope(run));
  else if (reader.Parameters !== undefined)
    input = evaluatePayloadTemplate(reader.Parameters, pathScope(run, effectiveInput(run)));
  return { type: 'InvokeTask', resource, input };
}

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw readerFailed('The CSV content ends inside a quoted field.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function csvItems(body: string, config: JsonObject): JsonValue[] {
  const delimiter = DELIMITERS[String(config.CSVDelimiter ?? 'COMMA')] ?? ',';
  const rows = parseCsv(body, delimiter);
  let header: string[];
  if (config.CSVHeaderLocation === 'GIVEN') {
    if (!Array.isArray(config.CSVHeaders) || !config.CSVHeaders.every((h) => typeof h === 'string'))
      throw readerFailed(
        'ReaderConfig.CSVHeaders must list the column names when CSVHeaderLocation is GIVEN.',
      );
    header = config.CSVHeaders as string[];
  } else {
    header = rows.shift() ?? [];
  }
  return rows.map((cells, line) => {
    if (cells.length > header.length)
      throw readerFailed(
        `CSV row ${line + 1} has ${cells.length} fields; the header names ${header.length}.`,
      );
    const item: JsonObject = {};
    header.forEach((name, i) => (item[name] = cells[i] ?? ''));
    return item;
  });
}

function parsed(text: string, what: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw readerFailed(`${what} is not JSON: ${(error as Error).message}`);
  }
}

async function maxItems(run: StateRun, config: JsonObject): Promise<number | undefined> {
  let value: JsonValue | undefined = config.MaxItems;
  if (run.language === 'JSONata' && typeof value === 'string')
    value = await evaluateJsonataTemplate(value, 'ReaderConfig.MaxItems', jsonataScope(run));
  if (value === undefined && typeof config.MaxItemsPath === 'string')
    value = resolvePath(config.MaxItemsPath, pathScope(run, effectiveInput(run)));
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw readerFailed(`ReaderConfig.MaxItems must be a whole number, not ${JSON.stringify(value)}.`);
  return value === 0 ? undefined : value;
}

/** The items the reader's answer holds, as ReaderConfig describes them. */
export async function itemsFromReader(run: StateRun, answer: JsonValue): Promise<JsonValue[]> {
  const reader = run.state.ItemReader as JsonObject;
  const config = isObject(reader.ReaderConfig) ? reader.ReaderConfig : {};
  const resource = String(reader.Resource ?? '');
  let items: JsonValue[];
  if (/listObjects(V2)?$/.test(resource)) {
    const contents = isObject(answer) ? answer.Contents : undefined;
    items = Array.isArray(contents) ? contents : [];
  } else {
    const body = isObject(answer) ? answer.Body : answer;
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
    const type = String(config.InputType ?? 'JSON');
    if (type === 'CSV') items = csvItems(text, config);
    else if (type === 'JSONL')
      items = text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line, i) => parsed(line, `Line ${i + 1}`));
    else if (type === 'JSON') {
      const value = typeof body === 'string' ? parsed(text, 'The object') : (body ?? null);
      if (!Array.isArray(value)) throw readerFailed('The JSON object read is not an array.');
      items = value;
    } else throw readerFailed(`ReaderConfig.InputType ${type} is not supported: use JSON, JSONL or CSV.`);
  }
  const max = await maxItems(run, config);
  return max === undefined ? items : items.slice(0, max);
}

async function batcherNumber(run: StateRun, batcher: JsonObject, field: string): Promise<number | undefined> {
  let value: JsonValue | undefined = batcher[field];
  if (run.language === 'JSONata' && typeof value === 'string')
    value = await evaluateJsonataTemplate(value, `ItemBatcher.${field}`, jsonataScope(run));
  const path = batcher[`${field}Path`];
  if (value === undefined && typeof path === 'string')
    value = resolvePath(path, pathScope(run, effectiveInput(run)));
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new StatesError(StatesErrorName.Runtime, `ItemBatcher.${field} must be a whole number from 1.`);
  return value;
}

/** Groups the item inputs into batches when the Map has an ItemBatcher (else returns them as they are). */
export async function batchInputs(run: StateRun, inputs: JsonValue[]): Promise<JsonValue[]> {
  const batcher = run.state.ItemBatcher;
  if (!isObject(batcher)) return inputs;
  const maxItems = await batcherNumber(run, batcher, 'MaxItemsPerBatch');
  const maxBytes = await batcherNumber(run, batcher, 'MaxInputBytesPerBatch');
  let batchInput: JsonValue | undefined = batcher.BatchInput;
  if (batchInput !== undefined)
    batchInput =
      run.language === 'JSONata'
        ? await evaluateJsonataTemplate(batchInput, 'ItemBatcher.BatchInput', jsonataScope(run))
        : evaluatePayloadTemplate(batchInput, pathScope(run, effectiveInput(run)));
  const base: JsonObject = batchInput === undefined ? {} : { BatchInput: batchInput };
  const overhead = jsonBytes({ ...base, Items: [] });
  const batches: JsonValue[] = [];
  let items: JsonValue[] = [];
  let bytes = overhead;
  for (const input of inputs) {
    // sizes are counted only when a byte limit asks for them (100,000 JSON texts cost time)
    const own = maxBytes === undefined ? 0 : jsonBytes(input);
    const full =
      items.length > 0 &&
      ((maxItems !== undefined && items.length >= maxItems) ||
        (maxBytes !== undefined && bytes + 1 + own > maxBytes));
    if (full) {
      batches.push({ ...base, Items: items });
      items = [];
      bytes = overhead;
    }
    bytes += own + (items.length > 0 ? 1 : 0); // the comma between items
    items.push(input);
  }
  if (items.length > 0) batches.push({ ...base, Items: items });
  return batches;
}

/**
 * The Task that writes a Map's results (ResultWriter: `arn:aws:states:::s3:putObject` with
 * Bucket and Prefix), handed every item's outcome in item order and the map run's ARN.
 */
export async function writerEffect(
  run: StateRun,
  outcomes: { status: 'SUCCEEDED' | 'FAILED'; output?: JsonValue; error?: string | null; cause?: string }[],
  mapRunArn: string | undefined,
): Promise<Extract<Effect, { type: 'InvokeTask' }> | undefined> {
  const writer = run.state.ResultWriter;
  if (!isObject(writer)) return undefined;
  let params: JsonValue = {};
  if (run.language === 'JSONata' && writer.Arguments !== undefined)
    params = await evaluateJsonataTemplate(writer.Arguments, 'ResultWriter.Arguments', jsonataScope(run));
  else if (writer.Parameters !== undefined)
    params = evaluatePayloadTemplate(writer.Parameters, pathScope(run, effectiveInput(run)));
  const results = outcomes.map((o, index): JsonObject =>
    o.status === 'SUCCEEDED'
      ? { Index: index, Status: 'SUCCEEDED', Output: o.output ?? null }
      : { Index: index, Status: 'FAILED', Error: o.error ?? null, Cause: o.cause ?? null },
  );
  return {
    type: 'InvokeTask',
    resource: String(writer.Resource ?? ''),
    input: { ...(isObject(params) ? params : {}), MapRunArn: mapRunArn ?? null, Results: results },
  };
}
