/**
 * States.Hash(data, algorithm): MD5, SHA-1, SHA-256, SHA-384 or SHA-512 of UTF-8 text, lowercase
 * hex. The digests come from @noble/hashes (audited, pure JavaScript, so lib/asl still runs in
 * the browser); no hand-made cryptography.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { JsonValue } from '../json';
import { expectString, intrinsicFailure } from './args';
import type { IntrinsicImpl } from './types';

/** The algorithm names AWS accepts, spelled exactly. */
const hashAlgorithms: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  MD5: md5,
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
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
  return bytesToHex(digest(new TextEncoder().encode(data)));
}

export const hashFunctions: Record<string, IntrinsicImpl> = { 'States.Hash': hash };
