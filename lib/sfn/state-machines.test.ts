import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { newKeyAndClient, passMachine } from './test-support';

let client: SFNClient;
beforeAll(async () => {
  ({ client } = await newKeyAndClient());
});

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:';
const create = (name: string, definition = passMachine()) =>
  client.send(
    new CreateStateMachineCommand({ name, definition, roleArn: 'arn:aws:iam::000000000000:role/r' }),
  );

describe('state machines over /api/sfn', () => {
  it('creates, describes and lists a state machine in AWS shapes', async () => {
    const created = await create('orders', passMachine('v1'));
    expect(created.stateMachineArn).toBe(`${ARN}orders`);
    expect(created.creationDate).toBeInstanceOf(Date);
    const described = await client.send(
      new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }),
    );
    expect(described).toMatchObject({
      name: 'orders',
      status: 'ACTIVE',
      type: 'STANDARD',
      definition: passMachine('v1'),
    });
    const listed = await client.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toContain('orders');
  });

  it('is idempotent for the same definition and refuses another one', async () => {
    const first = await create('idem');
    expect((await create('idem')).stateMachineArn).toBe(first.stateMachineArn);
    await expect(create('idem', passMachine('other'))).rejects.toMatchObject({
      name: 'StateMachineAlreadyExists',
    });
  });

  it('refuses an invalid definition with every problem and its pointer, and a bad name', async () => {
    const broken = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    const error = await create('broken', broken).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidDefinition' });
    expect((error as Error).message).toContain('/States/A/Next');
    await expect(create('has space')).rejects.toMatchObject({ name: 'InvalidName' });
    expect(await db.workflow.count({ where: { name: 'broken' } })).toBe(0);
  });

  it('validates a definition: FAIL with diagnostics, OK without', async () => {
    const broken = JSON.stringify({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } });
    const result = await client.send(new ValidateStateMachineDefinitionCommand({ definition: broken }));
    expect(result.result).toBe('FAIL');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'ERROR', code: 'UNKNOWN_STATE', location: '/StartAt' }),
    );
    expect(
      await client.send(new ValidateStateMachineDefinitionCommand({ definition: passMachine() })),
    ).toMatchObject({ result: 'OK', diagnostics: [] });
  });

  it('publishes versions on update, lists them and describes one by its version ARN', async () => {
    const { stateMachineArn } = await create('versioned', passMachine('v1'));
    const updated = await client.send(
      new UpdateStateMachineCommand({ stateMachineArn, definition: passMachine('v2'), publish: true }),
    );
    expect(updated.stateMachineVersionArn).toBe(`${ARN}versioned:2`);
    const versions = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    expect(versions.stateMachineVersions?.map((v) => v.stateMachineVersionArn)).toEqual([
      `${ARN}versioned:2`,
      `${ARN}versioned:1`,
    ]);
    const v1 = await client.send(new DescribeStateMachineCommand({ stateMachineArn: `${ARN}versioned:1` }));
    expect(v1).toMatchObject({ stateMachineArn: `${ARN}versioned:1`, definition: passMachine('v1') });
    await expect(
      client.send(new DescribeStateMachineCommand({ stateMachineArn: `${ARN}versioned:9` })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('pages the list with nextToken', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await create(name);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      names.push(...(page.stateMachines ?? []).map((m) => m.name as string));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names.filter((n) => n.startsWith('page-'))).toEqual(['page-a', 'page-b', 'page-c']);
    await expect(client.send(new ListStateMachinesCommand({ nextToken: 'garbage' }))).rejects.toMatchObject({
      name: 'InvalidToken',
    });
  });

  it('tags, lists and untags a state machine', async () => {
    const { stateMachineArn: resourceArn } = await create('tagged');
    await client.send(
      new TagResourceCommand({
        resourceArn,
        tags: [
          { key: 'team', value: 'finance' },
          { key: 'env', value: 'dev' },
        ],
      }),
    );
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['env'] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([
      { key: 'team', value: 'finance' },
    ]);
    await expect(
      client.send(new ListTagsForResourceCommand({ resourceArn: `${ARN}nope` })),
    ).rejects.toMatchObject({ name: 'ResourceNotFound' });
    const workflow = await db.workflow.findFirstOrThrow({ where: { name: 'tagged' }, select: { id: true } });
    const entries = await db.auditEntry.findMany({
      where: { action: 'TAGS_CHANGED', targetId: workflow.id },
      orderBy: { seq: 'asc' },
    });
    expect(entries.map((e) => [e.actorType, JSON.parse(e.data)])).toEqual([
      ['apiKey', { set: ['team', 'env'], removed: [] }],
      ['apiKey', { set: [], removed: ['env'] }],
    ]);
    await client.send(
      new TagResourceCommand({
        resourceArn,
        tags: Array.from({ length: 49 }, (_, i) => ({ key: `k${i}`, value: 'v' })),
      }),
    );
    await expect(
      client.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'one-too-many', value: 'v' }] })),
    ).rejects.toMatchObject({ name: 'TooManyTags' });
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toHaveLength(50); // nothing half-written
    expect(await db.auditEntry.count({ where: { action: 'TAGS_CHANGED', targetId: workflow.id } })).toBe(3);
  });

  it('deletes a state machine; describing it then fails; an ARN of another shape is InvalidArn', async () => {
    const { stateMachineArn } = await create('doomed');
    await client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await expect(client.send(new DescribeStateMachineCommand({ stateMachineArn }))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
    await expect(
      client.send(new DescribeStateMachineCommand({ stateMachineArn: 'not-an-arn' })),
    ).rejects.toMatchObject({ name: 'InvalidArn' });
  });
});
