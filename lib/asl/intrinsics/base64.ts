/** RFC 4648 base64 over bytes, by @scure/base (audited, pure: no Buffer, works in Node and browsers). */
import { base64 } from '@scure/base';

export function bytesToBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** Decodes canonical padded base64; returns undefined when the text is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return base64.decode(text);
  } catch {
    return undefined;
  }
}
