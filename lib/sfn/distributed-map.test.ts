/**
 * A Distributed Map through the AWS SDK against /api/sfn, with moto's S3 on loopback: a
 * 10,000-line CSV object read in batches of 1,000 (each batch a child execution of the map
 * run), the results written to S3 with AWS's manifest, then ListMapRuns, DescribeMapRun and
 * ListExecutions by map run.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../engine';
import { startMoto, type Moto } from '../engine/testing/aws-servers';
import { newKeyAndClient } from './test-support';

let moto: Moto;
let s3: S3Client;
let sfn: SFNClient;
let engine: { stop(): Promise<void> };
let restoreEnv = () => {};

beforeAll(async () => {
  moto = await startMoto();
  restoreEnv = moto.useForSignoff(['s3']);
  s3 = new S3Client(moto.clientConfig);
  await s3.send(new CreateBucketCommand({ Bucket: 'sales' }));
  const rows = Array.from({ length: 10_000 }, (_, i) => `${i},${(i % 7) + 1}`);
  await s3.send(
    new PutObjectCommand({ Bucket: 'sales', Key: 'day.csv', Body: `sku,qty\n${rows.join('\n')}\n` }),
  );
  sfn = (await newKeyAndClient('distributed-map')).client;
  engine = startEngine({ pollMs: 50 });
});

afterAll(async () => {
  await engine?.stop();
  restoreEnv();
  await moto?.stop();
});

const definition = {
  StartAt: 'Batches',
  States: {
    Batches: {
      Type: 'Map',
      Label: 'sales',
      MaxConcurrency: 4,
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Parameters: { Bucket: 'sales', 'Key.$': '$.key' },
      },
      ItemBatcher: { MaxItemsPerBatch: 1000, BatchInput: { 'day.$': '$.key' } },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Count',
        States: {
          Count: {
            Type: 'Pass',
            Parameters: {
              'items.$': 'States.ArrayLength($.Items)',
              'first.$': '$.Items[0].sku',
              'day.$': '$.BatchInput.day',
            },
            End: true,
          },
        },
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'sales', Prefix: 'results' },
      },
      End: true,
    },
  },
};

async function finished(executionArn: string) {
  for (let i = 0; i < 600; i++) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the execution did not end');
}

async function s3Json(key: string): Promise<unknown> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'sales', Key: key }));
  return JSON.parse((await object.Body?.transformToString()) ?? 'null');
}

describe('Distributed Map through the Step Functions protocol', () => {
  it('reads 10,000 CSV rows in 10 child executions, writes the results to S3, and reports its map run', async () => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'daily-sales',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/r',
      }),
    );
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ key: 'day.csv' }) }),
    );
    const described = await finished(executionArn ?? '');
    expect(described.status).toBe('SUCCEEDED');
    const output = JSON.parse(described.output ?? '{}') as {
      MapRunArn: string;
      ResultWriterDetails: { Bucket: string; Key: string };
    };
    expect(output.ResultWriterDetails.Bucket).toBe('sales');
    expect(output.ResultWriterDetails.Key).toMatch(/^results\/[0-9a-f-]+\/manifest\.json$/);

    const manifest = (await s3Json(output.ResultWriterDetails.Key)) as {
      ResultFiles: { SUCCEEDED: { Key: string }[]; FAILED: unknown[] };
    };
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    const succeeded = (await s3Json(manifest.ResultFiles.SUCCEEDED[0].Key)) as {
      Index: number;
      Output: object;
    }[];
    expect(succeeded).toHaveLength(10);
    expect(succeeded.map((r) => r.Output)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ items: 1000, first: String(i * 1000), day: 'day.csv' })),
    );

    const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
    expect(mapRuns).toHaveLength(1);
    const mapRunArn = mapRuns?.[0].mapRunArn ?? '';
    expect(mapRunArn).toContain(':mapRun:daily-sales/sales:');
    const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      maxConcurrency: 4,
      itemCounts: { total: 10, succeeded: 10, failed: 0, pending: 0, running: 0 },
    });
    const children = await sfn.send(new ListExecutionsCommand({ mapRunArn }));
    expect(children.executions).toHaveLength(10);
    expect(children.executions?.every((e) => e.status === 'SUCCEEDED')).toBe(true);
    const childHistory = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: children.executions?.[0].executionArn }),
    );
    expect(childHistory.events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    // the parent lists no child executions of its own
    const top = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(top.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events?.map((e) => e.type)).toEqual(
      expect.arrayContaining(['MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded']),
    );
  });
});
