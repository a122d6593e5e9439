/** Any `*.waitForTaskToken` resource without an integration of its own: issue the token and wait. */
import type { Integration } from './integration';

const WAIT_FOR_TASK_TOKEN = '.waitForTaskToken';

export const callbackIntegration: Integration = {
  name: 'callback',
  matches: (resource) => resource.endsWith(WAIT_FOR_TASK_TOKEN),
  start: async () => ({ kind: 'callback' }),
};
