import { describe, expect, it } from 'vitest';
import { activityDefinition, runEngineUntilIdle } from '@/lib/executions/test-support';
import { call } from './test-client';
import * as activities from './activities/route';
import * as activity from './activities/[name]/route';
import * as poll from './activities/[name]/poll/route';
import * as workflows from './workflows/route';
import * as executions from './executions/route';
import * as success from './tasks/success/route';
import * as health from '../health/route';

describe('/api/v1/activities', () => {
  it('creates (201, then 200), lists, describes, polls and deletes', async () => {
    const created = await call(activities.POST, { body: { name: 'resize' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'resize', tags: {} } });
    expect((await call(activities.POST, { body: { name: 'resize' } })).status).toBe(200);
    expect((await call(activities.GET)).body.activities).toHaveLength(1);
    expect((await call(activity.GET, { params: { name: 'resize' } })).body.id).toBe(created.body.id);
    expect(await call(poll.POST, { params: { name: 'resize' }, body: { waitSeconds: 0 } })).toEqual({
      status: 204,
      body: null,
    });
    expect(
      (
        await call(workflows.POST, {
          body: { name: 'resizer', definition: JSON.parse(activityDefinition('resize')) },
        })
      ).status,
    ).toBe(201);
    expect((await call(executions.POST, { body: { workflowId: 'resizer', input: { w: 10 } } })).status).toBe(
      201,
    );
    await runEngineUntilIdle();
    const task = await call(poll.POST, {
      params: { name: 'resize' },
      body: { workerName: 'w1', waitSeconds: 0 },
    });
    expect(task).toEqual({ status: 200, body: { taskToken: expect.any(String), input: '{"w":10}' } });
    expect(await call(poll.POST, { params: { name: 'resize' }, body: { waitSeconds: 0 } })).toEqual({
      status: 204,
      body: null,
    });
    expect(
      (await call(success.POST, { body: { taskToken: task.body.taskToken, output: { resized: true } } }))
        .status,
    ).toBe(200);
    expect((await call(poll.POST, { params: { name: 'resize' }, body: { waitSeconds: 61 } })).status).toBe(
      400,
    );
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
