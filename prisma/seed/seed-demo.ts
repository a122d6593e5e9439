/**
 * Seeds the demo on an empty database: people, groups and the example workflows. Idempotent:
 * a database that has any user is left as it is, so a second start keeps its data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../lib/db/client';
import { demoGroups, demoUsers, demoWorkflows } from './demo-people';

const WORKFLOWS_DIR = join(process.cwd(), 'prisma', 'seed', 'workflows');

export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    const groups = new Map<string, string>();
    for (const group of demoGroups) groups.set(group.name, (await tx.group.create({ data: group })).id);
    for (const { groups: memberOf, ...user } of demoUsers) {
      const created = await tx.user.create({ data: { ...user, emailVerified: new Date() } });
      for (const entry of memberOf) {
        const [groupName, role = 'member'] = entry.split(':');
        await tx.membership.create({ data: { userId: created.id, groupId: groups.get(groupName)!, role } });
      }
    }
    for (const workflow of demoWorkflows) {
      const definition = readFileSync(join(WORKFLOWS_DIR, workflow.file), 'utf8');
      await tx.workflow.create({
        data: {
          name: workflow.name,
          description: workflow.description,
          versions: {
            create: { version: 1, definition, definitionHash: createHash('sha256').update(definition).digest('hex') },
          },
        },
      });
    }
  });
  return true;
}
