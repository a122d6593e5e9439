// AWSStepFunctions.GetExecutionHistory — AWS-shaped events, paged, optionally reversed and without payloads
import { z } from 'zod';
import { getExecutionHistory as history, type HistoryEventDto } from '../../executions';
import { defineAction } from '../action';
import { findExecutionId } from '../lookup';
import { retypeInvalidInput } from '../sfn-error';
import { arnSchema, epochSeconds, maxResultsSchema, nextTokenSchema } from '../shapes';

const input = z.object({
  executionArn: arnSchema,
  maxResults: maxResultsSchema,
  nextToken: nextTokenSchema,
  reverseOrder: z.boolean().optional(),
  includeExecutionData: z.boolean().optional(),
});

/** The payload members AWS leaves out when includeExecutionData is false. */
const PAYLOAD_KEYS = new Set(['input', 'output', 'parameters', 'resultSelector']);

export const getExecutionHistory = defineAction(input, async (body, ctx) => {
  const executionId = await findExecutionId(body.executionArn);
  const page = await history({
    executionId,
    maxResults: body.maxResults || 100,
    nextToken: body.nextToken,
    reverseOrder: body.reverseOrder ?? false,
    actor: ctx.actor,
  }).catch((error: unknown) =>
    retypeInvalidInput(
      error,
      'InvalidToken',
      'Invalid Token: the nextToken was not issued for this execution and order.',
    ),
  );
  const events = page.events.map((event) => toAwsEvent(event, body.includeExecutionData ?? true));
  return page.nextToken ? { events, nextToken: page.nextToken } : { events };
});

function toAwsEvent(
  { timestamp, id, previousEventId, type, ...details }: HistoryEventDto,
  includeData: boolean,
) {
  const members = includeData
    ? details
    : Object.fromEntries(Object.entries(details).map(([key, value]) => [key, withoutPayload(value)]));
  return { timestamp: epochSeconds(timestamp), type, id, previousEventId, ...members };
}

function withoutPayload(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !PAYLOAD_KEYS.has(key)));
}
