// AWSStepFunctions.DescribeStateMachineForExecution — the definition version the execution runs
import { z } from 'zod';
import { db } from '../../db/client';
import { defineAction } from '../action';
import { stateMachineArn, stateMachineVersionArn } from '../arn';
import { findExecutionId, liveName } from '../lookup';
import { arnSchema, epochSeconds } from '../shapes';
import { definitionFields } from '../state-machine-shape';

export const describeStateMachineForExecution = defineAction(
  z.object({ executionArn: arnSchema, includedData: z.string().optional() }),
  async ({ executionArn }) => {
    const id = await findExecutionId(executionArn);
    const { workflow, workflowVersion } = await db.execution.findUniqueOrThrow({
      where: { id },
      select: {
        workflow: { select: { name: true } },
        workflowVersion: {
          select: {
            version: true,
            definition: true,
            definitionHash: true,
            description: true,
            createdAt: true,
          },
        },
      },
    });
    const name = liveName(workflow.name);
    return {
      stateMachineArn: stateMachineArn(name),
      ...definitionFields(name, workflowVersion),
      updateDate: epochSeconds(workflowVersion.createdAt),
      stateMachineVersionArn: stateMachineVersionArn(name, workflowVersion.version),
    };
  },
);
