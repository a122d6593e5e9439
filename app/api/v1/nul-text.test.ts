/**
 * Text with a NUL character (U+0000) in paths and bodies: SQLite stores and compares it,
 * PostgreSQL refuses it in text. Either way the answer is a 4xx that says so, never a 500, and
 * nothing is written. (The /api/v1 fuzz found the PostgreSQL 500s; this keeps the cases.)
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { isPostgres } from '@/lib/db/database-url';
import { call } from './test-client';
import * as poll from './activities/[name]/poll/route';
import * as activities from './activities/route';
import * as history from './executions/[id]/history/route';
import * as stop from './executions/[id]/stop/route';
import * as workflow from './workflows/[id]/route';
import * as workflows from './workflows/route';

const NUL = '\u0000';

describe('text with a NUL character', () => {
  it('in a path parameter: a 4xx, never a 500', async () => {
    for (const [handler, params, options] of [
      [workflow.GET, { id: NUL }, {}],
      [workflow.DELETE, { id: `w${NUL}` }, { method: 'DELETE' }],
      [history.GET, { id: NUL }, {}],
      [stop.POST, { id: NUL }, { body: {} }],
      [poll.POST, { name: NUL }, { body: { waitSeconds: 0 } }],
    ] as const) {
      const { status, body } = await call(handler as never, { ...options, params } as never);
      expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body.error.message).toBeTruthy();
    }
  });

  // SQLite may keep such text as sent; PostgreSQL cannot store it: a 400, nothing written.
  it.runIf(isPostgres())('in a body, on PostgreSQL: a 400, and nothing written', async () => {
    const before = await Promise.all([db.workflow.count(), db.activity.count(), db.auditEntry.count()]);
    const created = await call(workflows.POST, {
      body: {
        name: 'nul-desc',
        description: `a${NUL}b`,
        definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
      },
    });
    const activity = await call(activities.POST, { body: { name: `act${NUL}` } });
    expect(created.status).toBe(400);
    expect(activity.status).toBe(400);
    expect(await Promise.all([db.workflow.count(), db.activity.count(), db.auditEntry.count()])).toEqual(
      before,
    );
  });
});
