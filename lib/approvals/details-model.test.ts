import { describe, expect, it } from 'vitest';
import {
  detailsModel,
  formatDetailDate,
  formatDetailNumber,
  labelOf,
  LONG_TEXT_CHARS,
} from './details-model';

describe('labelOf', () => {
  it('turns keys into labels for people', () => {
    expect(labelOf('customerEmail')).toBe('Customer email');
    expect(labelOf('order_id')).toBe('Order ID');
    expect(labelOf('orderId')).toBe('Order ID');
    expect(labelOf('totalEUR')).toBe('Total EUR');
    expect(labelOf('HTTPStatus')).toBe('HTTP status');
    expect(labelOf('cost-centre')).toBe('Cost centre');
    expect(labelOf('amount')).toBe('Amount');
    expect(labelOf('')).toBe('—');
  });
});

describe('detailsModel', () => {
  it('gives an object its fields, nested objects as labelled sections', () => {
    const model = detailsModel({ customerEmail: 'a@example.com', shipping: { city: 'Lyon', express: true } });
    expect(model).toEqual({
      kind: 'section',
      more: 0,
      fields: [
        {
          key: 'customerEmail',
          label: 'Customer email',
          value: { kind: 'text', text: 'a@example.com', long: false },
        },
        {
          key: 'shipping',
          label: 'Shipping',
          value: {
            kind: 'section',
            more: 0,
            fields: [
              { key: 'city', label: 'City', value: { kind: 'text', text: 'Lyon', long: false } },
              { key: 'express', label: 'Express', value: { kind: 'boolean', value: true } },
            ],
          },
        },
      ],
    });
  });

  it('draws arrays of objects as tables whose columns are the union of the keys', () => {
    const [items] = detailsModel({
      items: [
        { name: 'ThinkPad', qty: 2 },
        { name: 'Dock', price: 180 },
      ],
    }).fields;
    expect(items.value).toEqual({
      kind: 'table',
      columns: [
        { key: 'name', label: 'Name' },
        { key: 'qty', label: 'Qty' },
        { key: 'price', label: 'Price' },
      ],
      rows: [
        [
          { kind: 'text', text: 'ThinkPad', long: false },
          { kind: 'number', value: 2, plain: false },
          { kind: 'empty' },
        ],
        [
          { kind: 'text', text: 'Dock', long: false },
          { kind: 'empty' },
          { kind: 'number', value: 180, plain: false },
        ],
      ],
      more: 0,
      moreColumns: 0,
    });
  });

  it('draws arrays of scalars as lists, and empty values as empty', () => {
    const model = detailsModel({ tags: ['urgent', 3], none: [], blank: '', missing: null, nothing: {} });
    expect(model.fields.map((f) => f.value)).toEqual([
      {
        kind: 'list',
        items: [
          { kind: 'text', text: 'urgent', long: false },
          { kind: 'number', value: 3, plain: false },
        ],
        more: 0,
      },
      { kind: 'empty' },
      { kind: 'empty' },
      { kind: 'empty' },
      { kind: 'empty' },
    ]);
  });

  it('marks long text for folding, recognizes ISO dates, and keeps identifiers ungrouped', () => {
    const model = detailsModel({
      note: 'x'.repeat(LONG_TEXT_CHARS + 1),
      short: 'x'.repeat(LONG_TEXT_CHARS),
      due: '2026-12-24',
      at: '2026-12-03T14:05:00Z',
      notADate: '2026-13-45',
      localTime: '2026-12-03T14:05:00',
      orderNumber: 1234567,
      amountPaid: 1234567,
    });
    expect(model.fields.map((f) => f.value)).toEqual([
      { kind: 'text', text: 'x'.repeat(LONG_TEXT_CHARS + 1), long: true },
      { kind: 'text', text: 'x'.repeat(LONG_TEXT_CHARS), long: false },
      { kind: 'date', iso: '2026-12-24', dateOnly: true },
      { kind: 'date', iso: '2026-12-03T14:05:00Z', dateOnly: false },
      { kind: 'text', text: '2026-13-45', long: false },
      { kind: 'text', text: '2026-12-03T14:05:00', long: false },
      { kind: 'number', value: 1234567, plain: true },
      { kind: 'number', value: 1234567, plain: false },
    ]);
  });

  it('wraps a scalar or an array in one "Details" field, and gives nothing for empty details', () => {
    expect(detailsModel('just text').fields).toEqual([
      { key: 'details', label: 'Details', value: { kind: 'text', text: 'just text', long: false } },
    ]);
    expect(detailsModel([{ a: 1 }]).fields[0].value.kind).toBe('table');
    expect(detailsModel(null).fields).toEqual([]);
    expect(detailsModel({}).fields).toEqual([]);
    expect(detailsModel([]).fields).toEqual([]);
  });

  it('bounds what it draws: rows, columns and depth are counted beyond the limits', () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      Object.fromEntries(Array.from({ length: 15 }, (_, c) => [`c${c}`, i])),
    );
    const table = detailsModel({ rows }).fields[0].value;
    expect(table).toMatchObject({ kind: 'table', more: 50, moreColumns: 3 });
    if (table.kind !== 'table') throw new Error('a table');
    expect(table.rows).toHaveLength(100);
    expect(table.columns).toHaveLength(12);

    const deep = detailsModel({ a: { b: { c: { d: { e: { f: 1, g: 2 } } } } } });
    let node = deep.fields[0].value;
    const kinds: string[] = [];
    while (node.kind === 'section') {
      kinds.push(node.kind);
      node = node.fields[0].value;
    }
    expect(kinds).toHaveLength(4);
    expect(node).toEqual({ kind: 'elided', count: 2, noun: 'field' });
  });
});

describe('formatting', () => {
  const gb = { locale: 'en-GB', timeZone: 'UTC' };

  it('formats numbers in the locale, identifiers without grouping', () => {
    expect(formatDetailNumber(1234567.5, false, gb)).toBe('1,234,567.5');
    expect(formatDetailNumber(1234567.5, false, { locale: 'de-DE', timeZone: 'UTC' })).toBe('1.234.567,5');
    expect(formatDetailNumber(1234567, true, gb)).toBe('1234567');
  });

  it('formats calendar days without shifting them, and moments in the time zone', () => {
    expect(formatDetailDate('2026-12-24', true, { locale: 'en-GB', timeZone: 'Pacific/Honolulu' })).toBe(
      '24 Dec 2026',
    );
    expect(formatDetailDate('2026-12-03T14:05:00Z', false, gb)).toBe('3 Dec 2026, 14:05 UTC');
    expect(
      formatDetailDate('2026-12-03T14:05:00Z', false, { locale: 'en-GB', timeZone: 'Europe/Paris' }),
    ).toBe('3 Dec 2026, 15:05 CET');
  });
});
