/**
 * AWS's pattern for a person (or a program) in the loop, end to end: a state machine created
 * through the Step Functions API puts its task token on an SQS queue
 * (`sqs:sendMessage.waitForTaskToken`, moto's SQS on loopback); a consumer reads the message
 * with the AWS SDK and answers with SendTaskSuccess (or SendTaskFailure) through /api/sfn.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../engine';
import { startMoto, type Moto } from '../engine/testing/aws-servers';
import { newKeyAndClient } from './test-support';

let moto: Moto;
let sfn: SFNClient;
let sqs: SQSClient;
let queueUrl: string;
let engine: { stop(): Promise<void> };
let restoreEnv = () => {};

beforeAll(async () => {
  moto = await startMoto();
  restoreEnv = moto.useForSignoff(['sqs']);
  sqs = new SQSClient(moto.clientConfig);
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'approvals' }))).QueueUrl ?? '';
  sfn = (await newKeyAndClient('sqs-callback')).client;
  engine = startEngine({ pollMs: 50 });
});

afterAll(async () => {
  await engine?.stop();
  restoreEnv();
  await moto?.stop();
});

/** Waits for the next message on the queue, as a consumer's long poll would. */
/**
 * The next message asking about `amount`. SQS delivers at least once: a copy of an earlier
 * test's message (the SDK may send again after a lost answer) is deleted and passed over.
 */
async function nextMessage(amount: number) {
  for (let i = 0; i < 100; i++) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 }),
    );
    if (Messages?.[0]) {
      await sqs.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages[0].ReceiptHandle }),
      );
      const message = JSON.parse(Messages[0].Body ?? '{}') as {
        taskToken: string;
        request: { amount: number };
      };
      if (message.request?.amount === amount) return message;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no message arrived');
}

async function finalStatus(executionArn: string) {
  for (let i = 0; i < 200; i++) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the execution did not end');
}

describe('sqs:sendMessage.waitForTaskToken with the AWS SDK as the consumer', () => {
  let stateMachineArn: string;
  beforeAll(async () => {
    const definition = {
      StartAt: 'Ask for approval',
      States: {
        'Ask for approval': {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: {
            QueueUrl: queueUrl,
            MessageBody: { 'taskToken.$': '$$.Task.Token', 'request.$': '$' },
          },
          TimeoutSeconds: 60,
          Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.rejection', Next: 'Rejected' }],
          ResultPath: '$.decision',
          End: true,
        },
        Rejected: { Type: 'Fail', Error: 'Rejected', CausePath: '$.rejection.Cause' },
      },
    };
    stateMachineArn =
      (
        await sfn.send(
          new CreateStateMachineCommand({
            name: 'sqs-approval',
            definition: JSON.stringify(definition),
            roleArn: 'arn:aws:iam::000000000000:role/r',
          }),
        )
      ).stateMachineArn ?? '';
  });

  it('the token travels on the queue; SendTaskSuccess with it resumes the execution', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ amount: 1200 }) }),
    );
    const message = await nextMessage(1200);
    expect(message.request).toEqual({ amount: 1200 });
    expect(message.taskToken.length).toBeGreaterThan(20);
    await sfn.send(
      new SendTaskSuccessCommand({
        taskToken: message.taskToken,
        output: JSON.stringify({ approvedBy: 'ops' }),
      }),
    );
    const described = await finalStatus(executionArn ?? '');
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output ?? '{}')).toEqual({ amount: 1200, decision: { approvedBy: 'ops' } });
  });

  it('SendTaskFailure with the token fails the task with the consumer’s error, which Catch routes', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ amount: 99_000 }) }),
    );
    const message = await nextMessage(99_000);
    await sfn.send(
      new SendTaskFailureCommand({
        taskToken: message.taskToken,
        error: 'Rejected',
        cause: 'over the limit',
      }),
    );
    const described = await finalStatus(executionArn ?? '');
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('Rejected');
    expect(described.cause).toBe('over the limit');
  });
});
