// AWSStepFunctions.CreateStateMachine — a workflow with its version 1; idempotent for the same definition
import { z } from 'zod';
import { db } from '../../db/client';
import { createWorkflow } from '../../workflows/create-workflow';
import { defineAction } from '../action';
import { stateMachineArn, stateMachineVersionArn } from '../arn';
import { assertDefinition, assertName } from '../checks';
import { sfnError } from '../sfn-error';
import { epochSeconds, compact, tagListSchema, tagsToRecord } from '../shapes';

const input = z.object({
  name: z.string(),
  definition: z
    .string()
    .min(1)
    .max(1024 * 1024),
  roleArn: z.string().max(256).optional(),
  type: z.enum(['STANDARD', 'EXPRESS']).optional(),
  tags: tagListSchema.optional(),
  publish: z.boolean().optional(),
  versionDescription: z.string().max(256).optional(),
});

export const createStateMachine = defineAction(input, async (body, ctx) => {
  assertName(body.name, 'state machine name');
  assertDefinition(body.definition, body.type);
  const existing = await db.workflow.findFirst({
    where: { name: body.name, deletedAt: null },
    select: {
      createdAt: true,
      currentVersion: true,
      versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } },
    },
  });
  if (existing) {
    if (existing.versions[0]?.definition !== body.definition)
      throw sfnError(
        'StateMachineAlreadyExists',
        `State Machine Already Exists: '${stateMachineArn(body.name)}'`,
      );
    return { stateMachineArn: stateMachineArn(body.name), creationDate: epochSeconds(existing.createdAt) };
  }
  const workflow = await createWorkflow({
    name: body.name,
    definition: body.definition,
    description: body.versionDescription,
    tags: tagsToRecord(body.tags),
    type: body.type,
    actor: ctx.actor,
    request: ctx.request,
  });
  return compact({
    stateMachineArn: stateMachineArn(workflow.name),
    creationDate: epochSeconds(workflow.createdAt),
    stateMachineVersionArn: body.publish ? stateMachineVersionArn(workflow.name, 1) : undefined,
  });
});
