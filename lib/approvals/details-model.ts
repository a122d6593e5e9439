/**
 * A task's Details (any JSON a workflow computed) as a person reads it, pure and shared by the
 * task page, the email-link page and the approval mail: an object's fields as labelled rows
 * (`customerEmail` → "Customer email"), nested objects as labelled sections, arrays of objects
 * as tables whose columns are the union of their keys, arrays of scalars as lists, long text
 * marked for folding, numbers and ISO dates kept as values for the viewer's locale. Never raw
 * JSON. Sizes are bounded so a huge input renders a readable page: what is left out is counted.
 */

/** Text longer than this is folded on pages (and cut in mail). */
export const LONG_TEXT_CHARS = 280;
/** The most rows, items or fields shown of one array or object. */
const MAX_ITEMS = 100;
/** The most columns a table gets (the rest of each row is counted, not shown). */
const MAX_COLUMNS = 12;
/** How deep nested objects and arrays are drawn; deeper values are counted. */
const MAX_DEPTH = 5;

export type DetailNode =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; long: boolean }
  | {
      kind: 'number';
      value: number;
      /** an identifier, a year or a code: no digit grouping */ plain: boolean;
    }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; iso: string; /** "2026-12-03": a calendar day, no time zone */ dateOnly: boolean }
  | { kind: 'list'; items: DetailNode[]; more: number }
  | { kind: 'table'; columns: DetailColumn[]; rows: DetailNode[][]; more: number; moreColumns: number }
  | { kind: 'section'; fields: DetailField[]; more: number }
  /** nested deeper than is drawn: "3 fields", "12 items" */
  | { kind: 'elided'; count: number; noun: 'field' | 'item' };

interface DetailColumn {
  key: string;
  label: string;
}

export interface DetailField extends DetailColumn {
  value: DetailNode;
}

const ACRONYMS = new Set([
  'id',
  'ids',
  'url',
  'uri',
  'api',
  'vat',
  'iban',
  'bic',
  'sku',
  'po',
  'eu',
  'uk',
  'us',
]);

/** `customerEmail` → "Customer email", `order_id` → "Order ID", `totalEUR` → "Total EUR". */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      if (ACRONYMS.has(word.toLowerCase())) return word.toUpperCase();
      return word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase();
    });
  if (words.length === 0) return key || '—';
  const [first, ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** A key's last word that makes its whole numbers names, not amounts: no grouping ("Year 2026"). */
const PLAIN_NUMBER_WORDS = new Set(
  'id ids no nr number num code year zip postcode phone ref reference version'.split(' '),
);

const isPlainNumberKey = (key: string) =>
  PLAIN_NUMBER_WORDS.has(labelOf(key).split(' ').at(-1)?.toLowerCase() ?? '');

function scalarNode(value: string | number | boolean, key: string): DetailNode {
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { kind: 'number', value, plain: Number.isInteger(value) && isPlainNumberKey(key) }
      : { kind: 'text', text: String(value), long: false };
  if (value.trim() === '') return { kind: 'empty' };
  if ((ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && !Number.isNaN(Date.parse(value)))
    return { kind: 'date', iso: value, dateOnly: ISO_DATE.test(value) };
  return { kind: 'text', text: value, long: value.length > LONG_TEXT_CHARS };
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function columnsOf(rows: JsonObject[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

function tableNode(items: JsonObject[], depth: number): DetailNode {
  const shown = items.slice(0, MAX_ITEMS);
  const keys = columnsOf(shown);
  const columns = keys.slice(0, MAX_COLUMNS).map((key) => ({ key, label: labelOf(key) }));
  return {
    kind: 'table',
    columns,
    rows: shown.map((row) =>
      columns.map(({ key }) => (key in row ? nodeOf(row[key], key, depth + 1) : { kind: 'empty' })),
    ),
    more: items.length - shown.length,
    moreColumns: keys.length - columns.length,
  };
}

function sectionNode(value: JsonObject, depth: number): Extract<DetailNode, { kind: 'section' }> {
  const entries = Object.entries(value);
  return {
    kind: 'section',
    fields: entries
      .slice(0, MAX_ITEMS)
      .map(([key, field]) => ({ key, label: labelOf(key), value: nodeOf(field, key, depth + 1) })),
    more: Math.max(0, entries.length - MAX_ITEMS),
  };
}

/** One value as a node; `key` is the field it sits in (it decides whether a number is a name). */
function nodeOf(value: unknown, key: string, depth: number): DetailNode {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return scalarNode(value, key);
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    if (depth >= MAX_DEPTH) return { kind: 'elided', count: value.length, noun: 'item' };
    if (value.every(isObject)) return tableNode(value, depth);
    const shown = value.slice(0, MAX_ITEMS);
    return {
      kind: 'list',
      items: shown.map((item) => nodeOf(item, key, depth + 1)),
      more: value.length - shown.length,
    };
  }
  if (isObject(value)) {
    const size = Object.keys(value).length;
    if (size === 0) return { kind: 'empty' };
    if (depth >= MAX_DEPTH) return { kind: 'elided', count: size, noun: 'field' };
    return sectionNode(value, depth);
  }
  return { kind: 'text', text: String(value), long: false };
}

/**
 * The whole Details as one section: an object's fields, or a single "Details" field holding an
 * array or a scalar. Empty details (null, {}, []) give no fields.
 */
export function detailsModel(details: unknown): Extract<DetailNode, { kind: 'section' }> {
  if (isObject(details)) return sectionNode(details, 0);
  const node = nodeOf(details, 'details', 0);
  if (node.kind === 'empty') return { kind: 'section', fields: [], more: 0 };
  return { kind: 'section', fields: [{ key: 'details', label: 'Details', value: node }], more: 0 };
}

export interface DetailFormat {
  locale: string;
  /** the time zone date-times are shown in; calendar days never shift */
  timeZone: string;
}

/**
 * Formatters by their options: making an Intl formatter costs far more than formatting with one
 * (it was 2% of an approval step's CPU), and every mail and page of a task formats the same few kinds.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    if (formatters.size >= 64) formatters.clear(); // locales and time zones come from viewers: bound it
    made = make();
    formatters.set(key, made);
  }
  return made;
}

/** A number in the locale (identifiers without grouping). */
export function formatDetailNumber(value: number, plain: boolean, { locale }: DetailFormat): string {
  return formatter(
    `n|${locale}|${plain}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20, useGrouping: !plain }),
  ).format(value);
}

/** A calendar day ("3 Dec 2026") or a moment in the time zone ("3 Dec 2026, 14:05 UTC"). */
export function formatDetailDate(iso: string, dateOnly: boolean, { locale, timeZone }: DetailFormat): string {
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  return formatter(
    `d|${locale}|${dateOnly ? 'UTC' : timeZone}|${dateOnly}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        ...(dateOnly
          ? { timeZone: 'UTC' }
          : { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
      }),
  ).format(date);
}

/** What is left out, in words: "and 3 more rows". */
export function moreText(count: number, noun: string): string {
  return `and ${count} more ${noun}${count === 1 ? '' : 's'}`;
}

/** An elided value in words: "12 items", "1 field". */
export function elidedText(node: Extract<DetailNode, { kind: 'elided' }>): string {
  return `${node.count} ${node.noun}${node.count === 1 ? '' : 's'}`;
}
