// AWSStepFunctions.DeleteStateMachine — soft delete; deleting what is not there succeeds, as on AWS
import { z } from 'zod';
import { db } from '../../db/client';
import { deleteWorkflow } from '../../workflows/delete-workflow';
import { defineAction } from '../action';
import { parseArnOf } from '../arn';
import { arnSchema } from '../shapes';

export const deleteStateMachine = defineAction(
  z.object({ stateMachineArn: arnSchema }),
  async ({ stateMachineArn }, ctx) => {
    const { name } = parseArnOf(stateMachineArn, 'stateMachine');
    const row = await db.workflow.findFirst({ where: { name, deletedAt: null }, select: { id: true } });
    if (row) await deleteWorkflow({ id: row.id, actor: ctx.actor, request: ctx.request });
    return {};
  },
);
