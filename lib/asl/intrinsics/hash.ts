/** States.Hash(data, algorithm): MD5, SHA-1, SHA-256, SHA-384 or SHA-512 of UTF-8 text, lowercase hex. */
import type { JsonValue } from '../json';
import { expectString, intrinsicFailure } from './args';
import { md5Hex } from './md5';
import { sha1Hex } from './sha1';
import { sha256Hex } from './sha256';
import { sha384Hex, sha512Hex } from './sha512';
import type { IntrinsicImpl } from './types';

/** The algorithm names AWS accepts, spelled exactly. */
const hashAlgorithms: Record<string, (bytes: Uint8Array) => string> = {
  MD5: md5Hex,
  'SHA-1': sha1Hex,
  'SHA-256': sha256Hex,
  'SHA-384': sha384Hex,
  'SHA-512': sha512Hex,
};

function hash(args: JsonValue[]): JsonValue {
  const data = expectString('States.Hash', args, 0);
  const algorithm = expectString('States.Hash', args, 1);
  const digest = Object.prototype.hasOwnProperty.call(hashAlgorithms, algorithm)
    ? hashAlgorithms[algorithm]
    : undefined;
  if (!digest) {
    throw intrinsicFailure(
      `Invalid arguments in States.Hash: unsupported hashing algorithm '${algorithm}'; use one of ${Object.keys(hashAlgorithms).join(', ')}`,
    );
  }
  return digest(new TextEncoder().encode(data));
}

export const hashFunctions: Record<string, IntrinsicImpl> = { 'States.Hash': hash };
