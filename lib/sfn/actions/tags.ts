// AWSStepFunctions.TagResource / UntagResource / ListTagsForResource — on state machines and activities
import { z } from 'zod';
import { db } from '../../db/client';
import { defineAction } from '../action';
import { parseArn } from '../arn';
import { sfnError } from '../sfn-error';
import { arnSchema, recordToTags, tagListSchema, tagsToRecord } from '../shapes';

/** AWS's limit on tags per resource. */
const MAX_TAGS = 50;

type Tags = Record<string, string>;

async function readTags(arn: string): Promise<{ tags: Tags; write: (tags: Tags) => Promise<unknown> }> {
  const parsed = parseArn(arn);
  const notFound = () => sfnError('ResourceNotFound', `Resource not found: '${arn}'`);
  if (parsed.kind === 'stateMachine' && parsed.version === undefined) {
    const row = await db.workflow.findFirst({ where: { name: parsed.name, deletedAt: null }, select: { id: true, tags: true } });
    if (!row) throw notFound();
    return { tags: JSON.parse(row.tags) as Tags, write: (tags) => db.workflow.update({ where: { id: row.id }, data: { tags: JSON.stringify(tags) } }) };
  }
  if (parsed.kind === 'activity') {
    const row = await db.activity.findUnique({ where: { name: parsed.name }, select: { id: true, tags: true } });
    if (!row) throw notFound();
    return { tags: JSON.parse(row.tags) as Tags, write: (tags) => db.activity.update({ where: { id: row.id }, data: { tags: JSON.stringify(tags) } }) };
  }
  throw sfnError('InvalidArn', `Invalid Arn: tags apply to state machines and activities, not '${arn}'.`);
}

export const tagResource = defineAction(z.object({ resourceArn: arnSchema, tags: tagListSchema }), async ({ resourceArn, tags }) => {
  const current = await readTags(resourceArn);
  const merged = { ...current.tags, ...tagsToRecord(tags) };
  if (Object.keys(merged).length > MAX_TAGS) throw sfnError('TooManyTags', `Too many tags: a resource holds at most ${MAX_TAGS}.`);
  await current.write(merged);
  return {};
});

export const untagResource = defineAction(z.object({ resourceArn: arnSchema, tagKeys: z.array(z.string()).max(50) }), async ({ resourceArn, tagKeys }) => {
  const current = await readTags(resourceArn);
  await current.write(Object.fromEntries(Object.entries(current.tags).filter(([key]) => !tagKeys.includes(key))));
  return {};
});

export const listTagsForResource = defineAction(z.object({ resourceArn: arnSchema }), async ({ resourceArn }) => {
  return { tags: recordToTags((await readTags(resourceArn)).tags) };
});
