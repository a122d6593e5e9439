/**
 * `function:NAME`: a TypeScript handler registered in code (the Lambda of this service). It runs
 * after the commit that scheduled it; what it returns or throws becomes the task's result
 * (an Error's `name` is the ASL error, so Retry/Catch can match it).
 */
import type { JsonValue } from '../../asl';
import type { Integration, TaskOutcome } from './integration';
import { addNumbers } from './functions/add-numbers';
import { summarizeRecords } from './functions/summarize-records';

export type FunctionHandler = (input: JsonValue) => Promise<JsonValue> | JsonValue;

const handlers = new Map<string, FunctionHandler>();

/** Makes `function:NAME` run `handler`. */
export function registerFunction(name: string, handler: FunctionHandler): void {
  handlers.set(name, handler);
}

registerFunction('add-numbers', addNumbers);
registerFunction('summarize-records', summarizeRecords);

const PREFIX = 'function:';

export const functionIntegration: Integration = {
  name: 'function',
  matches: (resource) => resource.startsWith(PREFIX),
  start: async (_tx, task) => ({ kind: 'invoke', callback: task.resource.endsWith('.waitForTaskToken') }),
  async invoke(resource, input): Promise<TaskOutcome> {
    const name = resource.slice(PREFIX.length).replace(/\.waitForTaskToken$/, '');
    const handler = handlers.get(name);
    if (!handler) return { error: 'States.Runtime', cause: `No function is registered as '${name}'.` };
    try {
      return { output: (await handler(input)) ?? null };
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return { error: failure.name === 'Error' ? 'Function.Error' : failure.name, cause: failure.message };
    }
  },
};
