/** Definitions and polling shared by the /api/sfn e2e tests. */
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { expect } from '@playwright/test';

export const ROLE = 'arn:aws:iam::000000000000:role/e2e';

/** Unique per test run, so tests can share the server's database. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function passMachine(result: unknown): string {
  return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', Result: result, End: true } } });
}

/** Three Pass states: seven history events, enough to page through. */
export function threeStepMachine(): string {
  return JSON.stringify({
    StartAt: 'One',
    States: {
      One: { Type: 'Pass', Next: 'Two' },
      Two: { Type: 'Pass', Next: 'Three' },
      Three: { Type: 'Pass', Result: { done: true }, End: true },
    },
  });
}

/** A `.waitForTaskToken` task: the token is in TaskScheduled's parameters. */
export function callbackMachine(): string {
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

export async function expectStatus(client: SFNClient, executionArn: string, status: string): Promise<void> {
  await expect
    .poll(async () => (await client.send(new DescribeExecutionCommand({ executionArn }))).status, {
      timeout: 15_000,
    })
    .toBe(status);
}

export async function taskTokenOf(client: SFNClient, executionArn: string): Promise<string> {
  let token = '';
  await expect
    .poll(
      async () => {
        const events = (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
        const parameters = events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails
          ?.parameters;
        token = parameters ? (JSON.parse(parameters) as { token: string }).token : '';
        return token;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  return token;
}
