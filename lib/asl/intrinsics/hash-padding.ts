/** Merkle–Damgård padding shared by MD5 and the SHA family, and hex output. */

/** Pads to a multiple of `blockSize` bytes with 0x80, zeros and the bit length (8 or 16 bytes). */
export function padMessage(bytes: Uint8Array, blockSize: 64 | 128, littleEndian: boolean): Uint8Array {
  const lengthBytes = blockSize === 64 ? 8 : 16;
  const total = Math.ceil((bytes.length + 1 + lengthBytes) / blockSize) * blockSize;
  const out = new Uint8Array(total);
  out.set(bytes);
  out[bytes.length] = 0x80;
  let bitLength = BigInt(bytes.length) * 8n;
  for (let i = 0; i < 8; i++) {
    out[littleEndian ? total - 8 + i : total - 1 - i] = Number(bitLength & 0xffn);
    bitLength >>= 8n;
  }
  return out;
}

/** 32-bit words as lowercase hex, big- or little-endian per word. */
export function wordsToHex(words: number[], littleEndian: boolean): string {
  return words
    .map((word) => {
      const hex = (word >>> 0).toString(16).padStart(8, '0');
      return littleEndian ? hex.match(/../g)!.reverse().join('') : hex;
    })
    .join('');
}

export function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}
