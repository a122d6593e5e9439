/** The integrations, in the order they are tried (the first whose `matches` says yes runs). */
import { activityIntegration } from './activity';
import { approvalIntegration } from './approval';
import { callbackIntegration } from './callback';
import { functionIntegration } from './function';
import { httpInvokeIntegration } from './http-invoke';
import type { Integration } from './integration';
import { mockIntegration } from './mock';

export const integrations: Integration[] = [
  mockIntegration,
  approvalIntegration,
  activityIntegration,
  httpInvokeIntegration,
  functionIntegration,
  callbackIntegration,
];

export function integrationFor(resource: string): Integration | undefined {
  return integrations.find((integration) => integration.matches(resource));
}
