/** Request schemas of the execution and task-token use cases (REST API + OpenAPI). */
import { z } from 'zod';
import { awsNameSchema } from '../workflows/schemas';
import { assertJsonDepth } from './payload';

export const EXECUTION_STATUSES = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
] as const;

const jsonPayloadSchema = z
  .unknown()
  .describe('JSON: a string is taken as JSON text (as AWS sends it), anything else as the value itself');

export const startExecutionBodySchema = z
  .object({
    workflowId: z.string().min(1).max(200).optional().describe('the workflow id or name'),
    workflowName: z.string().min(1).max(200).optional(),
    version: z.number().int().min(1).optional().describe('defaults to the current version'),
    name: awsNameSchema.optional().describe('idempotency key: same name and input return the same execution'),
    input: jsonPayloadSchema.optional(),
  })
  .refine((body) => body.workflowId !== undefined || body.workflowName !== undefined, {
    message: 'Give workflowId or workflowName.',
    path: ['workflowId'],
  });

const isoDate = z.iso.datetime({ offset: true });
const maxResults = z.coerce.number().int().min(1).max(1000).optional();

export const listExecutionsQuerySchema = z.object({
  workflowId: z.string().min(1).max(200).optional(),
  status: z.enum(EXECUTION_STATUSES).optional(),
  startedAfter: isoDate.optional(),
  startedBefore: isoDate.optional(),
  namePrefix: z.string().min(1).max(80).optional().describe('only executions whose name starts with this'),
  error: z.string().min(1).max(256).optional().describe('only executions that ended with this error name'),
  maxResults,
  nextToken: z.string().max(2000).optional(),
});

export const executionHistoryQuerySchema = z.object({
  maxResults,
  nextToken: z.string().max(2000).optional(),
  reverseOrder: z.enum(['true', 'false']).optional(),
});

export const stopExecutionBodySchema = z.object({
  error: z.string().max(256).optional(),
  cause: z.string().max(32768).optional(),
});

export const executionParamsSchema = z.object({ id: z.string().min(1).max(200) });

const taskToken = z.string().min(1).max(2048).describe('the task token, exactly as handed out');

export const sendTaskSuccessBodySchema = z.object({
  taskToken,
  output: jsonPayloadSchema.refine((value) => value !== undefined, {
    message: 'Give the task output (JSON).',
  }),
});

export const sendTaskFailureBodySchema = z.object({
  taskToken,
  error: z.string().max(256).optional(),
  cause: z.string().max(32768).optional(),
});

export const sendTaskHeartbeatBodySchema = z.object({ taskToken });

/** A payload as JSON text: strings are already JSON text; other values are serialized. */
export function payloadText(value: unknown, what = 'payload'): string {
  if (value === undefined) return '{}';
  if (typeof value === 'string') return value;
  assertJsonDepth(value, what);
  return JSON.stringify(value);
}
