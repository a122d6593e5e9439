/** Recursive-descent parser: intrinsic source text to an IntrinsicCall AST. */
import { intrinsicArity, MAX_INTRINSIC_NESTING } from './arity';
import { scanKeyword, scanName, scanNumber, scanPath, scanString, skipSpace, syntaxError } from './lexer';
import type { Scanned } from './lexer';
import type { IntrinsicArg, IntrinsicCall } from './types';

/** Parses a whole expression; it must be exactly one call with nothing after it. */
export function parseCall(src: string): IntrinsicCall {
  const start = skipSpace(src, 0);
  const { value, end } = parseCallAt(src, start, 1);
  const rest = skipSpace(src, end);
  if (rest < src.length)
    throw syntaxError(src, rest, `unexpected ${JSON.stringify(src[rest])} after the call`);
  return value;
}

function parseCallAt(src: string, start: number, depth: number): Scanned<IntrinsicCall> {
  const name = scanName(src, start);
  if (!name) throw syntaxError(src, start, 'expected an intrinsic function name (States.<Name>)');
  if (!(name.value in intrinsicArity))
    throw syntaxError(src, start, `unknown intrinsic function ${name.value}`);
  if (depth > MAX_INTRINSIC_NESTING) {
    throw syntaxError(src, start, `intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep`);
  }
  const at = skipSpace(src, name.end);
  if (src[at] !== '(') throw syntaxError(src, at, `expected '(' after ${name.value}`);
  const { value: args, end } = parseArgs(src, at + 1, depth);
  checkArity(src, start, name.value, args.length);
  return { value: { kind: 'call', name: name.value, args }, end };
}

function parseArgs(src: string, start: number, depth: number): Scanned<IntrinsicArg[]> {
  const args: IntrinsicArg[] = [];
  let at = skipSpace(src, start);
  if (src[at] === ')') return { value: args, end: at + 1 };
  for (;;) {
    const arg = parseArg(src, skipSpace(src, at), depth);
    args.push(arg.value);
    at = skipSpace(src, arg.end);
    if (src[at] === ')') return { value: args, end: at + 1 };
    if (src[at] !== ',') throw syntaxError(src, at, "expected ',' or ')'");
    at++;
  }
}

function parseArg(src: string, at: number, depth: number): Scanned<IntrinsicArg> {
  const ch = src[at];
  if (ch === undefined) throw syntaxError(src, at, 'unexpected end of input');
  if (ch === "'") {
    const { value, end } = scanString(src, at);
    return { value: { kind: 'literal', value: value.value, raw: value.raw }, end };
  }
  if (ch === '$') {
    const { value, end } = scanPath(src, at);
    return { value: { kind: 'path', path: value }, end };
  }
  if (ch === '-' || (ch >= '0' && ch <= '9')) {
    const { value, end } = scanNumber(src, at);
    return { value: { kind: 'literal', value }, end };
  }
  const keyword = scanKeyword(src, at);
  if (keyword) return { value: { kind: 'literal', value: keyword.value }, end: keyword.end };
  if (src.startsWith('States.', at)) return parseCallAt(src, at, depth + 1);
  throw syntaxError(
    src,
    at,
    `unexpected ${JSON.stringify(ch)}; expected a string, number, boolean, null, path or call`,
  );
}

function checkArity(src: string, at: number, name: string, count: number): void {
  const { min, max } = intrinsicArity[name];
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  const noun = max === 1 || (max === Infinity && min === 1) ? 'argument' : 'arguments';
  throw syntaxError(src, at, `${name} takes ${expected} ${noun}, got ${count}`);
}
