/** MD5 (RFC 1321) in pure TS, lowercase hex. */
import { padMessage, rotl, wordsToHex } from './hash-padding';

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

function roundFunction(i: number, b: number, c: number, d: number): [number, number] {
  if (i < 16) return [(b & c) | (~b & d), i];
  if (i < 32) return [(d & b) | (~d & c), (5 * i + 1) % 16];
  if (i < 48) return [b ^ c ^ d, (3 * i + 5) % 16];
  return [c ^ (b | ~d), (7 * i) % 16];
}

export function md5Hex(bytes: Uint8Array): string {
  const data = padMessage(bytes, 64, true);
  const view = new DataView(data.buffer);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let off = 0; off < data.length; off += 64) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const [f, g] = roundFunction(i, b, c, d);
      const shift = SHIFTS[(i >> 4) * 4 + (i % 4)];
      const sum = (a + f + K[i] + view.getUint32(off + g * 4, true)) | 0;
      [a, d, c, b] = [d, c, b, (b + rotl(sum, shift)) | 0];
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
  }
  return wordsToHex(h, true);
}
