/** ItemReader (its answer parsed into items) and ItemBatcher, through the in-memory driver. */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../driver';
import type { JsonValue } from '../json';
import type { Definition } from '../types';
import { parseCsv } from './map-reader';

/** A Distributed Map that reads its items, then answers each (batch) as it is. */
function readingMap(reader: object, extra: object = {}): Definition {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          Parameters: { Bucket: 'b', 'Key.$': '$.key' },
          ...reader,
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Echo',
          States: { Echo: { Type: 'Pass', End: true } },
        },
        End: true,
        ...extra,
      },
    },
  } as unknown as Definition;
}

async function run(definition: Definition, body: JsonValue, input: JsonValue = { key: 'k' }) {
  const calls: JsonValue[] = [];
  const result = await runInMemory(definition, input, {
    tasks: ({ input: params }) => {
      calls.push(params);
      return { output: { Body: body } };
    },
  });
  return { result, calls };
}

describe('parseCsv', () => {
  it('reads RFC 4180: quoted delimiters, doubled quotes, line breaks in quotes, CRLF, a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
    expect(parseCsv('a|b\n1|2', '|')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('"open')).toThrow(/quoted field/);
  });
});

describe('ItemReader', () => {
  it('CSV with its header in the first row: one object per row; the reader gets the resolved Parameters', async () => {
    const { result, calls } = await run(
      readingMap({ ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } }),
      'id,amount\n1,10\n2,20\n',
      { key: 'orders.csv' },
    );
    expect(calls).toEqual([{ Bucket: 'b', Key: 'orders.csv' }]);
    expect(result.output).toEqual([
      { id: '1', amount: '10' },
      { id: '2', amount: '20' },
    ]);
  });

  it('CSV with given headers, JSON Lines, a JSON array, and MaxItems', async () => {
    const given = await run(
      readingMap({
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'] },
      }),
      '1,ada\n2,grace',
    );
    expect(given.result.output).toEqual([
      { id: '1', name: 'ada' },
      { id: '2', name: 'grace' },
    ]);
    const lines = await run(
      readingMap({ ReaderConfig: { InputType: 'JSONL', MaxItems: 2 } }),
      '{"a":1}\n{"a":2}\n{"a":3}\n',
    );
    expect(lines.result.output).toEqual([{ a: 1 }, { a: 2 }]);
    const array = await run(readingMap({ ReaderConfig: { InputType: 'JSON' } }), '[1,2,3]');
    expect(array.result.output).toEqual([1, 2, 3]);
  });

  it('content that does not parse fails with States.ItemReaderFailed, which Catch routes', async () => {
    const notArray = await run(readingMap({ ReaderConfig: { InputType: 'JSON' } }), '{"not":"an array"}');
    expect(notArray.result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
    const definition = readingMap(
      { ReaderConfig: { InputType: 'JSONL' } },
      { Catch: [{ ErrorEquals: ['States.ItemReaderFailed'], ResultPath: '$.error', Next: 'Caught' }] },
    ) as unknown as { States: Record<string, unknown> };
    definition.States.Caught = { Type: 'Pass', End: true };
    const caught = await run(definition as unknown as Definition, '{"a":1}\nnot json\n');
    expect(caught.result.status).toBe('SUCCEEDED');
    expect(caught.result.output).toMatchObject({ error: { Error: 'States.ItemReaderFailed' } });
  });
});

describe('ItemBatcher', () => {
  const items = Array.from({ length: 10 }, (_, i) => ({ n: i }));

  it('groups item inputs into batches of MaxItemsPerBatch with BatchInput', async () => {
    const { result } = await run(
      readingMap(
        { ReaderConfig: { InputType: 'JSON' } },
        { ItemBatcher: { MaxItemsPerBatch: 4, BatchInput: { 'run.$': '$.key' } } },
      ),
      JSON.stringify(items),
    );
    expect(result.output).toEqual([
      { BatchInput: { run: 'k' }, Items: items.slice(0, 4) },
      { BatchInput: { run: 'k' }, Items: items.slice(4, 8) },
      { BatchInput: { run: 'k' }, Items: items.slice(8) },
    ]);
  });

  it('keeps each batch within MaxInputBytesPerBatch', async () => {
    const { result } = await run(
      readingMap({ ReaderConfig: { InputType: 'JSON' } }, { ItemBatcher: { MaxInputBytesPerBatch: 40 } }),
      JSON.stringify(items),
    );
    const batches = result.output as { Items: unknown[] }[];
    expect(batches.flatMap((b) => b.Items)).toEqual(items);
    for (const batch of batches)
      expect(new TextEncoder().encode(JSON.stringify(batch)).length).toBeLessThanOrEqual(40);
    expect(batches.length).toBeGreaterThan(2);
  });
});
