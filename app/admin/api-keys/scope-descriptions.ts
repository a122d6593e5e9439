/** What each API-key scope allows, in one line each (README "API keys and scopes" has the full table). */
import type { ApiScope } from '@/lib/auth/scopes';

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'workflows:read': 'List, get and validate workflows, versions and activities.',
  'workflows:write': 'Create, version and delete workflows and activities; tag them.',
  'executions:read': 'List and describe executions and read their history.',
  'executions:write': 'Start, stop and redrive executions.',
  'tasks:write': 'Complete task tokens: send task success, failure and heartbeats.',
  'activities:poll': 'Long-poll for activity tasks, as an activity worker does.',
  'audit:read': 'Read and verify the audit trail.',
  admin: 'Every scope above.',
};
