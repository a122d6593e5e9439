import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../scripts/cli/user';
import { db } from '../db/client';
import { createUser } from './create-user';
import { deactivateUser } from './deactivate-user';
import { listUsers } from './list-users';
import { changeRole } from './change-role';
import { getPersonOrThrow } from './get-person';
import { createGroup, setMembership } from './groups';
import { listGroups } from './list-groups';

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

describe('the console: invitations, roles, groups', () => {
  const asUser = (id: string, label: string) => ({ type: 'user' as const, id, label });

  it('an admin invites: the person is invited until they sign in, and gets one mail saying who asked', async () => {
    const admin = await createUser({ email: 'chief@example.com', role: 'admin', actor: cli });
    const invited = await createUser({
      email: 'gail@example.com',
      role: 'approver',
      invite: true,
      actor: asUser(admin.id, 'chief@example.com'),
    });
    expect(invited.status).toBe('invited');
    const mails = await db.outboxMessage.findMany({ where: { to: 'gail@example.com', kind: 'invitation' } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('chief@example.com added you to Signoff as an approver.');
    expect(mails[0].text).toContain('/sign-in?email=gail%40example.com');
    await db.user.update({ where: { id: invited.id }, data: { emailVerified: new Date() } }); // first sign-in
    expect((await getPersonOrThrow({ id: invited.id })).status).toBe('active');
  });

  it('refuses people management to anyone but an admin, and writes nothing', async () => {
    const approver = await createUser({ email: 'hank@example.com', role: 'approver', actor: cli });
    const hank = asUser(approver.id, 'hank@example.com');
    const before = await db.user.count();
    await expect(createUser({ email: 'ivy@example.com', role: 'admin', actor: hank })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(changeRole({ userId: approver.id, role: 'admin', actor: hank })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createGroup({ name: 'ops2', actor: hank })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.user.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: approver.id } })).role).toBe('approver');
    expect(await db.group.count({ where: { name: 'ops2' } })).toBe(0);
  });

  it('changes roles (never the last admin) and places people in groups as members or managers', async () => {
    await db.user.updateMany({ where: { role: 'admin' }, data: { role: 'approver' } });
    const only = await createUser({ email: 'solo@example.com', role: 'admin', actor: cli });
    await expect(changeRole({ userId: only.id, role: 'manager', actor: cli })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const jo = await createUser({ email: 'jo@example.com', role: 'approver', actor: cli });
    await changeRole({ userId: jo.id, role: 'manager', actor: cli });
    expect(await db.auditEntry.count({ where: { action: 'USER_ROLE_CHANGED', targetId: jo.id } })).toBe(1);
    const group = await createGroup({ name: 'audit-team', description: 'Audits', actor: cli });
    await expect(createGroup({ name: 'Audit Team!', actor: cli })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await setMembership({ groupId: group.id, userId: jo.id, place: 'manager', actor: cli });
    await setMembership({ groupId: group.id, userId: only.id, place: 'member', actor: cli });
    expect((await listGroups()).find((g) => g.id === group.id)?.members).toEqual([
      { userId: jo.id, email: 'jo@example.com', place: 'manager' },
      { userId: only.id, email: 'solo@example.com', place: 'member' },
    ]);
    await setMembership({ groupId: group.id, userId: only.id, place: 'none', actor: cli });
    expect((await listGroups()).find((g) => g.id === group.id)?.members.map((m) => m.email)).toEqual([
      'jo@example.com',
    ]);
    expect(
      await db.auditEntry.count({ where: { action: 'GROUP_MEMBERSHIP_CHANGED', targetId: group.id } }),
    ).toBe(3);
  });
});
