import { describe, expect, it } from 'vitest';
import * as executions from './executions/route';

describe('methods a route does not serve', () => {
  it('answer 405 in the error shape, with Allow', async () => {
    const response = executions.PUT(new Request('http://localhost/api/v1/executions', { method: 'PUT' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(await response.json()).toEqual({
      error: {
        code: 'METHOD_NOT_ALLOWED',
        message: 'PUT is not served here; use GET or POST.',
        details: { allow: ['GET', 'POST'] },
      },
    });
  });
});
