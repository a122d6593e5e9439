/** States.Format and States.StringSplit. */
import type { JsonValue } from '../json';
import { expectString, intrinsicFailure } from './args';
import { ESCAPABLE } from './lexer';
import type { IntrinsicCall, IntrinsicImpl } from './types';

type TemplatePart = string | { placeholder: true };

/** Splits a template at `{}`; for a literal, `\{` `\}` `\'` `\\` stand for the bare characters. */
function parseTemplate(text: string, escaped: boolean): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let chunk = '';
  for (let i = 0; i < text.length; i++) {
    if (escaped && text[i] === '\\' && ESCAPABLE.has(text[i + 1])) chunk += text[++i];
    else if (text[i] === '{' && text[i + 1] === '}') {
      parts.push(chunk, { placeholder: true });
      chunk = '';
      i++;
    } else chunk += text[i];
  }
  parts.push(chunk);
  return parts;
}

/** How AWS prints a value into a template: strings bare, objects as `{k=v, k2=v2}`. */
function renderFormatValue(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(renderFormatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${renderFormatValue(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

function format(args: JsonValue[], call: IntrinsicCall): JsonValue {
  const template = expectString('States.Format', args, 0);
  const first = call.args[0];
  const literal = first.kind === 'literal' && first.raw !== undefined;
  const parts = parseTemplate(literal ? (first.raw as string) : template, literal);
  const values = args.slice(1);
  const placeholders = parts.filter((p) => typeof p !== 'string').length;
  if (placeholders !== values.length) {
    throw intrinsicFailure(
      `Invalid arguments in States.Format: the template has ${placeholders} placeholder(s) but ${values.length} value(s) were given`,
    );
  }
  let next = 0;
  return parts.map((p) => (typeof p === 'string' ? p : renderFormatValue(values[next++]))).join('');
}

/** Splits on any one of the delimiter's characters and drops empty pieces, as AWS does. */
function stringSplit(args: JsonValue[]): JsonValue {
  const text = expectString('States.StringSplit', args, 0);
  const delimiters = new Set(expectString('States.StringSplit', args, 1));
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (delimiters.has(ch)) {
      if (piece) pieces.push(piece);
      piece = '';
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export const stringFunctions: Record<string, IntrinsicImpl> = {
  'States.Format': format,
  'States.StringSplit': stringSplit,
};
