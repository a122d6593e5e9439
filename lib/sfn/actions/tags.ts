// AWSStepFunctions.TagResource / UntagResource / ListTagsForResource — on state machines and activities
import { z } from 'zod';
import { changeTags, getTags, type TaggedResource } from '../../tags/change-tags';
import { defineAction } from '../action';
import { parseArn } from '../arn';
import { sfnError } from '../sfn-error';
import { arnSchema, recordToTags, tagListSchema, tagsToRecord } from '../shapes';

function taggedResource(arn: string): TaggedResource {
  const parsed = parseArn(arn);
  if (parsed.kind === 'stateMachine' && parsed.version === undefined)
    return { kind: 'workflow', name: parsed.name };
  if (parsed.kind === 'activity') return { kind: 'activity', name: parsed.name };
  throw sfnError('InvalidArn', `Invalid Arn: tags apply to state machines and activities, not '${arn}'.`);
}

export const tagResource = defineAction(
  z.object({ resourceArn: arnSchema, tags: tagListSchema }),
  async ({ resourceArn, tags }, ctx) => {
    await changeTags({
      resource: taggedResource(resourceArn),
      add: tagsToRecord(tags),
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);

export const untagResource = defineAction(
  z.object({ resourceArn: arnSchema, tagKeys: z.array(z.string()).max(50) }),
  async ({ resourceArn, tagKeys }, ctx) => {
    await changeTags({
      resource: taggedResource(resourceArn),
      remove: tagKeys,
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);

export const listTagsForResource = defineAction(
  z.object({ resourceArn: arnSchema }),
  async ({ resourceArn }, ctx) => {
    return { tags: recordToTags(await getTags({ resource: taggedResource(resourceArn), actor: ctx.actor })) };
  },
);
