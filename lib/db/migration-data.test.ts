/** Migrations that move data, applied by Prisma's schema engine to a database filled under the older schema. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationNames } from './migrations';

const dir = mkdtempSync(join(tmpdir(), 'signoff-migration-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('approval_links', () => {
  it('carries each link already mailed into ApprovalLink and drops the old column', async () => {
    const file = join(dir, 'links.db');
    const names = migrationNames();
    const target = names.find((name) => name.endsWith('_approval_links'));
    expect(target).toBeDefined();
    const previous = names[names.indexOf(target as string) - 1];
    expect(await applyMigrations(`file:${file}`, { upTo: previous })).toEqual(
      names.slice(0, names.indexOf(target as string)),
    );

    const old = new Database(file);
    old.exec(`
      INSERT INTO "Workflow" ("id", "name", "updatedAt") VALUES ('w', 'wf', '2026-11-01T00:00:00.000+00:00');
      INSERT INTO "WorkflowVersion" ("id", "workflowId", "version", "definition", "definitionHash") VALUES ('v', 'w', 1, '{}', 'h');
      INSERT INTO "Execution" ("id", "name", "workflowId", "workflowVersionId", "input") VALUES ('e', 'x', 'w', 'v', '{}');
      INSERT INTO "TaskToken" ("id", "tokenHash", "executionId", "frameId", "stateName", "resource") VALUES ('t', 'th', 'e', 'f', 'Approve', 'approval');
      INSERT INTO "ApprovalTask" ("id", "executionId", "taskTokenId", "stateName", "title") VALUES ('task', 'e', 't', 'Approve', 'Buy');
      INSERT INTO "ApprovalAssignee" ("id", "taskId", "email", "linkTokenHash") VALUES ('a1', 'task', 'alice@example.com', 'hash-a1');
      INSERT INTO "ApprovalAssignee" ("id", "taskId", "email", "linkTokenHash") VALUES ('a2', 'task', 'bob@example.com', NULL);
    `);
    old.close();

    expect(await applyMigrations(`file:${file}`, { upTo: target })).toEqual([target]);
    const migrated = new Database(file, { readonly: true });
    expect(migrated.prepare('SELECT "tokenHash", "assigneeId", "kind" FROM "ApprovalLink"').all()).toEqual([
      { tokenHash: 'hash-a1', assigneeId: 'a1', kind: 'approval-request' },
    ]);
    expect(migrated.prepare('SELECT "id" FROM "ApprovalAssignee" ORDER BY "id"').all()).toEqual([
      { id: 'a1' },
      { id: 'a2' },
    ]);
    const columns = (
      migrated.prepare('PRAGMA table_info("ApprovalAssignee")').all() as { name: string }[]
    ).map((c) => c.name);
    expect(columns).not.toContain('linkTokenHash');
    migrated.close();
  });
});

describe('inbox_claims_views_search', () => {
  it('indexes the tasks that already exist for search, and dates their updatedAt from their last change', async () => {
    const file = join(dir, 'search.db');
    const names = migrationNames();
    const target = names.find((name) => name.endsWith('_inbox_claims_views_search')) as string;
    expect(target).toBeDefined();
    await applyMigrations(`file:${file}`, { upTo: names[names.indexOf(target) - 1] });
    const old = new Database(file);
    old.exec(`
      INSERT INTO "Workflow" ("id", "name", "updatedAt") VALUES ('w', 'wf', '2026-11-01T00:00:00.000+00:00');
      INSERT INTO "WorkflowVersion" ("id", "workflowId", "version", "definition", "definitionHash") VALUES ('v', 'w', 1, '{}', 'h');
      INSERT INTO "Execution" ("id", "name", "workflowId", "workflowVersionId", "input") VALUES ('e', 'x', 'w', 'v', '{}');
      INSERT INTO "TaskToken" ("id", "tokenHash", "executionId", "frameId", "stateName", "resource") VALUES ('t1', 'h1', 'e', 'f', 'A', 'approval'), ('t2', 'h2', 'e', 'f', 'A', 'approval');
      INSERT INTO "ApprovalTask" ("id", "executionId", "taskTokenId", "stateName", "title", "details", "requesterLabel", "createdAt", "decidedAt", "status")
        VALUES ('open', 'e', 't1', 'A', 'Buy chairs', '{"vendor":"Ikea","lines":[{"qty":12}]}', 'alice@example.com', '2026-11-02T00:00:00.000+00:00', NULL, 'PENDING'),
               ('done', 'e', 't2', 'A', 'Buy desks', '"plain"', NULL, '2026-11-02T00:00:00.000+00:00', '2026-11-03T00:00:00.000+00:00', 'APPROVED');
    `);
    old.close();
    expect(await applyMigrations(`file:${file}`, { upTo: target })).toEqual([target]);
    const migrated = new Database(file, { readonly: true });
    expect(
      migrated
        .prepare(
          `SELECT t."id" AS "taskId", s."title", s."details", s."requester" FROM "ApprovalTaskSearch" s
           JOIN "ApprovalTask" t ON t."searchRowId" = s."rowid" ORDER BY t."id"`,
        )
        .all(),
    ).toEqual([
      { taskId: 'done', title: 'Buy desks', details: 'plain', requester: '' },
      { taskId: 'open', title: 'Buy chairs', details: 'Ikea 12', requester: 'alice@example.com' },
    ]);
    expect(migrated.prepare('SELECT "id", "updatedAt" FROM "ApprovalTask" ORDER BY "id"').all()).toEqual([
      { id: 'done', updatedAt: '2026-11-03T00:00:00.000+00:00' },
      { id: 'open', updatedAt: '2026-11-02T00:00:00.000+00:00' },
    ]);
    migrated.close();
  });
});
