import { describe, expect, it } from 'vitest';
import { failure, run } from './test-scope';

describe('States.Base64Encode / States.Base64Decode', () => {
  it.each([
    ['', ''],
    ['Data to encode', 'RGF0YSB0byBlbmNvZGU='],
    ['a', 'YQ=='],
    ['ab', 'YWI='],
    ['abc', 'YWJj'],
    ['héllo 🆗', 'aMOpbGxvIPCfhpc='],
  ])('%j ⇄ %j', (text, encoded) => {
    expect(run('States.Base64Encode($)', text)).toBe(encoded);
    expect(run('States.Base64Decode($)', encoded)).toBe(text);
  });

  it('round-trips through nested calls', () => {
    expect(run("States.Base64Decode(States.Base64Encode('x\\'y'))")).toBe("x'y");
  });

  it('accepts 10,000 characters and rejects 10,001', () => {
    expect(run('States.Base64Encode($)', 'a'.repeat(10000))).toHaveLength(13336);
    expect(failure('States.Base64Encode($)', 'a'.repeat(10001))).toEqual({
      error: 'States.IntrinsicFailure',
      cause:
        'Invalid arguments in States.Base64Encode: the input string is 10001 characters long, more than the maximum of 10000',
    });
    expect(failure('States.Base64Decode($)', 'A'.repeat(10004)).cause).toBe(
      'Invalid arguments in States.Base64Decode: the input string is 10004 characters long, more than the maximum of 10000',
    );
  });

  it('rejects invalid base64 and non-strings', () => {
    for (const bad of ['abc', 'ab!=', '=abc', 'a===']) {
      expect(failure('States.Base64Decode($)', bad)).toEqual({
        error: 'States.IntrinsicFailure',
        cause: 'Invalid arguments in States.Base64Decode: the input string is not valid base64',
      });
    }
    expect(failure('States.Base64Encode($)', 5).cause).toBe(
      'Invalid arguments in States.Base64Encode: argument 1 must be a string, but got number',
    );
  });
});
