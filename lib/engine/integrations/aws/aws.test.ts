/**
 * The AWS integrations against real AWS APIs on loopback: moto's server for SQS, SNS, DynamoDB,
 * EventBridge, ECS, Glue and Athena, and a Lambda-Invoke-compatible server for Lambda. Each
 * service: a result of AWS's shape, a service error caught by name, and `.sync` where it has it.
 */
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateClusterCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateJobCommand, GlueClient } from '@aws-sdk/client-glue';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition, JsonValue } from '../../../asl';
import { db } from '../../../db/client';
import { startLambdaServer, startMoto, type LambdaServer, type Moto } from '../../testing/aws-servers';
import { getExecution, getHistory, runUntilIdle, startTestExecution } from '../../testing/harness';
import { useTestClock } from '../../testing/test-clock';
import { completeTaskToken } from '../../tokens/complete-task-token';
import { retryTransaction } from '../../tx-retry';

let moto: Moto;
let lambda: LambdaServer;
let restoreEnv = () => {};

class CustomError extends Error {
  name = 'CustomError';
}

beforeAll(async () => {
  [moto, lambda] = await Promise.all([
    startMoto(),
    startLambdaServer({
      greet: (event) => ({ greeting: `hello ${(event as { name?: string }).name ?? 'nobody'}` }),
      boom: () => {
        throw new CustomError('the function failed');
      },
    }),
  ]);
  restoreEnv = moto.useForSignoff();
  process.env.SIGNOFF_AWS_ENDPOINT_LAMBDA = lambda.endpoint;
});

afterAll(async () => {
  restoreEnv();
  await Promise.all([moto?.stop(), lambda?.stop()]);
});

const config = () => moto.clientConfig;

async function run(definition: Definition, input: JsonValue = {}) {
  const id = await startTestExecution({ definition, input });
  await runUntilIdle();
  return getExecution(id);
}

const task = (
  resource: string,
  parameters: Record<string, JsonValue>,
  extra: Record<string, JsonValue> = {},
) =>
  ({
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: resource, Parameters: parameters, End: true, ...extra },
    },
  }) as Definition;

/** A task whose errors named in `errors` are caught into `$.caught`. */
const caught = (resource: string, parameters: Record<string, JsonValue>, errors: string[]) =>
  ({
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: resource,
        Parameters: parameters,
        Catch: [{ ErrorEquals: errors, ResultPath: '$.caught', Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', End: true },
    },
  }) as Definition;

describe('SQS', () => {
  it('sqs:sendMessage sends the body as JSON text and answers with MessageId, MD5 and AWS metadata', async () => {
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'orders' }));
    const execution = await run(
      task('arn:aws:states:::sqs:sendMessage', { QueueUrl: QueueUrl ?? '', 'MessageBody.$': '$.order' }),
      { order: { id: 7, total: 1200 } },
    );
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      MessageId: expect.any(String),
      MD5OfMessageBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: expect.any(String) },
    });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(received.Messages?.map((m) => JSON.parse(m.Body ?? 'null'))).toEqual([{ id: 7, total: 1200 }]);
  });

  it('a queue that does not exist fails with SQS.QueueDoesNotExistException, which Catch routes', async () => {
    const queueUrl = `${moto.endpoint}/123456789012/no-such-queue`;
    const execution = await run(
      caught('arn:aws:states:::sqs:sendMessage', { QueueUrl: queueUrl, MessageBody: 'x' }, [
        'SQS.QueueDoesNotExistException',
      ]),
    );
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      caught: { Error: 'SQS.QueueDoesNotExistException', Cause: expect.stringContaining('Status Code: 400') },
    });
  });

  it('Retry runs the call again: a queue created between attempts receives the message', async () => {
    const clock = useTestClock(Date.now());
    try {
      const sqs = new SQSClient(config());
      const queueUrl = `${moto.endpoint}/123456789012/late-queue`;
      const id = await startTestExecution({
        definition: task(
          'arn:aws:states:::sqs:sendMessage',
          { QueueUrl: queueUrl, MessageBody: 'second time lucky' },
          {
            Retry: [{ ErrorEquals: ['SQS.QueueDoesNotExistException'], IntervalSeconds: 5, MaxAttempts: 2 }],
          },
        ),
      });
      await runUntilIdle();
      expect((await getExecution(id)).status).toBe('RUNNING'); // waiting for its retry
      await sqs.send(new CreateQueueCommand({ QueueName: 'late-queue' }));
      clock.advance(5_000);
      await runUntilIdle();
      const execution = await getExecution(id);
      expect(execution.status).toBe('SUCCEEDED');
      const types = (await getHistory(id)).map((e) => e.type);
      expect(types.filter((t) => t === 'TaskFailed')).toHaveLength(1);
      expect(types.filter((t) => t === 'TaskSucceeded')).toHaveLength(1);
      const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
      expect(received.Messages?.[0]?.Body).toBe('second time lucky');
    } finally {
      clock.restore();
    }
  });
});

describe('SNS and EventBridge', () => {
  it('sns:publish delivers the message (an SQS subscriber receives it) and answers with MessageId', async () => {
    const sns = new SNSClient(config());
    const sqs = new SQSClient(config());
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'approvals' }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'approvals-inbox' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: Attributes?.QueueArn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
    const execution = await run(
      task('arn:aws:states:::sns:publish', { TopicArn: TopicArn ?? '', Message: { approved: true } }),
    );
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      MessageId: expect.any(String),
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(JSON.parse(received.Messages?.[0]?.Body ?? 'null')).toEqual({ approved: true });
  });

  it('an unreachable endpoint fails with SNS.SdkClientException', async () => {
    process.env.SIGNOFF_AWS_ENDPOINT_SNS = 'http://127.0.0.1:9';
    try {
      const execution = await run(
        caught(
          'arn:aws:states:::sns:publish',
          { TopicArn: 'arn:aws:sns:us-east-1:123456789012:x', Message: 'hi' },
          ['SNS.SdkClientException'],
        ),
      );
      expect(execution.output).toMatchObject({ caught: { Error: 'SNS.SdkClientException' } });
    } finally {
      delete process.env.SIGNOFF_AWS_ENDPOINT_SNS;
    }
  });

  it('no usable credentials fail with <Service>.SdkClientException, before any request is sent', async () => {
    const keep = { ...process.env };
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
      delete process.env[name];
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-3', // a region no client was made for yet: a fresh credential chain
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
    });
    try {
      const execution = await run(
        caught('arn:aws:states:::dynamodb:getItem', { TableName: 't', Key: { id: { S: '1' } } }, [
          'DynamoDB.SdkClientException',
        ]),
      );
      expect(execution.output).toMatchObject({
        caught: { Error: 'DynamoDB.SdkClientException', Cause: expect.stringMatching(/credential/i) },
      });
    } finally {
      process.env = keep;
    }
  });

  it('events:putEvents sends Detail as JSON text; a rule routes the event to a queue', async () => {
    const events = new EventBridgeClient(config());
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'events-inbox' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await events.send(
      new PutRuleCommand({ Name: 'decisions', EventPattern: JSON.stringify({ source: ['signoff'] }) }),
    );
    await events.send(
      new PutTargetsCommand({ Rule: 'decisions', Targets: [{ Id: 'q', Arn: Attributes?.QueueArn }] }),
    );
    const execution = await run(
      task('arn:aws:states:::events:putEvents', {
        Entries: [{ Source: 'signoff', DetailType: 'Decision', 'Detail.$': '$' }],
      }),
      { decision: 'approve' },
    );
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      FailedEntryCount: 0,
      Entries: [{ EventId: expect.any(String) }],
    });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(JSON.parse(received.Messages?.[0]?.Body ?? '{}')).toMatchObject({
      source: 'signoff',
      'detail-type': 'Decision',
      detail: { decision: 'approve' },
    });
  });
});

describe('DynamoDB', () => {
  it('putItem, getItem, updateItem and deleteItem with AWS shapes; a failed condition is caught by name', async () => {
    const dynamo = new DynamoDBClient(config());
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'requests',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const key = { id: { S: 'r-1' } };
    const execution = await run({
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'requests', Item: { id: { S: 'r-1' }, amount: { N: '1200' } } },
          ResultPath: null,
          Next: 'Update',
        },
        Update: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Parameters: {
            TableName: 'requests',
            Key: key,
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: 'approved' } },
            ReturnValues: 'ALL_NEW',
          },
          ResultSelector: { 'status.$': '$.Attributes.status.S' },
          ResultPath: '$.updated',
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'requests', Key: key },
          ResultSelector: { 'amount.$': '$.Item.amount.N' },
          ResultPath: '$.got',
          Next: 'Put again',
        },
        'Put again': {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'requests', Item: key, ConditionExpression: 'attribute_not_exists(id)' },
          Catch: [
            {
              ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'],
              ResultPath: '$.conflict',
              Next: 'Delete',
            },
          ],
          Next: 'Delete',
        },
        Delete: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:deleteItem',
          Parameters: { TableName: 'requests', Key: key },
          ResultPath: null,
          End: true,
        },
      },
    });
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      updated: { status: 'approved' },
      got: { amount: '1200' },
      conflict: { Error: 'DynamoDB.ConditionalCheckFailedException' },
    });
    expect((await dynamo.send(new GetItemCommand({ TableName: 'requests', Key: key }))).Item).toBeUndefined();
  });

  it('aws-sdk:dynamodb:describeTable answers the plain API result; a missing table is DynamoDb.ResourceNotFoundException', async () => {
    const ok = await run(task('arn:aws:states:::aws-sdk:dynamodb:describeTable', { TableName: 'requests' }));
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.output).toMatchObject({ Table: { TableName: 'requests', TableStatus: 'ACTIVE' } });
    expect(ok.output).not.toHaveProperty('SdkHttpMetadata');
    expect(typeof (ok.output as { Table: { CreationDateTime: unknown } }).Table.CreationDateTime).toBe(
      'number',
    );
    const missing = await run(
      caught('arn:aws:states:::aws-sdk:dynamodb:describeTable', { TableName: 'nope' }, [
        'DynamoDb.ResourceNotFoundException',
      ]),
    );
    expect(missing.output).toMatchObject({ caught: { Error: 'DynamoDb.ResourceNotFoundException' } });
  });
});

describe('Lambda', () => {
  it('lambda:invoke answers Payload, StatusCode and metadata; the function ARN form answers the payload itself', async () => {
    const wrapped = await run(
      task('arn:aws:states:::lambda:invoke', { FunctionName: 'greet', 'Payload.$': '$' }),
      { name: 'ada' },
    );
    expect(wrapped.output).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { greeting: 'hello ada' },
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
    const bare = await run(
      {
        StartAt: 'Greet',
        States: {
          Greet: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:123456789012:function:greet',
            End: true,
          },
        },
      },
      { name: 'grace' },
    );
    expect(bare.output).toEqual({ greeting: 'hello grace' });
    expect(lambda.calls.map((c) => c.payload)).toEqual([{ name: 'ada' }, { name: 'grace' }]);
  });

  it("a function's error is its errorType; a missing function is Lambda.ResourceNotFoundException", async () => {
    const thrown = await run(
      caught('arn:aws:states:::lambda:invoke', { FunctionName: 'boom', Payload: {} }, ['CustomError']),
    );
    expect(thrown.output).toMatchObject({ caught: { Error: 'CustomError' } });
    const cause = JSON.parse((thrown.output as { caught: { Cause: string } }).caught.Cause) as object;
    expect(cause).toMatchObject({ errorType: 'CustomError', errorMessage: 'the function failed' });
    const missing = await run(
      caught('arn:aws:states:::lambda:invoke', { FunctionName: 'nobody', Payload: {} }, [
        'Lambda.ResourceNotFoundException',
      ]),
    );
    expect(missing.output).toMatchObject({ caught: { Error: 'Lambda.ResourceNotFoundException' } });
  });
});

describe('every service: its error retried by Retry, then caught by name', () => {
  const cases: [string, string, Record<string, JsonValue>, string][] = [
    [
      'SNS',
      'arn:aws:states:::sns:publish',
      { TopicArn: 'arn:aws:sns:us-east-1:123456789012:none', Message: 'x' },
      'SNS.NotFoundException',
    ],
    [
      'DynamoDB',
      'arn:aws:states:::dynamodb:getItem',
      { TableName: 'none', Key: { id: { S: '1' } } },
      'DynamoDB.ResourceNotFoundException',
    ],
    [
      'Lambda',
      'arn:aws:states:::lambda:invoke',
      { FunctionName: 'none', Payload: {} },
      'Lambda.ResourceNotFoundException',
    ],
    ['Glue', 'arn:aws:states:::glue:startJobRun.sync', { JobName: 'none' }, 'Glue.EntityNotFoundException'],
    [
      'EventBridge',
      'arn:aws:states:::events:putEvents',
      { Entries: [{ Source: 's', DetailType: 'd', Detail: {}, EventBusName: 'no-such-bus' }] },
      'EventBridge.ResourceNotFoundException',
    ],
    [
      'ECS',
      'arn:aws:states:::ecs:runTask.sync',
      { Cluster: 'none', TaskDefinition: 'none' },
      'ECS.ClusterNotFoundException',
    ],
  ];
  it.each(cases)(
    '%s: %s fails with %s on each of 2 attempts',
    async (_service, resource, parameters, error) => {
      const clock = useTestClock(Date.now());
      try {
        const id = await startTestExecution({
          definition: {
            StartAt: 'Call',
            States: {
              Call: {
                Type: 'Task',
                Resource: resource,
                Parameters: parameters,
                Retry: [{ ErrorEquals: [error], IntervalSeconds: 1, MaxAttempts: 1 }],
                Catch: [{ ErrorEquals: [error], ResultPath: '$.caught', Next: 'Caught' }],
                End: true,
              },
              Caught: { Type: 'Pass', End: true },
            },
          } as Definition,
        });
        await runUntilIdle();
        clock.advance(1_000);
        await runUntilIdle();
        const execution = await getExecution(id);
        expect(execution.status).toBe('SUCCEEDED');
        expect(execution.output).toMatchObject({ caught: { Error: error } });
        const failed = (await getHistory(id)).filter((e) => e.type === 'TaskFailed');
        expect(failed).toHaveLength(2);
      } finally {
        clock.restore();
      }
    },
  );

  it('lambda:invoke.waitForTaskToken invokes the function with the token, then waits for it', async () => {
    const id = await startTestExecution({
      definition: task('arn:aws:states:::lambda:invoke.waitForTaskToken', {
        FunctionName: 'greet',
        InvocationType: 'Event',
        Payload: { name: 'token holder', 'token.$': '$$.Task.Token' },
      }),
    });
    await runUntilIdle();
    expect((await getExecution(id)).status).toBe('RUNNING');
    const call = lambda.calls.find((c) => (c.payload as { name?: string }).name === 'token holder');
    expect(call?.invocationType).toBe('Event');
    const token = (call?.payload as { token: string }).token;
    const stored = await db.taskToken.findFirstOrThrow({ where: { executionId: id } });
    expect(stored.input).toBeNull(); // the raw token is not kept once the call went out
    await retryTransaction((tx) =>
      completeTaskToken(tx, { token, outcome: { type: 'success', output: { done: true } } }),
    );
    await runUntilIdle();
    const execution = await getExecution(id);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ done: true });
  });
});

describe('.sync jobs are polled from durable timers', () => {
  it('ecs:runTask.sync waits, poll by poll, for the task to stop and answers its description', async () => {
    const clock = useTestClock(Date.now());
    try {
      const ecs = new ECSClient(config());
      await ecs.send(new CreateClusterCommand({ clusterName: 'jobs' }));
      await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'report',
          containerDefinitions: [{ name: 'report', image: 'busybox', memory: 128 }],
        }),
      );
      const id = await startTestExecution({
        definition: task('arn:aws:states:::ecs:runTask.sync', {
          Cluster: 'jobs',
          TaskDefinition: 'report',
          LaunchType: 'FARGATE',
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } },
        }),
      });
      let polls = 0;
      for (; polls < 20; polls++) {
        await runUntilIdle();
        if ((await getExecution(id)).status !== 'RUNNING') break;
        const waiting = await db.taskToken.findFirstOrThrow({ where: { executionId: id } });
        expect(waiting.kind).toBe('sync-wait'); // no promise held: the job rests as a row and a timer
        clock.advance(5_000);
      }
      const execution = await getExecution(id);
      expect(execution.status).toBe('SUCCEEDED');
      expect(execution.output).toMatchObject({
        LastStatus: 'STOPPED',
        TaskArn: expect.stringContaining(':task/jobs/'),
      });
      expect(polls).toBeGreaterThan(1);
      const timers = await db.timer.count({ where: { executionId: id, purpose: 'TaskPoll' } });
      expect(timers).toBe(polls);
    } finally {
      clock.restore();
    }
  });

  it('glue:startJobRun.sync answers the finished run; athena:startQueryExecution.sync the query, then getQueryResults', async () => {
    const clock = useTestClock(Date.now());
    try {
      await new GlueClient(config()).send(
        new CreateJobCommand({
          Name: 'nightly',
          Role: 'role',
          Command: { Name: 'glueetl', ScriptLocation: 's3://b/s.py' },
        }),
      );
      const id = await startTestExecution({
        definition: {
          StartAt: 'Glue',
          States: {
            Glue: {
              Type: 'Task',
              Resource: 'arn:aws:states:::glue:startJobRun.sync',
              Parameters: { JobName: 'nightly' },
              ResultSelector: { 'state.$': '$.JobRunState', 'job.$': '$.JobName' },
              ResultPath: '$.glue',
              Next: 'Query',
            },
            Query: {
              Type: 'Task',
              Resource: 'arn:aws:states:::athena:startQueryExecution.sync',
              Parameters: { QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://b/out/' } },
              ResultSelector: {
                'id.$': '$.QueryExecution.QueryExecutionId',
                'state.$': '$.QueryExecution.Status.State',
              },
              ResultPath: '$.query',
              Next: 'Results',
            },
            Results: {
              Type: 'Task',
              Resource: 'arn:aws:states:::athena:getQueryResults',
              Parameters: { 'QueryExecutionId.$': '$.query.id' },
              ResultSelector: { 'rows.$': '$.ResultSet.Rows' },
              ResultPath: '$.results',
              End: true,
            },
          },
        },
      });
      for (let i = 0; i < 10 && (await getExecution(id)).status === 'RUNNING'; i++) {
        await runUntilIdle();
        clock.advance(5_000);
      }
      const execution = await getExecution(id);
      expect(execution.status).toBe('SUCCEEDED');
      expect(execution.output).toMatchObject({
        glue: { state: 'SUCCEEDED', job: 'nightly' },
        query: { state: 'SUCCEEDED' },
        results: { rows: [] },
      });
    } finally {
      clock.restore();
    }
  });

  it('.sync on an action that has no job to poll fails with States.Runtime, saying which do', async () => {
    const execution = await run(
      task('arn:aws:states:::sqs:sendMessage.sync', { QueueUrl: 'x', MessageBody: 'y' }),
    );
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.Runtime');
    expect(execution.cause).toContain('ecs:runTask');
  });
});

describe('Distributed Map reads its items from S3', () => {
  it('a 10,000-line CSV object in batches of 1,000, and a bucket listing', async () => {
    const s3 = new S3Client(config());
    await s3.send(new CreateBucketCommand({ Bucket: 'orders' }));
    const lines = ['id,amount', ...Array.from({ length: 10_000 }, (_, i) => `${i},${i % 100}`)];
    await s3.send(new PutObjectCommand({ Bucket: 'orders', Key: 'all.csv', Body: `${lines.join('\n')}\n` }));
    await s3.send(new PutObjectCommand({ Bucket: 'orders', Key: 'more.jsonl', Body: '{"a":1}\n{"a":2}\n' }));
    const execution = await run(
      {
        StartAt: 'Batches',
        States: {
          Batches: {
            Type: 'Map',
            Label: 'orders',
            ItemReader: {
              Resource: 'arn:aws:states:::s3:getObject',
              ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
              Parameters: { Bucket: 'orders', 'Key.$': '$.key' },
            },
            ItemBatcher: { MaxItemsPerBatch: 1000, BatchInput: { source: 'all.csv' } },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Count',
              States: {
                Count: {
                  Type: 'Pass',
                  Parameters: {
                    'count.$': 'States.ArrayLength($.Items)',
                    'first.$': '$.Items[0].id',
                    'source.$': '$.BatchInput.source',
                  },
                  End: true,
                },
              },
            },
            ResultPath: '$.batches',
            Next: 'Listing',
          },
          Listing: {
            Type: 'Map',
            ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'orders' } },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Key',
              States: {
                Key: { Type: 'Pass', Parameters: { 'key.$': '$.Key', 'size.$': '$.Size' }, End: true },
              },
            },
            ResultPath: '$.objects',
            End: true,
          },
        },
      },
      { key: 'all.csv' },
    );
    expect(execution.status).toBe('SUCCEEDED');
    const output = execution.output as {
      batches: { count: number; first: string; source: string }[];
      objects: { key: string }[];
    };
    expect(output.batches).toHaveLength(10);
    expect(output.batches.map((b) => b.count)).toEqual(Array(10).fill(1000));
    expect(output.batches.map((b) => b.first)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i * 1000)),
    );
    expect(output.batches.every((b) => b.source === 'all.csv')).toBe(true);
    expect(output.objects.map((o) => o.key)).toEqual(['all.csv', 'more.jsonl']);
  });

  it('an object that does not exist fails the Map with States.ItemReaderFailed', async () => {
    const execution = await run({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'JSON' },
            Parameters: { Bucket: 'orders', Key: 'missing.json' },
          },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          Catch: [{ ErrorEquals: ['States.ItemReaderFailed'], ResultPath: '$.failed', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    } as Definition);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject({
      failed: { Error: 'States.ItemReaderFailed', Cause: expect.stringContaining('S3.NoSuchKeyException') },
    });
  });
});

describe('services without a client', () => {
  it('an AWS service with no client installed fails when it runs, with a clear cause', async () => {
    const execution = await run(task('arn:aws:states:::batch:submitJob', { JobName: 'x' }));
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.Runtime');
    expect(execution.cause).toContain("'batch'");
  });
});
