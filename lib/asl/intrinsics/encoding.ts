/** States.Base64Encode and States.Base64Decode (UTF-8 text, at most 10,000 characters in). */
import type { JsonValue } from '../json';
import { expectString, intrinsicFailure } from './args';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { IntrinsicImpl } from './types';

/** AWS: the input of Base64Encode/Base64Decode is limited to 10,000 characters. */
const MAX_BASE64_INPUT_CHARS = 10000;

function checkLength(fn: string, text: string): void {
  if (text.length > MAX_BASE64_INPUT_CHARS) {
    throw intrinsicFailure(
      `Invalid arguments in ${fn}: the input string is ${text.length} characters long, more than the maximum of ${MAX_BASE64_INPUT_CHARS}`,
    );
  }
}

function encode(args: JsonValue[]): JsonValue {
  const text = expectString('States.Base64Encode', args, 0);
  checkLength('States.Base64Encode', text);
  return bytesToBase64(new TextEncoder().encode(text));
}

function decode(args: JsonValue[]): JsonValue {
  const text = expectString('States.Base64Decode', args, 0);
  checkLength('States.Base64Decode', text);
  const bytes = base64ToBytes(text);
  if (!bytes)
    throw intrinsicFailure('Invalid arguments in States.Base64Decode: the input string is not valid base64');
  return new TextDecoder().decode(bytes);
}

export const encodingFunctions: Record<string, IntrinsicImpl> = {
  'States.Base64Encode': encode,
  'States.Base64Decode': decode,
};
