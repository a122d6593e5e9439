/** Fixtures for execution tests: a valid workflow and an API-key actor. */
import type { Actor } from '../auth/actor';
import { createWorkflow } from '../workflows/create-workflow';

export const testActor: Actor = { type: 'system', label: 'test' };

export function passDefinition(result: unknown = 'done'): string {
  return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', Result: result, End: true } } });
}

export async function createTestWorkflow(name: string, definition = passDefinition()) {
  return createWorkflow({ name, definition, actor: testActor });
}
