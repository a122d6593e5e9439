/**
 * Low-level scanners for intrinsic source text. Each takes the text and a start index and
 * returns the scanned value and the index just past it, or throws IntrinsicSyntaxError.
 */
import { IntrinsicSyntaxError } from './types';

export type Scanned<T> = { value: T; end: number };

const NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const NAME_PATTERN = /^States\.[A-Za-z0-9]+/;
const KEYWORD_PATTERN = /^(?:true|false|null)(?![A-Za-z0-9_$.])/;
/** Characters AWS reserves in string literals; `\` before one of them escapes it. */
export const ESCAPABLE = new Set(["'", '{', '}', '\\']);

export function syntaxError(src: string, at: number, message: string): IntrinsicSyntaxError {
  return new IntrinsicSyntaxError(
    `Invalid intrinsic function call ${JSON.stringify(src)} at position ${at}: ${message}`,
  );
}

export function skipSpace(src: string, at: number): number {
  while (at < src.length && /\s/.test(src[at])) at++;
  return at;
}

/**
 * A `'...'` literal: `value` has the escapes applied, `raw` is the text between the quotes.
 * `\'` `\{` `\}` `\\` stand for the bare character; any other `\x` is kept as written, so
 * JSON inside a literal (`'{"a":"say \"hi\""}'`) still reaches States.StringToJson intact.
 */
export function scanString(src: string, start: number): Scanned<{ value: string; raw: string }> {
  let value = '';
  for (let at = start + 1; at < src.length; at++) {
    const ch = src[at];
    if (ch === "'") return { value: { value, raw: src.slice(start + 1, at) }, end: at + 1 };
    if (ch === '\\' && at + 1 < src.length) {
      const next = src[++at];
      value += ESCAPABLE.has(next) ? next : ch + next;
    } else value += ch;
  }
  throw syntaxError(src, start, 'unterminated string literal');
}

export function scanNumber(src: string, start: number): Scanned<number> {
  const match = NUMBER_PATTERN.exec(src.slice(start));
  if (!match) throw syntaxError(src, start, 'invalid number');
  return { value: Number(match[0]), end: start + match[0].length };
}

export function scanKeyword(src: string, start: number): Scanned<boolean | null> | undefined {
  const match = KEYWORD_PATTERN.exec(src.slice(start));
  if (!match) return undefined;
  const value = match[0] === 'null' ? null : match[0] === 'true';
  return { value, end: start + match[0].length };
}

export function scanName(src: string, start: number): Scanned<string> | undefined {
  const match = NAME_PATTERN.exec(src.slice(start));
  return match ? { value: match[0], end: start + match[0].length } : undefined;
}

/**
 * A path argument (`$.a`, `$[0]`, `$$.Execution.Id`, `$var.x`): runs to the first `,` or `)`
 * outside brackets, parentheses and quotes, so filters like `$[?(@.a == 'x,y')]` stay whole.
 */
export function scanPath(src: string, start: number): Scanned<string> {
  const closers: string[] = [];
  let quote: string | undefined;
  let at = start;
  for (; at < src.length; at++) {
    const ch = src[at];
    if (quote) {
      if (ch === '\\') at++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') closers.push(']');
    else if (ch === '(') closers.push(')');
    else if (ch === ']' || ch === ')') {
      if (closers.length === 0 && ch === ')') break;
      if (closers.pop() !== ch) throw syntaxError(src, at, `unbalanced ${JSON.stringify(ch)} in path`);
    } else if (ch === ',' && closers.length === 0) break;
  }
  if (quote || closers.length > 0) throw syntaxError(src, start, 'unterminated path');
  return { value: src.slice(start, at).trimEnd(), end: at };
}
