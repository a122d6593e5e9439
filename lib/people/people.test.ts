import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../scripts/cli/user';
import { db } from '../db/client';
import { createUser } from './create-user';
import { deactivateUser } from './deactivate-user';
import { listUsers } from './list-users';

const cli = { type: 'system' as const, label: 'cli:test' };

describe('people from the CLI and the services', () => {
  it('creates a person with a role and groups, in one audited transaction', async () => {
    await db.group.create({ data: { name: 'legal' } });
    const user = await createUser({
      email: ' Dora@Example.com ',
      role: 'manager',
      name: 'Dora',
      groups: ['legal'],
      actor: cli,
    });
    expect(user).toMatchObject({
      email: 'dora@example.com',
      role: 'manager',
      active: true,
      groups: ['legal'],
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'USER_CREATED', targetId: user.id },
    });
    expect(JSON.parse(audit.data)).toMatchObject({
      email: 'dora@example.com',
      role: 'manager',
      groups: ['legal'],
    });
    expect((await listUsers()).find((u) => u.id === user.id)?.groups).toEqual(['legal']);
  });

  it('refuses a taken address, an unknown role or group, and writes nothing', async () => {
    const before = await db.user.count();
    await expect(
      createUser({ email: 'dora@example.com', role: 'approver', actor: cli }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createUser({ email: 'eve@example.com', role: 'boss', actor: cli })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'role: A role is admin, manager or approver.',
    });
    await expect(
      createUser({ email: 'eve@example.com', role: 'approver', groups: ['nope'], actor: cli }),
    ).rejects.toMatchObject({
      message: 'No such group: nope.',
    });
    await expect(createUser({ email: 'not-an-address', role: 'approver', actor: cli })).rejects.toMatchObject(
      { code: 'INVALID_INPUT' },
    );
    expect(await db.user.count()).toBe(before);
  });

  it('deactivates: sessions end at once, undecided tasks are listed, the last admin stays', async () => {
    const admin = await createUser({ email: 'root@example.com', role: 'admin', actor: cli });
    const fred = await createUser({ email: 'fred@example.com', role: 'approver', actor: cli });
    await db.session.create({
      data: { sessionToken: 'fred-session', userId: fred.id, expires: new Date(Date.now() + 60_000) },
    });
    const result = await deactivateUser({ user: 'fred@example.com', actor: cli });
    expect(result).toMatchObject({ id: fred.id, sessionsEnded: 1, pendingTaskIds: [] });
    expect(await db.session.count({ where: { userId: fred.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: fred.id } })).disabledAt).not.toBeNull();
    await expect(deactivateUser({ user: admin.id, actor: cli })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'root@example.com is the last active admin and stays active.',
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
    expect(await db.auditEntry.count({ where: { action: 'USER_DEACTIVATED', targetId: fred.id } })).toBe(1);
  });

  it('parses the CLI flags and refuses unknown ones', () => {
    expect(parseFlags(['--role', 'admin', '--group', 'a', '--group', 'b'], ['role', 'group'])).toEqual({
      role: ['admin'],
      group: ['a', 'b'],
    });
    expect(() => parseFlags(['--colour', 'red'], ['role'])).toThrow('Unexpected argument --colour');
    expect(() => parseFlags(['--role'], ['role'])).toThrow('Unexpected argument --role');
  });
});
