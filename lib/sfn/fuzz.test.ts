/**
 * Property tests (issue 14, fuzzed inputs): every /api/sfn action through the real signed path
 * (a SigV4 signature over whatever bytes are sent) with hostile bodies: wrong types, huge
 * strings, 10,000-deep nesting, invalid UTF-8, out-of-range numbers, prototype-pollution keys.
 * Each answer is 200 or AWS's `{"__type","message"}` with 400, never a 500 or a stack trace; a
 * refusal writes no row; Object.prototype stays clean; each action still answers afterwards.
 */
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys';
import { runEngineUntilIdle } from '../executions/test-support';
import {
  expectNoLeak,
  expectPrototypesUntouched,
  good,
  hostileBody,
  hostileJsonTextField,
  hostileStateText,
  hostileString,
  prototypeSnapshot,
  rowCounts,
} from '../http/fuzz-support';
import { handleSfnRequest } from './handle-sfn-request';
import { ENDPOINT, callbackMachine, passMachine, toFetchRequest } from './test-support';

/** GetActivityTask must not hold a fuzz run for AWS's 60 s; rate limits have their own tests. */
process.env.SIGNOFF_SFN_ACTIVITY_POLL_SECONDS = '0';
process.env.SIGNOFF_API_RATE_PER_SECOND = '0';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const ARN = 'arn:aws:states:us-east-1:000000000000';
const smArn = (name: string) => `${ARN}:stateMachine:${name}`;
const execArn = (machine: string, name: string) => `${ARN}:execution:${machine}:${name}`;
const activityArn = (name: string) => `${ARN}:activity:${name}`;

let signer: SignatureV4;
const fx = { token: '', snapshot: '', mapRunArn: '' };

/** A fetch Request for /api/sfn whose SigV4 signature covers exactly `body` (bytes or text). */
async function signed(target: string | undefined, body: string | Uint8Array): Promise<Request> {
  const url = new URL(ENDPOINT);
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/x-amz-json-1.0' };
  if (target !== undefined) headers['x-amz-target'] = target;
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/api/sfn/',
    headers,
    body,
  });
  return toFetchRequest((await signer.sign(request)) as HttpRequest);
}

async function send(target: string | undefined, body: string | Uint8Array) {
  const response = await handleSfnRequest(await signed(target, body));
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  const key = await createApiKey({ name: 'sfn-fuzz' });
  signer = new SignatureV4({
    service: 'states',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
  });
  const ok = async (action: string, body: object) => {
    const { status, text } = await send(`AWSStepFunctions.${action}`, JSON.stringify(body));
    expect(status, text).toBe(200);
    return JSON.parse(text) as Record<string, unknown>;
  };
  await ok('CreateStateMachine', { name: 'fz-sm', definition: passMachine() });
  await ok('CreateStateMachine', { name: 'fz-cb', definition: callbackMachine() });
  await ok('CreateActivity', { name: 'fz-act' });
  await ok('StartExecution', { stateMachineArn: smArn('fz-cb'), name: 'fz-wait', input: '{"order":1}' });
  await runEngineUntilIdle();
  const { events } = await ok('GetExecutionHistory', { executionArn: execArn('fz-cb', 'fz-wait') });
  const scheduled = (events as { type: string; taskScheduledEventDetails?: { parameters: string } }[]).find(
    (e) => e.type === 'TaskScheduled',
  );
  fx.token = (JSON.parse(scheduled!.taskScheduledEventDetails!.parameters) as { token: string }).token;
  await ok('StartExecution', { stateMachineArn: smArn('fz-sm'), name: 'fz-run' });
  await ok('CreateStateMachine', { name: 'fz-express', definition: passMachine(), type: 'EXPRESS' });
  await ok('CreateStateMachineAlias', {
    name: 'fz-live',
    routingConfiguration: [{ stateMachineVersionArn: `${smArn('fz-sm')}:1`, weight: 100 }],
  });
  const distributed = {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'P',
          States: { P: { Type: 'Pass', End: true } },
        },
        End: true,
      },
    },
  };
  await ok('CreateStateMachine', { name: 'fz-dm', definition: JSON.stringify(distributed) });
  await ok('StartExecution', { stateMachineArn: smArn('fz-dm'), name: 'fz-dm-run', input: '[1,2,3]' });
  await runEngineUntilIdle();
  const { mapRuns } = await ok('ListMapRuns', { executionArn: execArn('fz-dm', 'fz-dm-run') });
  fx.mapRunArn = (mapRuns as { mapRunArn: string }[])[0].mapRunArn;
  fx.snapshot = prototypeSnapshot();
});

const stateMachine = () => good(smArn('fz-sm'), smArn('fz-sm') + ':1', smArn('fz-nope'));
const execution = () => good(execArn('fz-cb', 'fz-wait'), execArn('fz-sm', 'fz-run'));
const activity = () => good(activityArn('fz-act'));
const paging = { maxResults: good(0, 1, 1000), nextToken: good('eyJvIjoxfQ', 'x') };
const tags = good([{ key: 'k', value: 'v' }], []);
const definition = fc.oneof(
  good(passMachine(), callbackMachine(), '{"StartAt":"X","States":{}}'),
  hostileJsonTextField,
);
/** JSON text in a string field: good, or hostile text (deep, huge numbers, polluting keys). */
const jsonText = (...texts: string[]) => fc.oneof(good(...texts), hostileJsonTextField);
const state = JSON.stringify({ Type: 'Pass', Result: 1, End: true });

type Fields = () => Record<string, fc.Arbitrary<string>>;
interface ActionSpec {
  fields: Fields;
  /** a good call afterwards and what it must answer: 200, or that AWS error type */
  probe: () => [object, 200 | string];
}

const actions: Record<string, ActionSpec> = {
  CreateStateMachine: {
    fields: () => ({
      name: good('fz-sm', 'fz-sm2'),
      definition,
      roleArn: good('arn:aws:iam::000000000000:role/r'),
      type: good('STANDARD', 'EXPRESS'),
      tags,
      publish: good(true),
      versionDescription: good('d'),
    }),
    probe: () => [{ name: 'fz-sm', definition: callbackMachine() }, 'StateMachineAlreadyExists'],
  },
  UpdateStateMachine: {
    fields: () => ({
      stateMachineArn: stateMachine(),
      definition,
      roleArn: good('r'),
      publish: good(true, false),
      versionDescription: good('d'),
      loggingConfiguration: good({}),
      tracingConfiguration: good({ enabled: true }),
    }),
    probe: () => [{ stateMachineArn: smArn('fz-sm') }, 200],
  },
  DescribeStateMachine: {
    fields: () => ({ stateMachineArn: stateMachine(), includedData: good('ALL_DATA') }),
    probe: () => [{ stateMachineArn: smArn('fz-sm') }, 200],
  },
  ListStateMachines: { fields: () => paging, probe: () => [{}, 200] },
  DeleteStateMachine: {
    fields: () => ({ stateMachineArn: good(smArn('fz-gone'), smArn('fz-gone') + ':1') }),
    probe: () => [{ stateMachineArn: smArn('fz-gone') }, 200],
  },
  ValidateStateMachineDefinition: {
    fields: () => ({
      definition,
      type: good('STANDARD'),
      severity: good('ERROR', 'WARNING'),
      maxResults: good(0, 1),
    }),
    probe: () => [{ definition: passMachine() }, 200],
  },
  ListStateMachineVersions: {
    fields: () => ({ stateMachineArn: stateMachine(), ...paging }),
    probe: () => [{ stateMachineArn: smArn('fz-sm') }, 200],
  },
  StartExecution: {
    fields: () => ({
      stateMachineArn: stateMachine(),
      name: good('fz-x'),
      input: jsonText('{}', '{"a":1}'),
      traceHeader: good('t'),
    }),
    probe: () => [{ stateMachineArn: smArn('fz-sm'), name: 'fz-probe', input: '{}' }, 200],
  },
  DescribeExecution: {
    fields: () => ({ executionArn: execution(), includedData: good('METADATA_ONLY') }),
    probe: () => [{ executionArn: execArn('fz-cb', 'fz-wait') }, 200],
  },
  ListExecutions: {
    fields: () => ({
      stateMachineArn: stateMachine(),
      statusFilter: good('RUNNING'),
      mapRunArn: good('m'),
      redriveFilter: good('REDRIVEN'),
      ...paging,
    }),
    probe: () => [{ stateMachineArn: smArn('fz-sm') }, 200],
  },
  GetExecutionHistory: {
    fields: () => ({
      executionArn: execution(),
      reverseOrder: good(true),
      includeExecutionData: good(false),
      ...paging,
    }),
    probe: () => [{ executionArn: execArn('fz-cb', 'fz-wait') }, 200],
  },
  StopExecution: {
    fields: () => ({ executionArn: execution(), error: good('E'), cause: good('c') }),
    probe: () => [{ executionArn: execArn('fz-sm', 'fz-none') }, 'ExecutionDoesNotExist'],
  },
  RedriveExecution: {
    fields: () => ({ executionArn: execution(), clientToken: good('t') }),
    probe: () => [{ executionArn: execArn('fz-sm', 'fz-none') }, 'ExecutionDoesNotExist'],
  },
  DescribeStateMachineForExecution: {
    fields: () => ({ executionArn: execution(), includedData: good('ALL_DATA') }),
    probe: () => [{ executionArn: execArn('fz-cb', 'fz-wait') }, 200],
  },
  SendTaskSuccess: {
    fields: () => ({ taskToken: good(fx.token, 'unknown'), output: jsonText('{}', '{"a":1}') }),
    probe: () => [{ taskToken: 'unknown', output: '{}' }, 'InvalidToken'],
  },
  SendTaskFailure: {
    fields: () => ({ taskToken: good(fx.token, 'unknown'), error: good('E'), cause: good('c') }),
    probe: () => [{ taskToken: 'unknown' }, 'InvalidToken'],
  },
  SendTaskHeartbeat: {
    fields: () => ({ taskToken: good(fx.token, 'unknown') }),
    probe: () => [{ taskToken: 'unknown' }, 'InvalidToken'],
  },
  CreateActivity: {
    fields: () => ({ name: good('fz-act', 'fz-act2'), tags }),
    probe: () => [{ name: 'fz-act' }, 200],
  },
  DescribeActivity: {
    fields: () => ({ activityArn: activity() }),
    probe: () => [{ activityArn: activityArn('fz-act') }, 200],
  },
  ListActivities: { fields: () => paging, probe: () => [{}, 200] },
  DeleteActivity: {
    fields: () => ({ activityArn: good(activityArn('fz-gone')) }),
    probe: () => [{ activityArn: activityArn('fz-gone') }, 200],
  },
  GetActivityTask: {
    fields: () => ({ activityArn: activity(), workerName: good('w') }),
    probe: () => [{ activityArn: activityArn('fz-act') }, 200],
  },
  TestState: {
    fields: () => ({
      definition: fc.oneof(
        good(state, passMachine(), callbackMachine(), '{"Type":"Task","Resource":"x","End":true}'),
        hostileStateText.map((text) => JSON.stringify(text)),
        hostileJsonTextField,
      ),
      roleArn: good('r'),
      input: jsonText('{}', '{"order":1}'),
      inspectionLevel: good('DEBUG'),
      revealSecrets: good(true),
      variables: jsonText('{"v":1}'),
      stateName: fc.oneof(
        good('Only', 'Wait for callback'),
        hostileString.map((n) => JSON.stringify(n)),
      ),
      mock: fc.oneof(
        good({ result: '{}' }, { errorOutput: { error: 'E' } }),
        hostileJsonTextField.map((result) => `{"result":${result}}`),
      ),
    }),
    probe: () => [{ definition: state, input: '{}' }, 200],
  },
  TagResource: {
    fields: () => ({ resourceArn: good(smArn('fz-sm'), activityArn('fz-act')), tags }),
    probe: () => [{ resourceArn: smArn('fz-sm'), tags: [{ key: 'k', value: 'v' }] }, 200],
  },
  UntagResource: {
    fields: () => ({ resourceArn: good(smArn('fz-sm'), activityArn('fz-act')), tagKeys: good(['k'], []) }),
    probe: () => [{ resourceArn: smArn('fz-sm'), tagKeys: ['nope'] }, 200],
  },
  ListTagsForResource: {
    fields: () => ({ resourceArn: good(smArn('fz-sm'), activityArn('fz-act')) }),
    probe: () => [{ resourceArn: smArn('fz-sm') }, 200],
  },
  StartSyncExecution: {
    fields: () => ({
      stateMachineArn: good(
        smArn('fz-express'),
        smArn('fz-sm'),
        `${smArn('fz-sm')}:fz-live`,
        smArn('fz-nope'),
      ),
      name: good('fz-sync'),
      input: jsonText('{}', '{"a":1}'),
      traceHeader: good('t'),
      includedData: good('ALL_DATA', 'METADATA_ONLY'),
    }),
    probe: () => [{ stateMachineArn: smArn('fz-express') }, 200],
  },
  CreateStateMachineAlias: {
    fields: () => ({
      name: good('fz-live', 'fz-other', '123'),
      description: good('d'),
      routingConfiguration: good(
        [{ stateMachineVersionArn: `${smArn('fz-sm')}:1`, weight: 100 }],
        [{ stateMachineVersionArn: `${smArn('fz-sm')}:1`, weight: 60 }],
        [{ stateMachineVersionArn: `${smArn('fz-nope')}:1`, weight: 100 }],
      ),
    }),
    probe: () => [
      {
        name: 'fz-live',
        routingConfiguration: [{ stateMachineVersionArn: `${smArn('fz-sm')}:1`, weight: 100 }],
      },
      200,
    ],
  },
  DescribeStateMachineAlias: {
    fields: () => ({ stateMachineAliasArn: good(`${smArn('fz-sm')}:fz-live`, `${smArn('fz-sm')}:fz-none`) }),
    probe: () => [{ stateMachineAliasArn: `${smArn('fz-sm')}:fz-live` }, 200],
  },
  UpdateStateMachineAlias: {
    fields: () => ({
      stateMachineAliasArn: good(`${smArn('fz-sm')}:fz-live`, `${smArn('fz-sm')}:fz-none`),
      description: good('d'),
      routingConfiguration: good([{ stateMachineVersionArn: `${smArn('fz-sm')}:1`, weight: 100 }]),
    }),
    probe: () => [{ stateMachineAliasArn: `${smArn('fz-sm')}:fz-live`, description: 'after' }, 200],
  },
  DeleteStateMachineAlias: {
    fields: () => ({ stateMachineAliasArn: good(`${smArn('fz-sm')}:fz-gone`) }),
    probe: () => [{ stateMachineAliasArn: `${smArn('fz-sm')}:fz-gone` }, 200],
  },
  ListStateMachineAliases: {
    fields: () => ({ stateMachineArn: stateMachine(), ...paging }),
    probe: () => [{ stateMachineArn: smArn('fz-sm') }, 200],
  },
  DeleteStateMachineVersion: {
    fields: () => ({ stateMachineVersionArn: good(`${smArn('fz-sm')}:1`, `${smArn('fz-sm')}:99`) }),
    // version 1 is where the alias routes
    probe: () => [{ stateMachineVersionArn: `${smArn('fz-sm')}:1` }, 'ConflictException'],
  },
  ListMapRuns: {
    fields: () => ({
      executionArn: good(execArn('fz-dm', 'fz-dm-run'), execArn('fz-sm', 'fz-run')),
      ...paging,
    }),
    probe: () => [{ executionArn: execArn('fz-dm', 'fz-dm-run') }, 200],
  },
  DescribeMapRun: {
    fields: () => ({ mapRunArn: good(fx.mapRunArn, `${ARN}:mapRun:fz-dm/Each:nope`) }),
    probe: () => [{ mapRunArn: fx.mapRunArn }, 200],
  },
  UpdateMapRun: {
    fields: () => ({
      mapRunArn: good(fx.mapRunArn),
      maxConcurrency: good(1, 5),
      toleratedFailurePercentage: good(10),
      toleratedFailureCount: good(1),
    }),
    // the run has ended: it cannot change
    probe: () => [{ mapRunArn: fx.mapRunArn, maxConcurrency: 2 }, 'ConflictException'],
  },
};

/** A body that starts with a UTF-8 BOM is not JSON to /api/sfn: 400 SerializationException, never a signature error. */
const startsWithBom = (body: string | Uint8Array) =>
  typeof body === 'string'
    ? body.startsWith('\ufeff')
    : body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;

/** The promises of every answer; `before` is the row counts before the call. */
async function checkAnswer(
  answer: { status: number; text: string },
  before: Record<string, number>,
  sent: string | Uint8Array,
) {
  expectNoLeak(answer.text);
  expect(startsWithBom(sent) ? [400] : [200, 400], answer.text.slice(0, 500)).toContain(answer.status);
  const body = JSON.parse(answer.text) as { __type?: unknown; message?: unknown };
  if (answer.status !== 200) {
    expect(typeof body.__type).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(await rowCounts()).toEqual(before);
  }
  expectPrototypesUntouched(fx.snapshot);
}

describe('/api/sfn under fuzzed, correctly signed input', () => {
  for (const [name, spec] of Object.entries(actions)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(hostileBody(spec.fields()), async (body) => {
          const before = await rowCounts();
          await checkAnswer(await send(`AWSStepFunctions.${name}`, body), before, body);
        }),
        { numRuns: RUNS },
      );
      const [body, expected] = spec.probe();
      const { status, text } = await send(`AWSStepFunctions.${name}`, JSON.stringify(body));
      if (expected === 200) expect(status, text).toBe(200);
      else
        expect({ status, type: (JSON.parse(text) as { __type: string }).__type }).toEqual({
          status: 400,
          type: expected,
        });
    });
  }

  it('answers unknown and hostile targets with UnknownOperationException, writing nothing', async () => {
    const target = fc.oneof(
      hostileString.map((s) => `AWSStepFunctions.${s}`),
      hostileString,
      fc.constantFrom('AWSStepFunctions.__proto__', 'AWSStepFunctions.constructor', 'AWSStepFunctions.'),
    );
    const printable = target.map((t) => t.replace(/[^\x21-\x7e]/g, '?'));
    await fc.assert(
      fc.asyncProperty(printable, hostileBody({ name: good('fz-never') }), async (t, body) => {
        const before = await rowCounts();
        const answer = await send(t, body);
        await checkAnswer(answer, before, body);
        if (!startsWithBom(body)) expect(answer.status).toBe(400);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers a correctly signed body that is not UTF-8 with 400 SerializationException', async () => {
    const body = Uint8Array.from([...new TextEncoder().encode('{"name":"'), 0xc0, 0x80, 0x22, 0x7d]);
    const before = await rowCounts();
    const { status, text } = await send('AWSStepFunctions.CreateActivity', body);
    expect({ status, type: (JSON.parse(text) as { __type: string }).__type }).toEqual({
      status: 400,
      type: 'SerializationException',
    });
    expect(await rowCounts()).toEqual(before);
  });

  // read-body.ts keeps a leading BOM as text (ignoreBOM), so the signature is checked over the
  // bytes as sent and the body is then refused as what it is: not JSON.
  it('answers a correctly signed body that starts with a BOM with 400, not a signature error', async () => {
    const { status, text } = await send('AWSStepFunctions.ListActivities', '\ufeff{}');
    expect({ status, type: (JSON.parse(text) as { __type: string }).__type }).toEqual({
      status: 400,
      type: 'SerializationException',
    });
  });
});
