/**
 * JSONPath as Step Functions evaluates it (Jayway semantics): a definite path (names and indexes
 * only) selects one value or nothing; an indefinite path (wildcards, slices, unions, `..`,
 * filters) selects a list, empty when nothing matches. Paths are parsed once and cached.
 */
import { JSONPath } from 'jsonpath-plus';
import type { JsonObject, JsonValue } from '../json';
import { isObject } from '../json-utils';

/** The quote a bracketed name was written with; Jayway shows the name back with it in messages. */
type Quote = "'" | '"';

type Segment =
  | { t: 'name'; key: string; quote?: Quote }
  | { t: 'index'; index: number }
  | { t: 'wild' }
  | { t: 'slice'; start?: number; end?: number; step?: number }
  | { t: 'union'; keys: (string | number)[]; quote?: Quote }
  | { t: 'recurse' };

/** A parsed path rooted at `$` (the root selector is stripped by the caller). */
export interface CompiledPath {
  source: string;
  segments: Segment[];
  definite: boolean;
  /** Filter expressions are delegated to jsonpath-plus. */
  delegate: boolean;
}

export class JsonPathSyntaxError extends Error {}

const cache = new Map<string, CompiledPath>();

/** Parses a `$...` path (the root `$` included in `source`). */
export function compileJsonPath(source: string): CompiledPath {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = parse(canonicalJsonPath(source));
    if (cache.size > 10_000) cache.clear();
    cache.set(source, compiled);
  }
  return compiled;
}

/**
 * The path as Jayway reads it: trailing spaces trimmed (`"$$.Execution.Name "`) and a dot before a
 * bracket dropped (`$.a.[0]` is `$.a[0]`, `$.[*]` is `$[*]`), outside quotes, filters included.
 * The second dot of `..` stays, so `$..[0]` keeps its meaning.
 */
export function canonicalJsonPath(source: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote && c === '\\') {
      out += source.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '.' && source[i + 1] === '[' && source[i - 1] !== '.') continue;
    out += c;
  }
  return out.replace(/ +$/, '');
}

function parse(source: string): CompiledPath {
  if (!source.startsWith('$')) throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
  if (/\[\s*\?/.test(source)) return { source, segments: [], definite: false, delegate: true };
  const segments: Segment[] = [];
  let i = 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '.' && source[i + 1] === '.') {
      segments.push({ t: 'recurse' });
      i += 2;
      if (source[i] === '[') continue;
      i = readName(source, i, segments);
    } else if (c === '.') {
      i = readName(source, i + 1, segments);
    } else if (c === '[') {
      i = readBracket(source, i, segments);
    } else {
      throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
    }
  }
  const definite = segments.every((s, i) => s.t === 'name' || s.t === 'index' || isMergedNames(segments, i));
  return { source, segments, definite, delegate: false };
}

/**
 * Whether segment `i` is Jayway's "multi-property merge" case (`PropertyPathToken`): a bracket of two
 * or more quoted names that ends the path. It selects, per object, one object with those of the names
 * it has (absent ones left out), and counts as definite: `$['a','b']` is `{"a":…,"b":…}`, while
 * `$[*]['a','b']` is a list of such objects. Before other segments (`$['a','b'].c`) the names are
 * iterated one by one instead. After `..` Jayway scans for objects having all the names; that case
 * keeps the flat list here.
 */
function isMergedNames(segments: Segment[], i: number): boolean {
  const seg = segments[i];
  return (
    seg.t === 'union' &&
    i === segments.length - 1 &&
    segments[i - 1]?.t !== 'recurse' &&
    seg.keys.every((k) => typeof k === 'string')
  );
}

function readName(source: string, start: number, out: Segment[]): number {
  let end = start;
  while (end < source.length && source[end] !== '.' && source[end] !== '[') end++;
  const name = source.slice(start, end);
  if (name === '') throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
  out.push(name === '*' ? { t: 'wild' } : { t: 'name', key: name });
  return end;
}

function readBracket(source: string, start: number, out: Segment[]): number {
  const end = findClose(source, start);
  const body = source.slice(start + 1, end).trim();
  if (body === '*') out.push({ t: 'wild' });
  else if (/^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(body)) out.push(parseSlice(body));
  else {
    const parts = splitUnion(body, source);
    const quote: Quote | undefined = body.startsWith('"') ? '"' : undefined;
    if (parts.length === 1) {
      const p = parts[0];
      out.push(
        typeof p === 'number' ? { t: 'index', index: p } : { t: 'name', key: p, ...(quote && { quote }) },
      );
    } else out.push({ t: 'union', keys: parts, ...(quote && { quote }) });
  }
  return end + 1;
}

function findClose(source: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ']') return i;
  }
  throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
}

function parseSlice(body: string): Segment {
  const [a, b, c] = body.split(':').map((s) => s.trim());
  const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
  return { t: 'slice', start: num(a), end: num(b), step: num(c) };
}

function splitUnion(body: string, source: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const re = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+))\s*(,|$)/y;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m || m[0] === '') throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
    if (m[3] !== undefined) parts.push(Number(m[3]));
    else parts.push(unescapeName(m[1] ?? m[2]));
    pos = re.lastIndex;
  }
  if (parts.length === 0) throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
  return parts;
}

const ESCAPES: Record<string, string> = { r: '\r', f: '\f', t: '\t', n: '\n', b: '\b' };

/**
 * A bracketed name's escapes read as Jayway reads them (its `Utils.unescape`, after commons-lang's
 * `unescapeJava`): `\'`, `\"` and `\\` are the character itself, `\n`, `\t`, `\r`, `\f`, `\b`
 * the control character, `\uXXXX` the code unit; any other escaped character is itself.
 */
function unescapeName(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, c: string) =>
    c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (ESCAPES[c] ?? c),
  );
}

/** Evaluates a compiled path: the value (definite), the list of matches, or undefined. */
export function evaluateJsonPath(path: CompiledPath, root: JsonValue): JsonValue | undefined {
  if (path.delegate) return evaluateFilter(path.source, root);
  if (path.definite) return walkDefinite(path.segments, root);
  let current: JsonValue[] = [root];
  for (const [i, seg] of path.segments.entries()) {
    current = isMergedNames(path.segments, i)
      ? current.filter(isObject).map((v) => mergeNames(seg, v))
      : current.flatMap((v) => step(seg, v));
  }
  return current;
}

/** Jayway's merged object: the names the object has, in the order written; an absent one is left out. */
function mergeNames(seg: Segment, value: JsonObject): JsonValue {
  const merged: JsonObject = {};
  for (const key of (seg as { keys: string[] }).keys) {
    if (Object.hasOwn(value, key)) merged[key] = value[key];
  }
  return merged;
}

/**
 * A path with a filter, through jsonpath-plus. An item the filter cannot be evaluated on (it lacks
 * the property the filter reads, as `{}` for `@.x[0] > 2`) does not match, as in Jayway, where a
 * missing path inside a filter is "undefined" and compares false. Anything jsonpath-plus still
 * throws becomes a JsonPathSyntaxError, never a raw JavaScript error.
 */
function evaluateFilter(source: string, root: JsonValue): JsonValue[] {
  try {
    return JSONPath({
      path: source,
      json: root as object,
      wrap: true,
      eval: 'safe',
      ignoreEvalErrors: true,
    }) as JsonValue[];
  } catch (error) {
    throw new JsonPathSyntaxError(
      `Invalid JSONPath: ${source}${error instanceof Error ? ` (${error.message})` : ''}`,
    );
  }
}

function walkDefinite(segments: Segment[], root: JsonValue): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const [i, seg] of segments.entries()) {
    if (isMergedNames(segments, i)) return isObject(value) ? mergeNames(seg, value) : undefined;
    if (seg.t === 'name') {
      if (!isObject(value) || !Object.hasOwn(value, seg.key)) return undefined;
      value = value[seg.key];
    } else if (seg.t === 'index') {
      if (!Array.isArray(value)) return undefined;
      const i: number = seg.index < 0 ? value.length + seg.index : seg.index;
      if (i < 0 || i >= value.length) return undefined;
      value = value[i];
    }
  }
  return value;
}

function step(seg: Segment, value: JsonValue): JsonValue[] {
  switch (seg.t) {
    case 'name':
      return isObject(value) && Object.hasOwn(value, seg.key) ? [value[seg.key]] : [];
    case 'index': {
      if (!Array.isArray(value)) return [];
      const i = seg.index < 0 ? value.length + seg.index : seg.index;
      return i >= 0 && i < value.length ? [value[i]] : [];
    }
    case 'wild':
      return Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
    case 'slice':
      return Array.isArray(value) ? slice(value, seg) : [];
    case 'union':
      return seg.keys.flatMap((k) =>
        step(typeof k === 'number' ? { t: 'index', index: k } : { t: 'name', key: k }, value),
      );
    case 'recurse':
      return descendants(value);
  }
}

function slice(array: JsonValue[], seg: { start?: number; end?: number; step?: number }): JsonValue[] {
  const n = array.length;
  const norm = (v: number | undefined, dflt: number) =>
    v === undefined ? dflt : v < 0 ? Math.max(0, n + v) : Math.min(n, v);
  const stepBy = seg.step && seg.step > 0 ? seg.step : 1;
  const out: JsonValue[] = [];
  for (let i: number = norm(seg.start, 0); i < norm(seg.end, n); i += stepBy) out.push(array[i]);
  return out;
}

function descendants(value: JsonValue): JsonValue[] {
  const out: JsonValue[] = [value];
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  for (const child of children) out.push(...descendants(child));
  return out;
}

/** A name between the quotes it was written with (Jayway does not escape it back). */
const quoted = (key: string, quote: Quote = "'") => `${quote}${key}${quote}`;

/** Jayway's rendering of a path in messages: `$['a']['b'][0]`. */
export function normalizedPath(path: CompiledPath): string {
  if (path.delegate) return path.source;
  return (
    '$' +
    path.segments
      .map((s) => {
        if (s.t === 'name') return `[${quoted(s.key, s.quote)}]`;
        if (s.t === 'index') return `[${s.index}]`;
        if (s.t === 'wild') return '[*]';
        if (s.t === 'recurse') return '..';
        if (s.t === 'union')
          return `[${s.keys.map((k) => (typeof k === 'number' ? k : quoted(k, s.quote))).join(',')}]`;
        return `[${s.start ?? ''}:${s.end ?? ''}${s.step ? `:${s.step}` : ''}]`;
      })
      .join('')
  );
}

/** The segments of a reference path (names and indexes), for ResultPath. */
export function referenceSegments(path: CompiledPath): (string | number)[] | undefined {
  if (!path.definite || path.delegate || path.segments.some((s) => s.t === 'union')) return undefined;
  return path.segments.map((s) => (s.t === 'name' ? s.key : (s as { index: number }).index));
}
