import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../lib/asl/validate';
import { db } from '../../lib/db/client';
import { demoUsers, demoWorkflows } from './demo-people';
import { seedDemo } from './seed-demo';

describe('seedDemo', () => {
  it('seeds people, groups and valid workflows once, and leaves a seeded database alone', async () => {
    expect(await seedDemo(db)).toBe(true);
    expect(await db.user.count()).toBe(demoUsers.length);
    const carol = await db.user.findUniqueOrThrow({
      where: { email: 'carol@example.com' },
      include: { memberships: { include: { group: true } } },
    });
    expect(carol.memberships.map((m) => m.group.name).sort()).toEqual(['finance', 'operations']);
    const versions = await db.workflowVersion.findMany({ include: { workflow: true } });
    expect(versions.map((v) => v.workflow.name).sort()).toEqual(demoWorkflows.map((w) => w.name).sort());
    for (const version of versions) expect(validateDefinition(version.definition).errors).toEqual([]);

    expect(await seedDemo(db)).toBe(false);
    expect(await db.workflow.count()).toBe(demoWorkflows.length);
  });
});
