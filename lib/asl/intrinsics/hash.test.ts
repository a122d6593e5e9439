import { describe, expect, it } from 'vitest';
import { failure, run } from './test-scope';

/** Reference digests (UTF-8), computed once with a standard library. */
const vectors: [string, string, string][] = [
  ['abc', 'MD5', '900150983cd24fb0d6963f7d28e17f72'],
  ['abc', 'SHA-1', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['abc', 'SHA-256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abc',
    'SHA-384',
    'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
  ],
  [
    'abc',
    'SHA-512',
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  ],
  ['', 'MD5', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['', 'SHA-1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ['', 'SHA-256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [
    '',
    'SHA-384',
    '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b',
  ],
  [
    '',
    'SHA-512',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  ],
  ['input data', 'MD5', '812f45842bc6d66ee14572ce20db8e86'],
  [
    'input data',
    'SHA-384',
    'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
  ],
  [
    'input data',
    'SHA-512',
    '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
  ],
  ['héllo 🆗', 'MD5', 'df9e5138f9587fc688778d31185640b0'],
  ['héllo 🆗', 'SHA-1', '8cbfa199d786b7df65373a5ef579fc48e0cc4b1d'],
  ['héllo 🆗', 'SHA-256', '5bfbc8322199bbd559487feddd558740c92ab0cf5d45a657344c598a81c4c22c'],
  [
    'héllo 🆗',
    'SHA-384',
    '74827b479d6921c436a7c02b10b3ae669f2f1b813d87f7308a343478698ab3d803862026d7ba57171ae6d00b40a109a5',
  ],
  [
    'héllo 🆗',
    'SHA-512',
    'cd4d39d16b493d355b2c446e9540a9710860430def25bd904cba14f32cd8005ce45084d6eb5eafd9eedf8a26ca1bbe2fff4e8357100ab1d0eb69d10bdc99946d',
  ],
];

describe('States.Hash', () => {
  it.each(vectors)('%j with %s', (data, algorithm, digest) => {
    expect(run('States.Hash($.d, $.a)', { d: data, a: algorithm })).toBe(digest);
  });

  it('hashes multi-block input (lengths around the 55/56/64 and 111/112/128 byte boundaries)', () => {
    for (const n of [55, 56, 63, 64, 111, 112, 127, 128, 1000]) {
      expect(run("States.Hash($, 'SHA-256')", 'a'.repeat(n))).toMatch(/^[0-9a-f]{64}$/);
      expect(run("States.Hash($, 'SHA-512')", 'a'.repeat(n))).toMatch(/^[0-9a-f]{128}$/);
    }
    expect(run("States.Hash($, 'MD5')", 'a'.repeat(1000))).toBe('cabe45dcc9ae5b66ba86600cca6b8ba8');
  });

  it('rejects an unknown algorithm (names are exact) and non-string data', () => {
    expect(failure("States.Hash('x', 'sha-256')")).toEqual({
      error: 'States.IntrinsicFailure',
      cause:
        "Invalid arguments in States.Hash: unsupported hashing algorithm 'sha-256'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
    });
    expect(failure("States.Hash('x', 'toString')").error).toBe('States.IntrinsicFailure');
    expect(failure("States.Hash($, 'MD5')", { a: 1 }).cause).toBe(
      'Invalid arguments in States.Hash: argument 1 must be a string, but got object',
    );
  });
});
