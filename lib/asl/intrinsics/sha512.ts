/**
 * SHA-512 and SHA-384 (FIPS 180-4) in pure TS with BigInt words. The round constants and
 * initial values are derived from prime roots at load time instead of being typed in.
 */
import { padMessage } from './hash-padding';

const MASK64 = (1n << 64n) - 1n;

/** floor(n^(1/k)) for a non-negative BigInt, by Newton's method. */
function integerRoot(n: bigint, k: bigint): bigint {
  let x = 1n << (BigInt(n.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}

function firstPrimes(count: number): bigint[] {
  const primes: bigint[] = [];
  for (let n = 2n; primes.length < count; n++) if (primes.every((p) => n % p !== 0n)) primes.push(n);
  return primes;
}

/** The first 64 bits of the fractional part of p^(1/k). */
function fractionBits(p: bigint, k: bigint): bigint {
  return integerRoot(p << (64n * k), k) & MASK64;
}

const PRIMES = firstPrimes(80);
const K = PRIMES.map((p) => fractionBits(p, 3n));
const INITIAL_512 = PRIMES.slice(0, 8).map((p) => fractionBits(p, 2n));
const INITIAL_384 = PRIMES.slice(8, 16).map((p) => fractionBits(p, 2n));

const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK64;

function compress(h: bigint[], w: bigint[]): void {
  let [a, b, c, d, e, f, g, hh] = h;
  for (let t = 0; t < 80; t++) {
    const s1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
    const t1 = (hh + s1 + ((e & f) ^ (~e & MASK64 & g)) + K[t] + w[t]) & MASK64;
    const s0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) & MASK64;
    [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & MASK64, c, b, a, (t1 + t2) & MASK64];
  }
  [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i] + v) & MASK64));
}

function sha512Words(bytes: Uint8Array, initial: bigint[]): bigint[] {
  const data = padMessage(bytes, 128, false);
  const view = new DataView(data.buffer);
  const h = [...initial];
  const w: bigint[] = new Array(80);
  for (let off = 0; off < data.length; off += 128) {
    for (let t = 0; t < 16; t++) w[t] = view.getBigUint64(off + t * 8);
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK64;
    }
    compress(h, w);
  }
  return h;
}

const toHex = (words: bigint[]): string => words.map((w) => w.toString(16).padStart(16, '0')).join('');

export const sha512Hex = (bytes: Uint8Array): string => toHex(sha512Words(bytes, INITIAL_512));
export const sha384Hex = (bytes: Uint8Array): string => toHex(sha512Words(bytes, INITIAL_384).slice(0, 6));
