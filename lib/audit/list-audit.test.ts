import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { checkAuditChain } from './check-audit-chain';
import { exportAudit } from './export-audit';
import { listAudit } from './list-audit';
import { recordAudit } from './record-audit';
import { runAudited } from './run-audited';

let admin: Actor;
let approver: Actor;

async function person(role: string, data: { disabledAt?: Date } = {}): Promise<Actor> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await db.user.create({ data: { email, role, ...data } });
  return { type: 'user', id: user.id, label: email };
}

/** One WORKFLOW_CREATED entry by `by`, on workflow `wf-<name>`. */
const record = (by: Actor, name: string) =>
  runAudited((tx) =>
    recordAudit(tx, {
      actor: by,
      type: 'WORKFLOW_CREATED',
      data: { workflowId: `wf-${name}`, name, version: 1 },
      target: { type: 'workflow', id: `wf-${name}` },
    }),
  );

const alice: Actor = { type: 'user', id: 'u-alice', label: 'alice@example.com' };
const bob: Actor = { type: 'apiKey', id: 'key_bob', label: 'bob_deploy-bot' };

beforeEach(async () => {
  await db.auditEntry.deleteMany();
  admin = await person('admin');
  approver = await person('approver');
});

describe('listAudit', () => {
  it('lists newest first and pages by cursor with no repeats and no gaps while entries are added', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await record(alice, name);
    const first = await listAudit({ limit: 2, actor: admin });
    expect(first.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(first.nextCursor).toEqual(expect.any(String));
    await record(alice, 'f'); // written meanwhile: newer than everything on the pages to come
    await record(alice, 'g');
    const second = await listAudit({ limit: 2, cursor: first.nextCursor, actor: admin });
    const third = await listAudit({ limit: 2, cursor: second.nextCursor, actor: admin });
    expect(third.nextCursor).toBeUndefined();
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.seq)).toEqual([
      5, 4, 3, 2, 1,
    ]);
    expect(first.entries[0]).toMatchObject({
      action: 'WORKFLOW_CREATED',
      actorLabel: 'alice@example.com',
      targetType: 'workflow',
      targetId: 'wf-e',
      data: '{"workflowId":"wf-e","name":"e","version":1}',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect((await listAudit({ actor: admin })).entries.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('filters by action, actor (a piece of its id or label), target and time', async () => {
    await record(alice, 'a');
    await record(bob, 'b');
    await runAudited((tx) =>
      recordAudit(tx, {
        actor: bob,
        type: 'EXECUTION_REDRIVEN',
        data: { executionId: 'ex-1' },
        target: { type: 'execution', id: 'ex-1' },
      }),
    );
    const seqs = async (filters: Parameters<typeof listAudit>[0]['filters']) =>
      (await listAudit({ filters, actor: admin })).entries.map((e) => e.seq);
    expect(await seqs({ action: 'EXECUTION_REDRIVEN' })).toEqual([3]);
    expect(await seqs({ actorContains: 'ALICE@' })).toEqual([1]);
    expect(await seqs({ actorContains: 'key_b' })).toEqual([3, 2]);
    expect(await seqs({ actorContains: 'b_d' })).toEqual([3, 2]);
    expect(await seqs({ actorContains: 'x_y' })).toEqual([]); // _ is a character, not a wildcard
    expect(await seqs({ targetType: 'workflow' })).toEqual([2, 1]);
    expect(await seqs({ targetType: 'workflow', targetId: 'wf-b' })).toEqual([2]);
    const rows = await db.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    const since = (at: Date) =>
      rows
        .filter((r) => r.at >= at)
        .map((r) => r.seq)
        .reverse();
    expect(await seqs({ from: rows[1].at })).toEqual(since(rows[1].at));
    expect(await seqs({ from: rows[1].at })).toEqual(expect.arrayContaining([3, 2]));
    expect(await seqs({ to: new Date(rows[0].at.getTime() + 1), actorContains: 'alice' })).toEqual([1]);
    expect(await seqs({ from: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('refuses a malformed cursor with INVALID_INPUT', async () => {
    for (const cursor of ['', 'nope', '!!', Buffer.from('a1.-3').toString('base64url'), 'a'.repeat(500)])
      await expect(listAudit({ cursor, actor: admin })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('is for active admins and API keys with audit:read only', async () => {
    await record(alice, 'a');
    const disabled = await person('admin', { disabledAt: new Date() });
    for (const actor of [approver, await person('manager'), disabled]) {
      await expect(listAudit({ actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(exportAudit({ format: 'csv', actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(checkAuditChain({ actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const key = (scopes: string[]): Actor => ({ type: 'apiKey', id: 'k', label: 'k', scopes });
    await expect(listAudit({ actor: key(['workflows:read']) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listAudit({ actor: key(['audit:read']) })).entries).toHaveLength(1);
  });
});

describe('exportAudit with the console filters', () => {
  it('holds every matching entry of every page, and only those', async () => {
    for (const name of ['a', 'b', 'c']) await record(alice, name);
    await record(bob, 'd');
    const filters = { actorContains: 'alice', targetType: 'workflow' };
    expect((await listAudit({ filters, limit: 1, actor: admin })).nextCursor).toBeDefined();
    const json = JSON.parse(await exportAudit({ format: 'json', filters, actor: admin })) as {
      seq: number;
      actorLabel: string;
    }[];
    expect(json.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(json.every((e) => e.actorLabel === 'alice@example.com')).toBe(true);
    const csv = await exportAudit({ format: 'csv', filters, actor: admin });
    expect(csv.trim().split('\r\n')).toHaveLength(4);
    expect(csv).not.toContain('bob');
  });
});

describe('checkAuditChain', () => {
  it('counts the entries of an intact chain', async () => {
    for (const name of ['a', 'b']) await record(alice, name);
    expect(await checkAuditChain({ actor: admin })).toEqual({ ok: true, entries: 2 });
  });

  it('names the first broken entry, its time and action, and why', async () => {
    for (const name of ['a', 'b', 'c']) await record(alice, name);
    await db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "reason" = 'tampered' WHERE "seq" = 2`);
    const report = await checkAuditChain({ actor: admin });
    expect(report).toMatchObject({
      ok: false,
      brokenSeq: 2,
      reason: 'edited',
      entry: { seq: 2, action: 'WORKFLOW_CREATED', at: expect.any(String) },
      explanation: expect.stringContaining('Entry #2 was changed'),
    });
  });

  it('for a deleted entry, says which is missing and shows the one found in its place', async () => {
    for (const name of ['a', 'b', 'c']) await record(alice, name);
    await db.$executeRawUnsafe('DELETE FROM "AuditEntry" WHERE "seq" = 2');
    expect(await checkAuditChain({ actor: admin })).toMatchObject({
      ok: false,
      brokenSeq: 2,
      reason: 'deleted',
      entry: { seq: 3 },
      explanation: expect.stringContaining('Entry #2 is missing'),
    });
  });
});
