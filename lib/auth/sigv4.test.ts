import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { canonicalPath, canonicalQuery, parseAuthorization, verifySigV4, type SignedRequest } from './sigv4';

const KEY = 'SOABCDEFGHIJKLMNOPQRST';
const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789+/AB';
const NOW = new Date('2026-03-01T12:00:00Z');
const BODY = JSON.stringify({ name: 'orders', definition: '{}' });

async function sign(
  options: { at?: Date; secret?: string; path?: string; query?: Record<string, string> } = {},
) {
  const signer = new SignatureV4({
    service: 'states',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: KEY, secretAccessKey: options.secret ?? SECRET },
  });
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 3000,
    path: options.path ?? '/api/sfn/',
    query: options.query,
    headers: {
      host: '127.0.0.1:3000',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AWSStepFunctions.CreateStateMachine',
    },
    body: BODY,
  });
  const signed = await signer.sign(request, { signingDate: options.at ?? NOW });
  return signed.headers as Record<string, string>;
}

function asRequest(headers: Record<string, string>, overrides: Partial<SignedRequest> = {}): SignedRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: 'POST',
    path: '/api/sfn/',
    query: '',
    header: (name) => lower[name] ?? null,
    body: BODY,
    ...overrides,
  };
}

const options = {
  service: 'states',
  now: NOW,
  secretFor: async (id: string) => (id === KEY ? SECRET : null),
};

describe('verifySigV4', () => {
  it('accepts a request signed by the AWS SDK signer', async () => {
    expect(await verifySigV4(asRequest(await sign()), options)).toEqual({ ok: true, accessKeyId: KEY });
  });

  it('accepts a signed query string and a path without a trailing slash', async () => {
    const headers = await sign({ path: '/api/sfn', query: { b: 'x y', a: '1' } });
    expect(
      await verifySigV4(asRequest(headers, { path: '/api/sfn', query: 'b=x%20y&a=1' }), options),
    ).toMatchObject({ ok: true });
  });

  it('refuses a tampered body, header or path', async () => {
    const headers = await sign();
    const tamperedBody = await verifySigV4(
      asRequest(headers, { body: BODY.replace('orders', 'others') }),
      options,
    );
    expect(tamperedBody).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
    const tamperedHeader = await verifySigV4(
      asRequest({ ...headers, 'x-amz-target': 'AWSStepFunctions.DeleteStateMachine' }),
      options,
    );
    expect(tamperedHeader).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
    expect(await verifySigV4(asRequest(headers, { path: '/api/sfn' }), options)).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
    });
  });

  it('refuses a wrong secret and an unknown key', async () => {
    expect(await verifySigV4(asRequest(await sign({ secret: 'wrong' })), options)).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
    });
    const unknown = { ...options, secretFor: async () => null };
    expect(await verifySigV4(asRequest(await sign()), unknown)).toMatchObject({
      ok: false,
      type: 'UnrecognizedClientException',
    });
  });

  it('refuses a signature older than 15 minutes (and one from the future), accepts 14 minutes', async () => {
    const old = await verifySigV4(
      asRequest(await sign({ at: new Date(NOW.getTime() - 16 * 60_000) })),
      options,
    );
    expect(old).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
    expect((old as { message: string }).message).toMatch(
      /^Signature expired: 20260301T114400Z is now earlier than 20260301T114500Z/,
    );
    const future = await verifySigV4(
      asRequest(await sign({ at: new Date(NOW.getTime() + 16 * 60_000) })),
      options,
    );
    expect(future).toMatchObject({ ok: false, message: expect.stringMatching(/not yet current/) });
    expect(
      await verifySigV4(asRequest(await sign({ at: new Date(NOW.getTime() - 14 * 60_000) })), options),
    ).toMatchObject({ ok: true });
  });

  it('refuses a changed date header even within the window', async () => {
    const headers = await sign();
    const result = await verifySigV4(asRequest({ ...headers, 'x-amz-date': '20260301T120100Z' }), options);
    expect(result).toMatchObject({ ok: false, type: 'InvalidSignatureException' });
  });

  it('names a missing or malformed Authorization header and the wrong service', async () => {
    expect(await verifySigV4(asRequest({}), options)).toMatchObject({
      ok: false,
      type: 'MissingAuthenticationTokenException',
    });
    expect(await verifySigV4(asRequest({ authorization: 'Bearer x' }), options)).toMatchObject({
      ok: false,
      type: 'IncompleteSignatureException',
    });
    const headers = await sign();
    const otherService = { ...options, service: 'lambda' };
    expect(await verifySigV4(asRequest(headers), otherService)).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
      message: expect.stringMatching(/service/),
    });
  });
});

describe('the signed payload hash', () => {
  it('refuses a body changed after signing, though the signed x-amz-content-sha256 header is intact', async () => {
    const headers = await sign();
    expect(headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const tampered = asRequest(headers, { body: BODY.replace('orders', 'payroll') });
    expect(await verifySigV4(tampered, options)).toMatchObject({
      ok: false,
      type: 'InvalidSignatureException',
      message: expect.stringMatching(/x-amz-content-sha256/),
    });
  });
});

describe('canonical parts', () => {
  it('normalizes and escapes the path as the SDK does, keeping a trailing slash', () => {
    expect(canonicalPath('/api/sfn/')).toBe('/api/sfn/');
    expect(canonicalPath('/a/./b/../c')).toBe('/a/c');
    expect(canonicalPath('/a%20b')).toBe('/a%2520b');
    expect(canonicalPath('/')).toBe('/');
  });

  it('sorts and escapes the query', () => {
    expect(canonicalQuery('b=2&a=x+y&c')).toBe('a=x%20y&b=2&c=');
  });

  it('parses the Authorization header', () => {
    const header = `AWS4-HMAC-SHA256 Credential=${KEY}/20260301/eu-west-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`;
    expect(parseAuthorization(header)).toEqual({
      accessKeyId: KEY,
      scopeDate: '20260301',
      region: 'eu-west-1',
      service: 'states',
      signedHeaders: ['host', 'x-amz-date'],
      signature: 'a'.repeat(64),
    });
  });
});
