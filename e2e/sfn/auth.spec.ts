import { CreateStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, e2eDb, sfnClientFor, sfnEndpoint } from '../fixtures/api-key';
import { ROLE, passMachine, uniqueName } from './helpers';

async function rowCounts() {
  const db = await e2eDb();
  return { workflows: await db.workflow.count(), executions: await db.execution.count(), audit: await db.auditEntry.count() };
}

test('[SFN]: a wrong secret gets InvalidSignatureException (403) and nothing changes', async ({ baseURL }) => {
  const key = await createTestApiKey('e2e-auth');
  const before = await rowCounts();
  const wrong = sfnClientFor(baseURL, { id: key.id, secret: `${key.secret.slice(0, -1)}x` });
  const error = await wrong.send(new CreateStateMachineCommand({ name: uniqueName('nope'), definition: passMachine(1), roleArn: ROLE })).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  expect(await rowCounts()).toEqual(before);
});

test('[SFN]: a signature older than 15 minutes gets InvalidSignatureException "Signature expired" and nothing changes', async ({ baseURL }) => {
  const key = await createTestApiKey('e2e-auth-old');
  const before = await rowCounts();
  const replayed = sfnClientFor(baseURL, key, { systemClockOffset: -16 * 60_000 });
  const error = await replayed.send(new CreateStateMachineCommand({ name: uniqueName('old'), definition: passMachine(1), roleArn: ROLE })).catch((e: Error) => e);
  expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  expect((error as Error).message).toMatch(/^Signature expired/);
  expect(await rowCounts()).toEqual(before);
});

test('[SFN]: an unknown access key gets UnrecognizedClientException; an unsigned call MissingAuthenticationTokenException', async ({ baseURL, request }) => {
  const stranger = sfnClientFor(baseURL, { id: 'SOAAAAAAAAAAAAAAAAAAAA', secret: 'x'.repeat(40) });
  await expect(stranger.send(new ListStateMachinesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
  for (const url of [`${sfnEndpoint(baseURL)}/`, sfnEndpoint(baseURL)]) {
    const headers = { 'x-amz-target': 'AWSStepFunctions.ListStateMachines', 'content-type': 'application/x-amz-json-1.0' };
    const response = await request.post(url, { headers, data: '{}', maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  }
});

test('[SFN]: a signed call without a target gets UnknownOperationException (400) and nothing changes', async ({ baseURL }) => {
  const key = await createTestApiKey('e2e-auth-target');
  const client = sfnClientFor(baseURL, key);
  client.middlewareStack.add((next) => async (args) => {
    const request = args.request as { headers: Record<string, string> };
    delete request.headers['x-amz-target'];
    return next(args);
  }, { step: 'build', name: 'dropTarget' });
  const before = await rowCounts();
  const error = await client.send(new CreateStateMachineCommand({ name: uniqueName('untargeted'), definition: passMachine(1), roleArn: ROLE })).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  expect(await rowCounts()).toEqual(before);
});
