/** Creates an activity (a queue for `activity:NAME` tasks). Idempotent by name, as AWS's CreateActivity. Own transaction. An API key needs workflows:write. */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { activitySelect, toActivitySummary, type ActivitySummary } from './activity-dto';

export interface CreateActivityOptions {
  name: string;
  tags?: Record<string, string>;
  actor: Actor;
  request?: RequestInfo;
}

export async function createActivity({
  name,
  tags,
  actor,
  request,
}: CreateActivityOptions): Promise<{ activity: ActivitySummary; created: boolean }> {
  await authorize(actor, 'workflows:write');
  return runAudited(async (tx) => {
    const existing = await tx.activity.findUnique({ where: { name }, select: activitySelect });
    if (existing) return { activity: toActivitySummary(existing), created: false };
    const row = await tx.activity.create({
      data: { name, tags: JSON.stringify(tags ?? {}) },
      select: activitySelect,
    });
    await recordAudit(tx, {
      actor,
      request,
      type: 'ACTIVITY_CREATED',
      data: { activityId: row.id, name },
      target: { type: 'activity', id: row.id },
    });
    return { activity: toActivitySummary(row), created: true };
  });
}
