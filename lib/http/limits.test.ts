import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActivity } from '../activities/create-activity';
import { pollActivity } from '../activities/poll-activity';
import { createApiKey } from '../auth/api-keys';
import { newKeyAndClient } from '../sfn/test-support';
import { apiRoute, json, readJson } from './api-route';
import { resetServerLimits } from './limits';
import { readBodyText } from './read-body';
import { resetThrottle, takeApiToken } from './throttle';

const LIMIT_ENV = [
  'SIGNOFF_API_RATE_PER_SECOND',
  'SIGNOFF_API_BURST',
  'SIGNOFF_MAX_BODY_BYTES',
  'SIGNOFF_MAX_LONG_POLLS',
];

function setLimits(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetServerLimits();
  resetThrottle();
}

beforeEach(() => setLimits({}));
afterEach(() => {
  for (const name of LIMIT_ENV) delete process.env[name];
  resetServerLimits();
  resetThrottle();
});

/** A body that arrives in chunks with no Content-Length, as a chunked upload does. */
function streamed(chunks: Uint8Array[], onPull?: () => void): Request {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('request bodies', () => {
  it('stops reading a streamed body as soon as it passes the cap', async () => {
    setLimits({ SIGNOFF_MAX_BODY_BYTES: '1000' });
    let pulls = 0;
    const chunk = new Uint8Array(400).fill(0x20);
    const request = streamed(
      Array.from({ length: 100 }, () => chunk),
      () => pulls++,
    );
    await expect(readBodyText(request)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'The request body is over 1000 bytes.',
    });
    // 3 chunks pass 1,000 bytes: the other 97 are never read
    expect(pulls).toBeLessThanOrEqual(4);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    setLimits({ SIGNOFF_MAX_BODY_BYTES: '10' });
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: 'x'.repeat(11),
      headers: { 'content-length': '11' },
    });
    await expect(readBodyText(request)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(request.bodyUsed).toBe(false);
    expect(
      await readBodyText(new Request('http://localhost/x', { method: 'POST', body: 'x'.repeat(10) })),
    ).toBe('x'.repeat(10));
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const request = streamed([Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]);
    await expect(readBodyText(request)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The request body is not valid UTF-8.',
    });
    const route = apiRoute({ auth: 'none' }, async ({ request }) => json(await readJson(request)));
    const response = await route(streamed([Uint8Array.from([0x7b, 0xc3, 0x28, 0x7d])]));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'The request body is not valid UTF-8.',
        details: { awsErrorType: 'SerializationException' },
      },
    });
  });

  it('keeps a byte order mark as text (the signature covers it); readJson reads JSON after it', async () => {
    const bom = () => streamed([Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])]);
    expect(await readBodyText(bom())).toBe('\uFEFF{}');
    const route = apiRoute({ auth: 'none' }, async ({ request }) => json(await readJson(request)));
    expect(await (await route(bom())).json()).toEqual({});
  });
});

describe('per-key rate limits', () => {
  it('lets a burst through, then throttles until the bucket refills', () => {
    setLimits({ SIGNOFF_API_RATE_PER_SECOND: '10', SIGNOFF_API_BURST: '3' });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) takeApiToken('k', t);
    expect(() => takeApiToken('k', t)).toThrow(expect.objectContaining({ code: 'THROTTLED' }));
    // another key has its own bucket
    expect(() => takeApiToken('other', t)).not.toThrow();
    // 100 ms later one token is back, and only one
    expect(() => takeApiToken('k', t + 100)).not.toThrow();
    expect(() => takeApiToken('k', t + 100)).toThrow(expect.objectContaining({ code: 'THROTTLED' }));
  });

  it('is off at 0', () => {
    setLimits({ SIGNOFF_API_RATE_PER_SECOND: '0' });
    for (let i = 0; i < 10_000; i++) takeApiToken('k', 5);
  });

  it('answers /api/v1 with 429, Retry-After and the API error shape', async () => {
    setLimits({ SIGNOFF_API_RATE_PER_SECOND: '1', SIGNOFF_API_BURST: '2' });
    const { id, secret } = await createApiKey({ name: 'throttled-v1' });
    const route = apiRoute({ auth: 'apiKey' }, async () => json({ ok: true }));
    const call = () =>
      route(
        new Request('http://localhost/api/v1/x', { headers: { authorization: `Bearer ${id}.${secret}` } }),
      );
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({
      error: {
        code: 'THROTTLED',
        message: 'Rate exceeded: this key may send 1 requests per second.',
        details: { awsErrorType: 'ThrottlingException', retryAfterSeconds: 1 },
      },
    });
  });

  it('answers /api/sfn with ThrottlingException (429), which the AWS SDK recognises', async () => {
    setLimits({ SIGNOFF_API_RATE_PER_SECOND: '1', SIGNOFF_API_BURST: '2' });
    const { client } = await newKeyAndClient('throttled-sfn');
    await client.send(new ListStateMachinesCommand({}));
    await client.send(new ListStateMachinesCommand({}));
    const error = await client.send(new ListStateMachinesCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429 },
      $response: { headers: { 'retry-after': '1' } },
    });
  });
});

describe('long-poll cap', () => {
  it('refuses a poll beyond SIGNOFF_MAX_LONG_POLLS while the others wait, and frees the slot after', async () => {
    setLimits({ SIGNOFF_MAX_LONG_POLLS: '1' });
    const actor = { type: 'system' as const };
    await createActivity({ name: 'capped', actor });
    const waiting = pollActivity({ name: 'capped', waitSeconds: 1, actor });
    await expect(pollActivity({ name: 'capped', waitSeconds: 0, actor })).rejects.toMatchObject({
      code: 'THROTTLED',
      details: { awsErrorType: 'ActivityWorkerLimitExceeded', retryAfterSeconds: 1 },
    });
    expect(await waiting).toBeNull();
    expect(await pollActivity({ name: 'capped', waitSeconds: 0, actor })).toBeNull();
  });
});
