import { ListStateMachinesCommand, SFNServiceException } from '@aws-sdk/client-sfn';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../auth/api-keys';
import { db } from '../db/client';
import { handleSfnRequest } from './handle-sfn-request';
import { ENDPOINT, passMachine, sfnClient, toFetchRequest } from './test-support';

let key: { id: string; secret: string };
beforeAll(async () => {
  key = await createApiKey({ name: 'protocol' });
});

async function signedRequest(
  options: { target?: string; body?: object; secret?: string; at?: Date; path?: string } = {},
) {
  const url = new URL(ENDPOINT);
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/x-amz-json-1.0' };
  if (options.target !== '') headers['x-amz-target'] = options.target ?? 'AWSStepFunctions.ListStateMachines';
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: options.path ?? '/api/sfn/',
    headers,
    body: JSON.stringify(options.body ?? {}),
  });
  const signer = new SignatureV4({
    service: 'states',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: key.id, secretAccessKey: options.secret ?? key.secret },
  });
  return toFetchRequest(
    (await signer.sign(request, { signingDate: options.at ?? new Date() })) as HttpRequest,
  );
}

async function call(request: Request) {
  const response = await handleSfnRequest(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const createBody = (name: string) => ({
  name,
  definition: passMachine(),
  roleArn: 'arn:aws:iam::000000000000:role/x',
});

describe('/api/sfn protocol', () => {
  it('answers a signed call with the AWS JSON shape, on both /api/sfn/ and /api/sfn', async () => {
    for (const path of ['/api/sfn/', '/api/sfn']) {
      const { status, body } = await call(await signedRequest({ path }));
      expect(status).toBe(200);
      expect(body).toHaveProperty('stateMachines');
    }
  });

  it.each([
    ['a wrong secret', { secret: 'x'.repeat(40) }, 'InvalidSignatureException'],
    [
      'a signature older than 15 minutes',
      { at: new Date(Date.now() - 16 * 60_000) },
      'InvalidSignatureException',
    ],
  ])('refuses %s with 403 and creates nothing', async (_what, options, type) => {
    const before = await db.workflow.count();
    const { status, body } = await call(
      await signedRequest({
        ...options,
        target: 'AWSStepFunctions.CreateStateMachine',
        body: createBody('never'),
      }),
    );
    expect({ status, type: body.__type }).toEqual({ status: 403, type });
    expect(await db.workflow.count()).toBe(before);
  });

  it('says Signature expired for a replayed old request', async () => {
    const { body } = await call(await signedRequest({ at: new Date(Date.now() - 20 * 60_000) }));
    expect(body.message).toMatch(/^Signature expired/);
  });

  it('refuses unsigned calls, unknown and revoked keys', async () => {
    const unsigned = new Request(ENDPOINT + '/', {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines' },
      body: '{}',
    });
    expect(await call(unsigned)).toMatchObject({
      status: 403,
      body: { __type: 'MissingAuthenticationTokenException' },
    });
    const revoked = await createApiKey({ name: 'revoked' });
    await revokeApiKey({ id: revoked.id });
    await expect(sfnClient(revoked).send(new ListStateMachinesCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      sfnClient({ id: 'SOUNKNOWNUNKNOWNUNKNO', secret: 's' }).send(new ListStateMachinesCommand({})),
    ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
  });

  it('answers a missing or unknown target with UnknownOperationException (400), changing nothing', async () => {
    const before = await db.workflow.count();
    for (const target of [
      '',
      'AWSStepFunctions.LaunchRocket',
      'Other.CreateStateMachine',
      'AWSStepFunctions.toString',
    ]) {
      const { status, body } = await call(await signedRequest({ target, body: createBody('never2') }));
      expect({ status, type: body.__type }).toEqual({ status: 400, type: 'UnknownOperationException' });
    }
    expect(await db.workflow.count()).toBe(before);
  });

  it('answers a body that is not JSON or has the wrong shape with 400', async () => {
    const signer = await signedRequest({ body: { maxResults: 'ten' } });
    expect(await call(signer)).toMatchObject({ status: 400, body: { __type: 'ValidationException' } });
  });

  it('raises the typed SDK exception with AWS metadata', async () => {
    const error = await sfnClient(key, { systemClockOffset: -20 * 60_000 })
      .send(new ListStateMachinesCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SFNServiceException);
    expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  });
});
