import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { apiRoute, readJson } from './api-route';
import { serverLimits } from './limits';

const anonymous = (handler: Parameters<typeof apiRoute>[1]) => apiRoute({ auth: 'none' }, handler);
const run = async (handler: Parameters<typeof apiRoute>[1], init?: RequestInit) => {
  const response = await anonymous(handler)(new Request('http://localhost/x', init));
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('apiRoute', () => {
  it('passes the request info and params to the handler', async () => {
    const route = apiRoute<{ id: string }>({ auth: 'none' }, async ({ requestInfo, params }) =>
      Response.json({ requestInfo, params }),
    );
    const request = new Request('http://localhost/x', {
      headers: { 'x-forwarded-for': '198.51.100.1, 10.0.0.2', 'user-agent': 'ua' },
    });
    const response = await route(request, { params: Promise.resolve({ id: 'p' }) });
    expect(await response.json()).toEqual({
      requestInfo: { ip: '198.51.100.1', userAgent: 'ua' },
      params: { id: 'p' },
    });
  });

  it('maps ZodError, AppError, P2025 and unknown errors to the one JSON error shape', async () => {
    const zod = await run(async () => {
      z.object({ a: z.object({ b: z.number() }) }).parse({ a: { b: 'x' } });
      return new Response();
    });
    expect(zod).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'The request is invalid.',
          details: [{ path: 'a.b', message: 'Invalid input: expected number, received string' }],
        },
      },
    });
    expect(
      await run(async () => {
        throw new AppError('LIMIT_EXCEEDED', 'too big', { details: { limit: 1 } });
      }),
    ).toEqual({
      status: 413,
      body: { error: { code: 'LIMIT_EXCEEDED', message: 'too big', details: { limit: 1 } } },
    });
    expect(
      await run(async () => {
        throw Object.assign(new Error('gone'), { code: 'P2025' });
      }),
    ).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found.', details: null } },
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await run(async () => {
        throw new Error('secret internals');
      }),
    ).toEqual({
      status: 500,
      body: {
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong on our side. Try again later.',
          details: null,
        },
      },
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('reads an empty body as {} and refuses malformed JSON with 400', async () => {
    expect(
      await run(async ({ request }) => Response.json(await readJson(request)), { method: 'POST' }),
    ).toEqual({ status: 200, body: {} });
    expect(
      (
        await run(async ({ request }) => Response.json(await readJson(request)), {
          method: 'POST',
          body: '{',
        })
      ).status,
    ).toBe(400);
    const huge = await run(async ({ request }) => Response.json(await readJson(request)), {
      method: 'POST',
      body: ' '.repeat(serverLimits().maxBodyBytes + 1),
    });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'LIMIT_EXCEEDED' } } });
  });
});
