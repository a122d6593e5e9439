/** The integrations, in the order they are tried (the first whose `matches` says yes runs). */
import { activityIntegration } from './activity';
import { approvalIntegration } from './approval';
import { awsIntegration } from './aws/aws-integration';
import { callbackIntegration } from './callback';
import { functionIntegration } from './function';
import { httpInvokeIntegration } from './http-invoke';
import type { Integration } from './integration';
import { mockIntegration } from './mock';

const holder = globalThis as unknown as { signoffIntegrations?: Integration[] };

const integrations: Integration[] = (holder.signoffIntegrations ??= [
  mockIntegration,
  approvalIntegration,
  activityIntegration,
  httpInvokeIntegration,
  functionIntegration,
  awsIntegration,
  callbackIntegration,
]);

/**
 * Adds an integration from a layer above (e.g. lib/mail's `email:send`), tried before the
 * generic `.waitForTaskToken` callback. Registering the same name again replaces it.
 */
export function registerIntegration(integration: Integration): void {
  const existing = integrations.findIndex((i) => i.name === integration.name);
  if (existing >= 0) integrations[existing] = integration;
  else integrations.splice(integrations.length - 1, 0, integration);
}

export function integrationFor(resource: string): Integration | undefined {
  return integrations.find((integration) => integration.matches(resource));
}
