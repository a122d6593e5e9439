// AWSStepFunctions.UpdateStateMachine — a new definition becomes a new immutable version
import { z } from 'zod';
import { createWorkflowVersion } from '../../workflows/create-workflow-version';
import { defineAction } from '../action';
import { stateMachineVersionArn } from '../arn';
import { assertDefinition } from '../checks';
import { resolveStateMachine } from '../lookup';
import { sfnError } from '../sfn-error';
import { arnSchema, compact, epochSeconds } from '../shapes';
import { loadVersion } from '../state-machine-shape';

const input = z.object({
  stateMachineArn: arnSchema,
  definition: z
    .string()
    .min(1)
    .max(1024 * 1024)
    .optional(),
  roleArn: z.string().max(256).optional(),
  publish: z.boolean().optional(),
  versionDescription: z.string().max(256).optional(),
  loggingConfiguration: z.unknown().optional(),
  tracingConfiguration: z.unknown().optional(),
});

export const updateStateMachine = defineAction(input, async (body, ctx) => {
  const { workflow, version, alias } = await resolveStateMachine(body.stateMachineArn);
  if (version !== undefined || alias !== undefined)
    throw sfnError('ValidationException', 'Update the state machine by its ARN, not a version ARN.');
  if (body.versionDescription !== undefined && !body.publish)
    throw sfnError('ValidationException', 'versionDescription requires publish = true.');
  if (body.definition === undefined) {
    if (body.publish) throw sfnError('ValidationException', 'Nothing to publish: give a definition.');
    return { updateDate: epochSeconds(workflow.updatedAt) };
  }
  assertDefinition(body.definition, workflow.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD');
  const { workflow: updated } = await createWorkflowVersion({
    workflowId: workflow.id,
    definition: body.definition,
    description: body.versionDescription,
    actor: ctx.actor,
    request: ctx.request,
  });
  const current = await loadVersion(updated.id, updated.currentVersion);
  return compact({
    updateDate: epochSeconds(updated.updatedAt),
    revisionId: current.definitionHash.slice(0, 32),
    stateMachineVersionArn: body.publish
      ? stateMachineVersionArn(updated.name, updated.currentVersion)
      : undefined,
  });
});
