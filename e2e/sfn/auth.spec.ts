import { CreateStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, e2eDb, sfnClientFor, sfnEndpoint } from '../fixtures/api-key';
import { ROLE, passMachine, uniqueName } from './helpers';

/**
 * What a refused call could have written: the state machine it named, and audit entries by its
 * key. (Counting whole tables would race with the tests the other Playwright worker runs.)
 */
async function traces(keyId: string, name: string) {
  const db = await e2eDb();
  return {
    workflows: await db.workflow.count({ where: { name } }),
    audit: await db.auditEntry.count({ where: { actorId: keyId } }),
  };
}

test('[SFN]: a wrong secret gets InvalidSignatureException (403) and nothing changes', async ({
  baseURL,
}) => {
  const key = await createTestApiKey('e2e-auth');
  const name = uniqueName('nope');
  const wrong = sfnClientFor(baseURL, { id: key.id, secret: `${key.secret.slice(0, -1)}x` });
  const error = await wrong
    .send(new CreateStateMachineCommand({ name, definition: passMachine(1), roleArn: ROLE }))
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  expect(await traces(key.id, name)).toEqual({ workflows: 0, audit: 0 });
  // The same call signed with the right secret does leave both traces.
  await sfnClientFor(baseURL, key).send(
    new CreateStateMachineCommand({ name, definition: passMachine(1), roleArn: ROLE }),
  );
  expect(await traces(key.id, name)).toEqual({ workflows: 1, audit: 1 });
});

test('[SFN]: a signature older than 15 minutes gets InvalidSignatureException "Signature expired" and nothing changes', async ({
  baseURL,
}) => {
  const key = await createTestApiKey('e2e-auth-old');
  const name = uniqueName('old');
  const replayed = sfnClientFor(baseURL, key, { systemClockOffset: -16 * 60_000 });
  const error = await replayed
    .send(new CreateStateMachineCommand({ name, definition: passMachine(1), roleArn: ROLE }))
    .catch((e: Error) => e);
  expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  expect((error as Error).message).toMatch(/^Signature expired/);
  expect(await traces(key.id, name)).toEqual({ workflows: 0, audit: 0 });
});

test('[SFN]: an unknown access key gets UnrecognizedClientException; an unsigned call MissingAuthenticationTokenException', async ({
  baseURL,
  request,
}) => {
  const stranger = sfnClientFor(baseURL, { id: 'SOAAAAAAAAAAAAAAAAAAAA', secret: 'x'.repeat(40) });
  await expect(stranger.send(new ListStateMachinesCommand({}))).rejects.toMatchObject({
    name: 'UnrecognizedClientException',
    $metadata: { httpStatusCode: 403 },
  });
  for (const url of [`${sfnEndpoint(baseURL)}/`, sfnEndpoint(baseURL)]) {
    const headers = {
      'x-amz-target': 'AWSStepFunctions.ListStateMachines',
      'content-type': 'application/x-amz-json-1.0',
    };
    const response = await request.post(url, { headers, data: '{}', maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  }
});

test('[SFN]: a signed call without a target gets UnknownOperationException (400) and nothing changes', async ({
  baseURL,
}) => {
  const key = await createTestApiKey('e2e-auth-target');
  const client = sfnClientFor(baseURL, key);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string> };
      delete request.headers['x-amz-target'];
      return next(args);
    },
    { step: 'build', name: 'dropTarget' },
  );
  const name = uniqueName('untargeted');
  const error = await client
    .send(new CreateStateMachineCommand({ name, definition: passMachine(1), roleArn: ROLE }))
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  expect(await traces(key.id, name)).toEqual({ workflows: 0, audit: 0 });
});
