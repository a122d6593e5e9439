/**
 * Runs a Task's outside call right now, outside any transaction, for executions that live in
 * one request (Express, StartSyncExecution): the integrations that can be invoked (function:,
 * http:invoke, AWS) answer; the others (approval, activities, callbacks) are not available there.
 */
import type { JsonValue } from '../../asl';
import type { TaskOutcome } from './integration';
import { integrationFor } from './registry';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function invokeNow(resource: string, input: JsonValue): Promise<TaskOutcome | undefined> {
  const integration = integrationFor(resource);
  if (!integration?.invoke) return undefined;
  let outcome = await integration.invoke(resource, input);
  while ('poll' in outcome) {
    await sleep(outcome.afterSeconds * 1000);
    outcome = await integration.invoke(resource, input, outcome.poll);
  }
  return outcome;
}
