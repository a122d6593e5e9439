// AWSStepFunctions.ListStateMachineVersions — every published version, newest first
import { z } from 'zod';
import { db } from '../../db/client';
import { defineAction } from '../action';
import { stateMachineVersionArn } from '../arn';
import { resolveStateMachine } from '../lookup';
import { pageOf } from '../paging';
import { arnSchema, epochSeconds, maxResultsSchema, nextTokenSchema } from '../shapes';

const input = z.object({
  stateMachineArn: arnSchema,
  maxResults: maxResultsSchema,
  nextToken: nextTokenSchema,
});

export const listStateMachineVersions = defineAction(
  input,
  async ({ stateMachineArn, maxResults, nextToken }) => {
    const { workflow } = await resolveStateMachine(stateMachineArn);
    const rows = await db.workflowVersion.findMany({
      where: { workflowId: workflow.id, deletedAt: null },
      orderBy: { version: 'desc' },
      select: { version: true, createdAt: true },
    });
    const { page, nextToken: next } = pageOf(rows, maxResults, nextToken);
    const stateMachineVersions = page.map((row) => ({
      stateMachineVersionArn: stateMachineVersionArn(workflow.name, row.version),
      creationDate: epochSeconds(row.createdAt),
    }));
    return next ? { stateMachineVersions, nextToken: next } : { stateMachineVersions };
  },
);
