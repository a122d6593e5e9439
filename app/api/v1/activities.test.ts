import { describe, expect, it, vi } from 'vitest';
import { activityQueue } from '@/lib/executions/fake-engine';
import { call } from './test-client';
import * as activities from './activities/route';
import * as activity from './activities/[name]/route';
import * as poll from './activities/[name]/poll/route';
import * as health from '../health/route';

vi.mock('@/lib/engine', () => import('@/lib/executions/fake-engine'));

describe('/api/v1/activities', () => {
  it('creates (201, then 200), lists, describes, polls and deletes', async () => {
    const created = await call(activities.POST, { body: { name: 'resize' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'resize', tags: {} } });
    expect((await call(activities.POST, { body: { name: 'resize' } })).status).toBe(200);
    expect((await call(activities.GET)).body.activities).toHaveLength(1);
    expect((await call(activity.GET, { params: { name: 'resize' } })).body.id).toBe(created.body.id);
    activityQueue.push({ taskToken: 'tok', input: '{"w":10}' });
    expect(await call(poll.POST, { params: { name: 'resize' }, body: { workerName: 'w1', waitSeconds: 0 } })).toEqual({ status: 200, body: { taskToken: 'tok', input: '{"w":10}' } });
    expect(await call(poll.POST, { params: { name: 'resize' }, body: { waitSeconds: 0 } })).toEqual({ status: 204, body: null });
    expect((await call(poll.POST, { params: { name: 'resize' }, body: { waitSeconds: 61 } })).status).toBe(400);
    expect((await call(poll.POST, { params: { name: 'ghost' }, body: { waitSeconds: 0 } })).status).toBe(404);
    expect(await call(activity.DELETE, { params: { name: 'resize' } })).toEqual({ status: 204, body: null });
    expect((await call(activity.GET, { params: { name: 'resize' } })).status).toBe(404);
    expect((await call(activities.POST, { body: { name: 'has space' } })).status).toBe(400);
  });
});

describe('/api/health', () => {
  it('answers ok without a key', async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
