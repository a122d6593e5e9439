// AWSStepFunctions.CreateActivity / DescribeActivity / ListActivities / DeleteActivity
import { z } from 'zod';
import { db } from '../../db/client';
import { createActivity as create } from '../../activities/create-activity';
import { deleteActivity as remove } from '../../activities/delete-activity';
import { listActivities as list } from '../../activities/list-activities';
import { defineAction } from '../action';
import { activityArn, parseArnOf } from '../arn';
import { assertName } from '../checks';
import { findActivity } from '../lookup';
import { pageOf } from '../paging';
import {
  arnSchema,
  epochSeconds,
  maxResultsSchema,
  nextTokenSchema,
  tagListSchema,
  tagsToRecord,
} from '../shapes';

const listItem = (row: { name: string; createdAt: Date }) => ({
  activityArn: activityArn(row.name),
  name: row.name,
  creationDate: epochSeconds(row.createdAt),
});

export const createActivity = defineAction(
  z.object({ name: z.string(), tags: tagListSchema.optional() }),
  async ({ name, tags }, ctx) => {
    assertName(name, 'activity name');
    const { activity } = await create({
      name,
      tags: tagsToRecord(tags),
      actor: ctx.actor,
      request: ctx.request,
    });
    return { activityArn: activityArn(activity.name), creationDate: epochSeconds(activity.createdAt) };
  },
);

export const describeActivity = defineAction(
  z.object({ activityArn: arnSchema }),
  async ({ activityArn: arn }) => listItem(await findActivity(arn)),
);

export const listActivities = defineAction(
  z.object({ maxResults: maxResultsSchema, nextToken: nextTokenSchema }),
  async ({ maxResults, nextToken }, ctx) => {
    const { page, nextToken: next } = pageOf(await list({ actor: ctx.actor }), maxResults, nextToken);
    const activities = page.map(listItem);
    return next ? { activities, nextToken: next } : { activities };
  },
);

/** Deleting an activity that is not there succeeds, as on AWS (its only error is InvalidArn). */
export const deleteActivity = defineAction(
  z.object({ activityArn: arnSchema }),
  async ({ activityArn: arn }, ctx) => {
    const { name } = parseArnOf(arn, 'activity');
    const exists = await db.activity.findUnique({ where: { name }, select: { id: true } });
    if (exists) await remove({ name, actor: ctx.actor, request: ctx.request });
    return {};
  },
);
