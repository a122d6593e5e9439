/**
 * Fixtures for execution tests: valid workflows, an API-key actor, and the real engine driven
 * in-process (the engine's own `runUntilIdle`: every pass of work until nothing is left now).
 */
import type { Actor } from '../auth/actor';
import { createWorkflow } from '../workflows/create-workflow';

export { runUntilIdle as runEngineUntilIdle } from '../engine/testing/harness';

export const testActor: Actor = { type: 'system', label: 'test' };

export function passDefinition(result: unknown = 'done'): string {
  return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', Result: result, End: true } } });
}

/** One `.waitForTaskToken` task named Await; `$$.Task.Token` goes out in TaskScheduled's parameters. */
export function callbackDefinition(): string {
  return JSON.stringify({
    StartAt: 'Await',
    States: {
      Await: {
        Type: 'Task',
        Resource: 'arn:aws:states:::callback.waitForTaskToken',
        Parameters: { 'token.$': '$$.Task.Token' },
        End: true,
      },
    },
  });
}

/** One task named Work on an activity; a worker gets its token from GetActivityTask. */
export function activityDefinition(activityName: string): string {
  return JSON.stringify({
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: `activity:${activityName}`, End: true } },
  });
}

export async function createTestWorkflow(name: string, definition = passDefinition()) {
  return createWorkflow({ name, definition, actor: testActor });
}

/** The task token a callback receiver got: the `token` parameter of the TaskScheduled event (AWS-shaped history). */
export function taskTokenFromHistory(events: { type: string; [details: string]: unknown }[]): string {
  const scheduled = events.find((e) => e.type === 'TaskScheduled') as
    { taskScheduledEventDetails?: { parameters?: string } } | undefined;
  const parameters = scheduled?.taskScheduledEventDetails?.parameters;
  if (!parameters)
    throw new Error(`no TaskScheduled event with parameters in: ${events.map((e) => e.type).join(', ')}`);
  return (JSON.parse(parameters) as { token: string }).token;
}
