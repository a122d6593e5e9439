/** GetExecutionHistory: AWS-shaped events, paged by nextToken, oldest first unless reversed. */
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { AppError } from '../errors';
import { decodePageToken, encodePageToken } from './page-token';

export interface HistoryEventDto {
  id: number;
  previousEventId: number;
  type: string;
  timestamp: Date;
  /** the AWS details member, e.g. `stateEnteredEventDetails` */
  [details: string]: unknown;
}

export interface GetExecutionHistoryOptions {
  executionId: string;
  maxResults?: number;
  nextToken?: string;
  reverseOrder?: boolean;
  /** an API key needs executions:read */
  actor: Actor;
}

const positionSchema = z.object({ e: z.string(), s: z.number().int(), r: z.boolean() });

export async function getExecutionHistory(
  options: GetExecutionHistoryOptions,
): Promise<{ events: HistoryEventDto[]; nextToken?: string }> {
  const { executionId, maxResults = 100, reverseOrder = false } = options;
  await authorize(options.actor, 'executions:read');
  const exists = await db.execution.findUnique({ where: { id: executionId }, select: { id: true } });
  if (!exists)
    throw new AppError('NOT_FOUND', `Execution ${executionId} does not exist.`, {
      details: { awsErrorType: 'ExecutionDoesNotExist' },
    });
  const after = options.nextToken ? decodePageToken(options.nextToken, positionSchema) : undefined;
  if (after && (after.e !== executionId || after.r !== reverseOrder)) {
    throw new AppError('INVALID_INPUT', 'The nextToken belongs to another listing.', {
      details: [{ path: 'nextToken', message: 'issued for another execution or order' }],
    });
  }
  const rows = await db.historyEvent.findMany({
    where: { executionId, ...(after ? { seq: reverseOrder ? { lt: after.s } : { gt: after.s } } : {}) },
    orderBy: { seq: reverseOrder ? 'desc' : 'asc' },
    take: maxResults + 1,
    select: { seq: true, previousEventId: true, type: true, timestamp: true, details: true },
  });
  const events = rows.slice(0, maxResults).map(toEventDto);
  const last = events.at(-1);
  if (rows.length <= maxResults || !last) return { events };
  return { events, nextToken: encodePageToken({ e: executionId, s: last.id, r: reverseOrder }) };
}

function toEventDto(row: {
  seq: number;
  previousEventId: number;
  type: string;
  timestamp: Date;
  details: string;
}): HistoryEventDto {
  const details = JSON.parse(row.details) as unknown;
  const members =
    details !== null && typeof details === 'object' && !Array.isArray(details)
      ? (details as Record<string, unknown>)
      : { details };
  return {
    ...members,
    id: row.seq,
    previousEventId: row.previousEventId,
    type: row.type,
    timestamp: row.timestamp,
  };
}
