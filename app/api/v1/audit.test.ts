import { describe, expect, it } from 'vitest';
import { apiKeyHeader, call } from './test-client';
import * as audit from './audit/route';
import * as verify from './audit/verify/route';
import * as activities from './activities/route';

describe('/api/v1/audit', () => {
  it('exports what API calls recorded and verifies the chain', async () => {
    await call(activities.POST, { body: { name: 'audited' } });
    const { status, body } = await call(audit.GET, { query: { action: 'ACTIVITY_CREATED' } });
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      seq: expect.any(Number),
      actorType: 'apiKey',
      action: 'ACTIVITY_CREATED',
      ip: '203.0.113.7',
      data: { name: 'audited' },
    });
    expect(await call(verify.GET)).toEqual({ status: 200, body: { ok: true, entries: 2 } });
    expect((await call(audit.GET, { query: { format: 'xml' } })).status).toBe(400);
    expect((await call(audit.GET, { auth: false })).status).toBe(401);
  });

  it('exports CSV with a header row', async () => {
    const headers = { authorization: await apiKeyHeader() };
    const response = await audit.GET(new Request('http://localhost/api/v1/audit?format=csv', { headers }), {
      params: Promise.resolve({}),
    });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await response.text()).split('\r\n')[0]).toBe(
      'seq,at,actorType,actorId,actorLabel,action,targetType,targetId,ip,userAgent,reason,data,prevHash,hash',
    );
  });
});
