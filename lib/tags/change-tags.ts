/**
 * Tags of a workflow (state machine) or an activity: read them, or add and remove some in one
 * audited transaction (TAGS_CHANGED, with the keys that changed). AWS's limit of 50 tags a
 * resource holds; a tag key or value is a string. An API key needs workflows:read to read them
 * and workflows:write to change them.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db, type Tx } from '../db/client';
import { AppError } from '../errors';

/** AWS's limit on tags per resource. */
const MAX_TAGS = 50;

export type Tags = Record<string, string>;
export interface TaggedResource {
  kind: 'workflow' | 'activity';
  name: string;
}

async function findTagged(
  client: Tx | typeof db,
  resource: TaggedResource,
): Promise<{ id: string; tags: Tags }> {
  const row =
    resource.kind === 'workflow'
      ? await client.workflow.findFirst({
          where: { name: resource.name, deletedAt: null },
          select: { id: true, tags: true },
        })
      : await client.activity.findUnique({
          where: { name: resource.name },
          select: { id: true, tags: true },
        });
  if (!row)
    throw new AppError('NOT_FOUND', `There is no ${resource.kind} named "${resource.name}".`, {
      details: { awsErrorType: 'ResourceNotFound' },
    });
  return { id: row.id, tags: JSON.parse(row.tags) as Tags };
}

export async function getTags({
  resource,
  actor,
}: {
  resource: TaggedResource;
  actor: Actor;
}): Promise<Tags> {
  await authorize(actor, 'workflows:read');
  return (await findTagged(db, resource)).tags;
}

export async function changeTags(options: {
  resource: TaggedResource;
  add?: Tags;
  remove?: string[];
  actor: Actor;
  request?: RequestInfo;
}): Promise<Tags> {
  const { resource, add = {}, remove = [], actor, request } = options;
  await authorize(actor, 'workflows:write');
  return runAudited(async (tx) => {
    const current = await findTagged(tx, resource);
    const tags: Tags = { ...current.tags, ...add };
    for (const key of remove) delete tags[key];
    if (Object.keys(tags).length > MAX_TAGS) {
      throw new AppError('INVALID_INPUT', `Too many tags: a resource holds at most ${MAX_TAGS}.`, {
        details: { awsErrorType: 'TooManyTags' },
      });
    }
    const data = { tags: JSON.stringify(tags) };
    if (resource.kind === 'workflow') await tx.workflow.update({ where: { id: current.id }, data });
    else await tx.activity.update({ where: { id: current.id }, data });
    const removed = remove.filter((key) => key in current.tags);
    await recordAudit(tx, {
      actor,
      request,
      type: 'TAGS_CHANGED',
      data: { set: Object.keys(add), removed },
      target: { type: resource.kind, id: current.id },
    });
    return tags;
  });
}
