// AWSStepFunctions.ListStateMachines — live state machines by name, paged
import { z } from 'zod';
import { db } from '../../db/client';
import { defineAction } from '../action';
import { stateMachineArn } from '../arn';
import { pageOf } from '../paging';
import { epochSeconds, maxResultsSchema, nextTokenSchema } from '../shapes';

export const listStateMachines = defineAction(
  z.object({ maxResults: maxResultsSchema, nextToken: nextTokenSchema }),
  async ({ maxResults, nextToken }) => {
    const rows = await db.workflow.findMany({
      where: { deletedAt: null },
      orderBy: { name: 'asc' },
      select: { name: true, type: true, createdAt: true },
    });
    const { page, nextToken: next } = pageOf(rows, maxResults, nextToken);
    const stateMachines = page.map((row) => ({
      stateMachineArn: stateMachineArn(row.name),
      name: row.name,
      type: row.type,
      creationDate: epochSeconds(row.createdAt),
    }));
    return next ? { stateMachines, nextToken: next } : { stateMachines };
  },
);
