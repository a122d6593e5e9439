/**
 * The /api/v1 operations, each naming the zod schemas its route handler validates with. The
 * OpenAPI document is generated from this table and those schemas (openapi.ts); a test checks
 * that every route file's method, path and schemas appear here.
 */
import type { z } from 'zod';
import type { ApiScope } from '../auth/scopes';
import * as activitySchemas from '../activities/schemas';
import * as auditSchemas from '../audit/schemas';
import * as executionSchemas from '../executions/schemas';
import * as workflowSchemas from '../workflows/schemas';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth?: 'apiKey' | 'none';
  /** the API-key scope the operation's service requires (DESIGN §6) */
  scope?: ApiScope;
  params?: string;
  query?: string;
  body?: string;
  responses: Record<number, string>;
}

/** Every exported request schema, by component name (`startExecutionBodySchema` → `StartExecutionBody`). */
export const requestSchemas: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries({ ...workflowSchemas, ...executionSchemas, ...activitySchemas, ...auditSchemas })
    .filter(([name, value]) => name.endsWith('Schema') && typeof value === 'object')
    .map(([name, value]) => [componentName(name), value as z.ZodType]),
);

export function componentName(exportName: string): string {
  const bare = exportName.replace(/Schema$/, '');
  return bare[0].toUpperCase() + bare.slice(1);
}

const W = '/api/v1/workflows';
const E = '/api/v1/executions';
const A = '/api/v1/activities';
const ok = (what: string) => ({ 200: what });

export const apiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: W,
    scope: 'workflows:read',
    tag: 'workflows',
    summary: 'List the workflows',
    responses: ok('{ workflows }'),
  },
  {
    method: 'post',
    path: W,
    scope: 'workflows:write',
    tag: 'workflows',
    summary: 'Create a workflow (version 1)',
    body: 'CreateWorkflowBody',
    responses: { 201: 'the workflow with its versions' },
  },
  {
    method: 'post',
    path: `${W}/validate`,
    scope: 'workflows:read',
    tag: 'workflows',
    summary: 'Validate a definition',
    body: 'ValidateDefinitionBody',
    responses: ok('{ ok, errors, warnings } with JSON-pointer paths'),
  },
  {
    method: 'get',
    path: `${W}/{id}`,
    scope: 'workflows:read',
    tag: 'workflows',
    summary: 'Get a workflow with its versions',
    params: 'WorkflowParams',
    responses: ok('the workflow'),
  },
  {
    method: 'put',
    path: `${W}/{id}`,
    scope: 'workflows:write',
    tag: 'workflows',
    summary: 'Publish a new version',
    params: 'WorkflowParams',
    body: 'CreateWorkflowVersionBody',
    responses: { 200: 'unchanged (same text)', 201: '{ workflow, created }' },
  },
  {
    method: 'delete',
    path: `${W}/{id}`,
    scope: 'workflows:write',
    tag: 'workflows',
    summary: 'Delete a workflow',
    params: 'WorkflowParams',
    responses: ok('{ id, name }'),
  },
  {
    method: 'post',
    path: `${W}/{id}/versions`,
    scope: 'workflows:write',
    tag: 'workflows',
    summary: 'Publish a new version',
    params: 'WorkflowParams',
    body: 'CreateWorkflowVersionBody',
    responses: { 200: 'unchanged (same text)', 201: '{ workflow, created }' },
  },
  {
    method: 'get',
    path: `${W}/{id}/versions/{version}`,
    scope: 'workflows:read',
    tag: 'workflows',
    summary: 'Get one version',
    params: 'WorkflowVersionParams',
    responses: ok('the version with its definition'),
  },
  {
    method: 'post',
    path: E,
    scope: 'executions:write',
    tag: 'executions',
    summary: 'Start an execution (idempotent by name)',
    body: 'StartExecutionBody',
    responses: { 200: 'the existing execution', 201: 'the new execution' },
  },
  {
    method: 'get',
    path: E,
    scope: 'executions:read',
    tag: 'executions',
    summary: 'List executions',
    query: 'ListExecutionsQuery',
    responses: ok('{ executions, nextToken? }'),
  },
  {
    method: 'get',
    path: `${E}/{id}`,
    scope: 'executions:read',
    tag: 'executions',
    summary: 'Describe an execution',
    params: 'ExecutionParams',
    responses: ok('the execution'),
  },
  {
    method: 'get',
    path: `${E}/{id}/history`,
    scope: 'executions:read',
    tag: 'executions',
    summary: 'Get the execution history',
    params: 'ExecutionParams',
    query: 'ExecutionHistoryQuery',
    responses: ok('{ events, nextToken? }'),
  },
  {
    method: 'post',
    path: `${E}/{id}/stop`,
    scope: 'executions:write',
    tag: 'executions',
    summary: 'Stop an execution',
    params: 'ExecutionParams',
    body: 'StopExecutionBody',
    responses: ok('the execution'),
  },
  {
    method: 'post',
    path: `${E}/{id}/redrive`,
    scope: 'executions:write',
    tag: 'executions',
    summary: 'Redrive an execution',
    params: 'ExecutionParams',
    responses: ok('the execution'),
  },
  {
    method: 'post',
    path: '/api/v1/tasks/success',
    scope: 'tasks:write',
    tag: 'tasks',
    summary: 'Complete a task token',
    body: 'SendTaskSuccessBody',
    responses: ok('{ executionId, stateName }'),
  },
  {
    method: 'post',
    path: '/api/v1/tasks/failure',
    scope: 'tasks:write',
    tag: 'tasks',
    summary: 'Fail a task token',
    body: 'SendTaskFailureBody',
    responses: ok('{ executionId, stateName }'),
  },
  {
    method: 'post',
    path: '/api/v1/tasks/heartbeat',
    scope: 'tasks:write',
    tag: 'tasks',
    summary: 'Heartbeat a task token',
    body: 'SendTaskHeartbeatBody',
    responses: ok('{ executionId, stateName }'),
  },
  {
    method: 'get',
    path: A,
    scope: 'workflows:read',
    tag: 'activities',
    summary: 'List activities',
    responses: ok('{ activities }'),
  },
  {
    method: 'post',
    path: A,
    scope: 'workflows:write',
    tag: 'activities',
    summary: 'Create an activity',
    body: 'CreateActivityBody',
    responses: { 200: 'the existing activity', 201: 'the new activity' },
  },
  {
    method: 'get',
    path: `${A}/{name}`,
    scope: 'workflows:read',
    tag: 'activities',
    summary: 'Describe an activity',
    params: 'ActivityParams',
    responses: ok('the activity'),
  },
  {
    method: 'delete',
    path: `${A}/{name}`,
    scope: 'workflows:write',
    tag: 'activities',
    summary: 'Delete an activity',
    params: 'ActivityParams',
    responses: { 204: 'deleted' },
  },
  {
    method: 'post',
    path: `${A}/{name}/poll`,
    scope: 'activities:poll',
    tag: 'activities',
    summary: 'Long-poll for an activity task',
    params: 'ActivityParams',
    body: 'PollActivityBody',
    responses: { 200: '{ taskToken, input }', 204: 'no task within waitSeconds' },
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    scope: 'audit:read',
    tag: 'audit',
    summary: 'Export the audit trail',
    query: 'ExportAuditQuery',
    responses: ok('JSON array or CSV'),
  },
  {
    method: 'get',
    path: '/api/v1/audit/verify',
    scope: 'audit:read',
    tag: 'audit',
    summary: 'Verify the audit hash chain',
    responses: ok('{ ok, entries } or { ok: false, brokenSeq, reason }'),
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'meta',
    auth: 'none',
    summary: 'This document',
    responses: ok('OpenAPI 3.1'),
  },
];
