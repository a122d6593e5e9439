/**
 * The audit trail's event types. Stored JSON is schema: evolve this union only by ADDING
 * members or optional fields, never by renaming or tightening one.
 */
import { z } from 'zod';

const id = z.string().min(1);

export const auditEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('WORKFLOW_CREATED'),
    data: z.object({
      workflowId: id,
      name: z.string(),
      version: z.number().int(),
      type: z.enum(['STANDARD', 'EXPRESS']).optional(),
    }),
  }),
  z.object({
    type: z.literal('WORKFLOW_VERSION_CREATED'),
    data: z.object({ workflowId: id, version: z.number().int(), definitionHash: z.string() }),
  }),
  z.object({ type: z.literal('WORKFLOW_DELETED'), data: z.object({ workflowId: id, name: z.string() }) }),
  z.object({
    type: z.literal('WORKFLOW_VERSION_DELETED'),
    data: z.object({ workflowId: id, version: z.number().int() }),
  }),
  z.object({
    type: z.literal('WORKFLOW_ALIAS_SET'),
    data: z.object({
      workflowId: id,
      alias: z.string(),
      routing: z.array(z.object({ version: z.number().int(), weight: z.number().int() })),
    }),
  }),
  z.object({
    type: z.literal('WORKFLOW_ALIAS_DELETED'),
    data: z.object({ workflowId: id, alias: z.string() }),
  }),
  z.object({
    type: z.literal('MAP_RUN_UPDATED'),
    data: z.object({
      mapRunId: id,
      executionId: id,
      maxConcurrency: z.number().int().optional(),
      toleratedFailureCount: z.number().int().optional(),
      toleratedFailurePercentage: z.number().optional(),
    }),
  }),
  z.object({ type: z.literal('ACTIVITY_CREATED'), data: z.object({ activityId: id, name: z.string() }) }),
  z.object({ type: z.literal('ACTIVITY_DELETED'), data: z.object({ activityId: id, name: z.string() }) }),
  z.object({
    type: z.literal('TAGS_CHANGED'),
    data: z.object({ set: z.array(z.string()), removed: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('EXECUTION_STARTED'),
    data: z.object({
      executionId: id,
      workflowId: id,
      version: z.number().int(),
      name: z.string(),
      /** started by a parent execution's states:startExecution task */
      parentExecutionId: id.optional(),
      /** an EXPRESS run (StartSyncExecution): recorded once it ended, with how */
      expressStatus: z.enum(['SUCCEEDED', 'FAILED', 'TIMED_OUT']).optional(),
    }),
  }),
  z.object({
    type: z.literal('EXECUTION_STOPPED'),
    data: z.object({ executionId: id, error: z.string().optional(), cause: z.string().optional() }),
  }),
  z.object({ type: z.literal('EXECUTION_REDRIVEN'), data: z.object({ executionId: id }) }),
  z.object({
    type: z.literal('TASK_TOKEN_COMPLETED'),
    data: z.object({
      executionId: id,
      stateName: z.string(),
      outcome: z.enum(['success', 'failure']),
      error: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('API_KEY_CREATED'),
    data: z.object({
      apiKeyId: id,
      name: z.string(),
      scopes: z.array(z.string()).optional(),
      /** ISO 8601; absent: the key never expires */
      expiresAt: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('API_KEY_REVOKED'), data: z.object({ apiKeyId: id }) }),
  // Used by later issues (approvals, links, sign-in).
  z.object({
    type: z.literal('TASK_DECIDED'),
    data: z.object({
      taskId: id,
      decision: z.enum(['approved', 'rejected']),
      via: z.enum(['inbox', 'email-link', 'api']),
      comment: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('LINK_OPENED'), data: z.object({ taskId: id }) }),
  z.object({
    type: z.literal('TASK_CLOSED'),
    data: z.object({
      taskId: id,
      status: z.enum(['EXPIRED', 'CANCELLED']),
      reason: z.string(),
      supersededById: id.optional(),
    }),
  }),
  z.object({ type: z.literal('SIGNED_IN'), data: z.object({ userId: id, method: z.string().optional() }) }),
  z.object({
    type: z.literal('USER_CREATED'),
    data: z.object({
      userId: id,
      email: z.string(),
      role: z.string(),
      groups: z.array(z.string()).optional(),
      invited: z.boolean().optional(),
    }),
  }),
  z.object({
    type: z.literal('USER_DEACTIVATED'),
    data: z.object({ userId: id, email: z.string(), sessionsEnded: z.number().int().optional() }),
  }),
  z.object({ type: z.literal('SETUP_COMPLETED'), data: z.object({ userId: id, email: z.string() }) }),
  z.object({
    type: z.literal('USER_ROLE_CHANGED'),
    data: z.object({ userId: id, from: z.string(), to: z.string() }),
  }),
  z.object({ type: z.literal('USER_REACTIVATED'), data: z.object({ userId: id, email: z.string() }) }),
  z.object({ type: z.literal('GROUP_CREATED'), data: z.object({ groupId: id, name: z.string() }) }),
  z.object({
    type: z.literal('GROUP_MEMBERSHIP_CHANGED'),
    data: z.object({ groupId: id, userId: id, from: z.string(), to: z.string() }),
  }),
  z.object({
    type: z.literal('DELEGATION_CREATED'),
    data: z.object({
      delegationId: id,
      fromUserId: id,
      toUserId: id,
      startsAt: z.string(),
      endsAt: z.string(),
      movedTasks: z.number().int().optional(),
    }),
  }),
  z.object({
    type: z.literal('DELEGATION_ENDED'),
    data: z.object({ delegationId: id, fromUserId: id, toUserId: id }),
  }),
  z.object({
    type: z.literal('SIGNED_OUT_EVERYWHERE'),
    data: z.object({ userId: id, sessionsEnded: z.number().int() }),
  }),
  /** A person claimed a task from the inbox: others may not decide it until `expiresAt` (or a release). */
  z.object({
    type: z.literal('TASK_CLAIMED'),
    data: z.object({ taskId: id, expiresAt: z.string() }),
  }),
  /** The holder gave their claim back. */
  z.object({ type: z.literal('TASK_RELEASED'), data: z.object({ taskId: id }) }),
  /** An admin or a manager of the task's group ended someone else's claim. */
  z.object({
    type: z.literal('TASK_CLAIM_BROKEN'),
    data: z.object({ taskId: id, holderId: id, holder: z.string() }),
  }),
  /** A manager or admin replaced one person asked by another (the first one's links stop working). */
  z.object({
    type: z.literal('TASK_REASSIGNED'),
    data: z.object({ taskId: id, from: z.string(), to: z.string(), onBehalfOf: z.string().optional() }),
  }),
  /** A manager or admin asked one more person. */
  z.object({
    type: z.literal('TASK_APPROVER_ADDED'),
    data: z.object({ taskId: id, email: z.string(), onBehalfOf: z.string().optional() }),
  }),
  /** An admin put a FAILED outbox message back in the queue. */
  z.object({
    type: z.literal('MAIL_RESENT'),
    data: z.object({ messageId: id, previousAttempts: z.number().int().optional() }),
  }),
]);

export type AuditEvent = z.infer<typeof auditEventSchema>;
