// AWSStepFunctions.DescribeStateMachine — the current definition, or a version's for a version ARN
import { z } from 'zod';
import { defineAction } from '../action';
import { resolveStateMachine } from '../lookup';
import { arnSchema } from '../shapes';
import { describeShape, loadVersion } from '../state-machine-shape';

export const describeStateMachine = defineAction(
  z.object({ stateMachineArn: arnSchema, includedData: z.string().optional() }),
  async ({ stateMachineArn }) => {
    const { workflow, version } = await resolveStateMachine(stateMachineArn);
    const row = await loadVersion(workflow.id, version ?? workflow.currentVersion);
    return describeShape(workflow, row, version !== undefined);
  },
);
