/**
 * Aliases and version routing through the real SFNClient: an alias splitting 80/20 over two
 * versions routes 100 starts in proportion and each execution records its version and alias;
 * updating the alias moves new starts; a version an alias routes to cannot be deleted, one it
 * does not route to can, and is then gone from lists and starts.
 */
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  ListStateMachineAliasesCommand,
  ListStateMachineVersionsCommand,
  StartExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { newKeyAndClient, passMachine } from './test-support';

let client: SFNClient;
let machineArn: string;
let v1: string;
let v2: string;

beforeAll(async () => {
  client = (await newKeyAndClient('aliases')).client;
  const created = await client.send(
    new CreateStateMachineCommand({
      name: 'pricing',
      definition: passMachine('v1'),
      roleArn: 'arn:aws:iam::000000000000:role/r',
      publish: true,
    }),
  );
  machineArn = created.stateMachineArn ?? '';
  v1 = created.stateMachineVersionArn ?? '';
  v2 =
    (
      await client.send(
        new UpdateStateMachineCommand({
          stateMachineArn: machineArn,
          definition: passMachine('v2'),
          publish: true,
        }),
      )
    ).stateMachineVersionArn ?? '';
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: Error) => error);

async function versionsRun(executionArns: string[]) {
  const names = executionArns.map((arn) => arn.split(':').pop() as string);
  const rows = await db.execution.findMany({
    where: { name: { in: names } },
    select: { workflowVersion: { select: { version: true } }, aliasName: true },
  });
  return rows;
}

describe('state machine aliases', () => {
  it('an 80/20 alias routes 100 starts over both versions in proportion, each recording its version', async () => {
    const { stateMachineAliasArn } = await client.send(
      new CreateStateMachineAliasCommand({
        name: 'live',
        description: 'canary',
        routingConfiguration: [
          { stateMachineVersionArn: v1, weight: 80 },
          { stateMachineVersionArn: v2, weight: 20 },
        ],
      }),
    );
    expect(stateMachineAliasArn).toBe(`${machineArn}:live`);
    const described = await client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
    expect(described).toMatchObject({
      name: 'live',
      description: 'canary',
      routingConfiguration: [
        { stateMachineVersionArn: v1, weight: 80 },
        { stateMachineVersionArn: v2, weight: 20 },
      ],
    });
    const arns: string[] = [];
    for (let i = 0; i < 100; i++)
      arns.push(
        (await client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn })))
          .executionArn ?? '',
      );
    const rows = await versionsRun(arns);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.aliasName === 'live')).toBe(true);
    const first = rows.filter((r) => r.workflowVersion.version === 1).length;
    // Binomial(100, 0.8): 65–94 holds with probability above 99.99 %.
    expect(first).toBeGreaterThanOrEqual(65);
    expect(first).toBeLessThanOrEqual(94);
    expect(rows.filter((r) => r.workflowVersion.version === 2).length).toBe(100 - first);
    const one = await client.send(new DescribeExecutionCommand({ executionArn: arns[0] }));
    expect(one.stateMachineAliasArn).toBe(stateMachineAliasArn);
    expect([v1, v2]).toContain(one.stateMachineVersionArn);
  });

  it('updating the routing moves new starts; the alias lists, and the same create again is a no-op', async () => {
    const stateMachineAliasArn = `${machineArn}:live`;
    await client.send(
      new UpdateStateMachineAliasCommand({
        stateMachineAliasArn,
        routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }],
      }),
    );
    const arns: string[] = [];
    for (let i = 0; i < 10; i++)
      arns.push(
        (await client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn })))
          .executionArn ?? '',
      );
    expect((await versionsRun(arns)).map((r) => r.workflowVersion.version)).toEqual(Array(10).fill(2));
    const listed = await client.send(new ListStateMachineAliasesCommand({ stateMachineArn: machineArn }));
    expect(listed.stateMachineAliases?.map((a) => a.stateMachineAliasArn)).toEqual([stateMachineAliasArn]);
    const again = await client.send(
      new CreateStateMachineAliasCommand({
        name: 'live',
        description: 'canary',
        routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }],
      }),
    );
    expect(again.stateMachineAliasArn).toBe(stateMachineAliasArn);
    const other = await errorOf(
      client.send(
        new CreateStateMachineAliasCommand({
          name: 'live',
          routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }],
        }),
      ),
    );
    expect(other?.name).toBe('ConflictException');
  });

  it('refuses bad routing with ValidationException or ResourceNotFound, and writes nothing', async () => {
    const before = await db.workflowAlias.count();
    const cases: [object[], string][] = [
      [
        [
          { stateMachineVersionArn: v1, weight: 70 },
          { stateMachineVersionArn: v2, weight: 20 },
        ],
        'ValidationException',
      ],
      [
        [
          { stateMachineVersionArn: v1, weight: 50 },
          { stateMachineVersionArn: v1, weight: 50 },
        ],
        'ValidationException',
      ],
      [[{ stateMachineVersionArn: machineArn, weight: 100 }], 'ValidationException'],
      [[{ stateMachineVersionArn: `${machineArn}:9`, weight: 100 }], 'ResourceNotFound'],
    ];
    for (const [routingConfiguration, name] of cases) {
      const error = await errorOf(
        client.send(
          new CreateStateMachineAliasCommand({
            name: 'bad',
            routingConfiguration: routingConfiguration as {
              stateMachineVersionArn: string;
              weight: number;
            }[],
          }),
        ),
      );
      expect(error?.name).toBe(name);
    }
    const numeric = await errorOf(
      client.send(
        new CreateStateMachineAliasCommand({
          name: '123',
          routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }],
        }),
      ),
    );
    expect(numeric?.name).toBe('ValidationException');
    expect(await db.workflowAlias.count()).toBe(before);
  });

  it('a version an alias routes to cannot be deleted; another can, and is then gone', async () => {
    const routed = await errorOf(
      client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2 })),
    );
    expect(routed?.name).toBe('ConflictException');
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 }));
    const versions = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn: machineArn }));
    expect(versions.stateMachineVersions?.map((v) => v.stateMachineVersionArn)).toEqual([v2]);
    const start = await errorOf(client.send(new StartExecutionCommand({ stateMachineArn: v1 })));
    expect(start?.name).toBe('StateMachineDoesNotExist');
    // executions that ran version 1 keep it
    expect(
      await db.execution.count({ where: { workflowVersion: { version: 1, workflow: { name: 'pricing' } } } }),
    ).toBeGreaterThan(0);
  });

  it('a deleted alias is gone: describe and start answer ResourceNotFound', async () => {
    const stateMachineAliasArn = `${machineArn}:live`;
    await client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn }));
    expect(
      (await errorOf(client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }))))?.name,
    ).toBe('ResourceNotFound');
    expect(
      (await errorOf(client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn }))))
        ?.name,
    ).toBe('ResourceNotFound');
  });
});
