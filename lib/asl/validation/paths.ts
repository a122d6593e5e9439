/**
 * A JSONPath syntax checker for ASL's subset: `$`, `$$` (context), `$name` (variables), `.name`,
 * `['name']`, `[n]`, `[*]`, `[start:end:step]`, unions, `[?(…)]` filters, `[(…)]` scripts and
 * `..` descent. As in Jayway, `.[` reads as `[` and trailing spaces are ignored. It checks shape
 * only; the interpreter owns evaluation (and reads the same forms: see ../paths/json-path.ts).
 */

/** What a path looks like, once it parses. */
interface PathShape {
  /** `$` the input, `$$` the context object, `variable` a `$name` workflow variable. */
  root: '$' | '$$' | 'variable';
  /** True when the path can only select one node: no wildcard, filter, slice, union or `..`. */
  definite: boolean;
}

export type PathResult = { ok: true; shape: PathShape } | { ok: false; reason: string };

interface Scanner {
  src: string;
  pos: number;
  definite: boolean;
}

class PathSyntaxError extends Error {}

function fail(s: Scanner, what: string): never {
  throw new PathSyntaxError(`${what} at position ${s.pos}`);
}

/** Parses `src` as a JSONPath and returns its shape, or why it does not parse. */
export function parseJsonPath(src: string): PathResult {
  // Jayway trims trailing spaces: AWS runs `"$$.Execution.Name "` as `$$.Execution.Name`.
  const s: Scanner = { src: src.replace(/ +$/, ''), pos: 0, definite: true };
  try {
    const root = scanRoot(s);
    while (s.pos < s.src.length) scanSegment(s);
    return { ok: true, shape: { root, definite: s.definite } };
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

function scanRoot(s: Scanner): PathShape['root'] {
  if (s.src.startsWith('$$')) return ((s.pos = 2), '$$');
  if (!s.src.startsWith('$')) fail(s, 'a path must start with "$"');
  const variable = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(s.src);
  s.pos = variable ? variable[0].length : 1;
  return variable ? 'variable' : '$';
}

function scanSegment(s: Scanner): void {
  const { src } = s;
  if (src.startsWith('..', s.pos)) {
    s.definite = false;
    s.pos += 2;
    if (src[s.pos] === '[') return scanBracket(s);
    return scanDotMember(s);
  }
  if (src[s.pos] === '.') {
    s.pos += 1;
    // Jayway reads `.[` as `[`: `$.[0]`, `$.a.[*]`, `$.[?(@.x > 0)]`
    if (src[s.pos] === '[') return scanBracket(s);
    return scanDotMember(s);
  }
  if (src[s.pos] === '[') return scanBracket(s);
  fail(s, `unexpected ${JSON.stringify(src[s.pos])}`);
}

/** A member name after `.`: any run of characters but `.`, `[`, `]`, quotes and whitespace. */
function scanDotMember(s: Scanner): void {
  if (s.src[s.pos] === '*') {
    s.definite = false;
    s.pos += 1;
    return;
  }
  const name = /^[^.[\]\s'"]+/.exec(s.src.slice(s.pos));
  if (!name) fail(s, 'expected a member name');
  s.pos += name[0].length;
}

function scanBracket(s: Scanner): void {
  s.pos += 1; // '['
  skipSpaces(s);
  const c = s.src[s.pos];
  if (c === "'" || c === '"') scanQuotedUnion(s);
  else if (c === '*') {
    s.pos += 1;
    s.definite = false;
  } else if (c === '?' && s.src[s.pos + 1] === '(') {
    s.pos += 1;
    scanParenthesised(s);
    s.definite = false;
  } else if (c === '(') scanParenthesised(s);
  else scanIndexes(s);
  skipSpaces(s);
  if (s.src[s.pos] !== ']') fail(s, 'expected "]"');
  s.pos += 1;
}

function scanQuotedUnion(s: Scanner): void {
  let count = 0;
  do {
    if (count++ > 0) {
      s.pos += 1;
      skipSpaces(s);
    }
    scanQuoted(s);
    skipSpaces(s);
  } while (s.src[s.pos] === ',');
  if (count > 1) s.definite = false;
}

function scanQuoted(s: Scanner): void {
  const quoteChar = s.src[s.pos];
  if (quoteChar !== "'" && quoteChar !== '"') fail(s, 'expected a quoted name');
  for (s.pos += 1; s.pos < s.src.length; s.pos++) {
    if (s.src[s.pos] === '\\') s.pos += 1;
    else if (s.src[s.pos] === quoteChar) return void (s.pos += 1);
  }
  fail(s, 'unterminated quoted name');
}

/** `(…)` with nested parentheses and quoted strings, as in filters and scripts. */
function scanParenthesised(s: Scanner): void {
  const start = s.pos;
  let depth = 0;
  while (s.pos < s.src.length) {
    const c = s.src[s.pos];
    if (c === "'" || c === '"') scanQuoted(s);
    else {
      s.pos += 1;
      if (c === '(') depth += 1;
      if (c === ')' && --depth === 0) break;
    }
  }
  if (depth !== 0) fail(s, 'unclosed "("');
  if (s.src.slice(start + 1, s.pos - 1).trim() === '') fail(s, 'empty expression');
}

/** `[n]`, `[n,m]`, `[start:end:step]` (each part optional). */
function scanIndexes(s: Scanner): void {
  const rest = s.src.slice(s.pos);
  const slice = /^(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(-?\d+)?)?/.exec(rest);
  const union = /^-?\d+(\s*,\s*-?\d+)*/.exec(rest);
  const match = slice ?? union;
  if (!match) fail(s, 'expected an index, a slice, "*", a quoted name or a filter');
  if (slice || match[0].includes(',')) s.definite = false;
  s.pos += match[0].length;
}

function skipSpaces(s: Scanner): void {
  while (s.src[s.pos] === ' ') s.pos += 1;
}
