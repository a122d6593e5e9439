import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { systemActor } from '../auth/actor';
import { exportAudit } from './export-audit';
import { recordAudit } from './record-audit';
import { runAudited } from './run-audited';
import { verifyAuditChain } from './verify-audit-chain';
import { GENESIS_HASH } from './audit-hash';

const actor = { type: 'user' as const, id: 'u1', label: 'alice@example.com' };

async function appendThree() {
  for (const name of ['a', 'b', 'c']) {
    await runAudited((tx) =>
      recordAudit(tx, {
        actor,
        type: 'WORKFLOW_CREATED',
        data: { workflowId: `wf-${name}`, name, version: 1 },
        target: { type: 'workflow', id: `wf-${name}` },
        request: { ip: '10.0.0.1', userAgent: 'vitest' },
      }),
    );
  }
  return db.auditEntry.findMany({ orderBy: { seq: 'asc' } });
}

describe('audit trail', () => {
  it('chains entries from the genesis hash and verifies', async () => {
    await db.auditEntry.deleteMany();
    const rows = await appendThree();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].ip).toBe('10.0.0.1');
    expect(await verifyAuditChain()).toEqual({ ok: true, entries: 3 });
  });

  it('names the seq of a row whose data was edited', async () => {
    await db.auditEntry.deleteMany();
    await appendThree();
    await db.$executeRawUnsafe(
      `UPDATE "AuditEntry" SET "data" = '{"workflowId":"wf-x","name":"x","version":1}' WHERE "seq" = 2`,
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenSeq: 2, reason: 'edited' });
  });

  it('detects a deleted middle row', async () => {
    await db.auditEntry.deleteMany();
    await appendThree();
    await db.$executeRawUnsafe('DELETE FROM "AuditEntry" WHERE "seq" = 2');
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenSeq: 2, reason: 'deleted' });
  });

  it('rejects data that does not match its event type', async () => {
    await expect(
      db.$transaction((tx) =>
        recordAudit(tx, { actor, type: 'EXECUTION_REDRIVEN', data: { nope: 1 } as never }),
      ),
    ).rejects.toThrow();
  });

  it('rolls back with the transaction that wrote it', async () => {
    await db.auditEntry.deleteMany();
    await expect(
      runAudited(async (tx) => {
        await recordAudit(tx, { actor, type: 'EXECUTION_REDRIVEN', data: { executionId: 'e1' } });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await db.auditEntry.count()).toBe(0);
  });

  it('exports CSV and JSON with filters', async () => {
    await db.auditEntry.deleteMany();
    await appendThree();
    const csv = await exportAudit({ format: 'csv', filters: { targetId: 'wf-b' }, actor: systemActor });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^seq,at,actorType/);
    expect(lines[1]).toContain('"{""workflowId"":""wf-b"",""name"":""b"",');
    const json = JSON.parse(await exportAudit({ format: 'json', actor: systemActor })) as {
      data: { name: string };
    }[];
    expect(json.map((e) => e.data.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('runAudited', () => {
  it('runs the transaction again after a VersionConflict (the engine saw the execution move)', async () => {
    let runs = 0;
    const result = await runAudited(async () => {
      runs += 1;
      if (runs < 3) throw Object.assign(new Error('moved on'), { name: 'VersionConflict' });
      return 'done';
    });
    expect([result, runs]).toEqual(['done', 3]);
  });
});
