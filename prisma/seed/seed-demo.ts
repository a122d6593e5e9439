/**
 * Seeds the demo on an empty database (one without users): people and groups, the example
 * workflows, a few executions that wait for an approval, and two runs of the Express one. A database that has users is left
 * as it is, so a second start keeps its data. Workflows and executions go through the services,
 * so they are validated and audited like any other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../../lib/auth/actor';
import type { Db } from '../../lib/db/client';
import { startExecution } from '../../lib/executions/start-execution';
import { startSyncExecution } from '../../lib/executions/start-sync-execution';
import { createWorkflow } from '../../lib/workflows/create-workflow';
import { demoExecutions, demoGroups, demoSyncRuns, demoUsers, demoWorkflows } from './demo-people';

const WORKFLOWS_DIR = join(process.cwd(), 'prisma', 'seed', 'workflows');

async function seedPeople(db: Db): Promise<Map<string, string>> {
  const userIds = new Map<string, string>();
  await db.$transaction(async (tx) => {
    const groups = new Map<string, string>();
    for (const group of demoGroups) groups.set(group.name, (await tx.group.create({ data: group })).id);
    for (const { groups: memberOf, ...user } of demoUsers) {
      const created = await tx.user.create({ data: { ...user, emailVerified: new Date() } });
      userIds.set(user.email, created.id);
      for (const entry of memberOf) {
        const [groupName, role = 'member'] = entry.split(':');
        await tx.membership.create({ data: { userId: created.id, groupId: groups.get(groupName)!, role } });
      }
    }
  });
  return userIds;
}

export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const userIds = await seedPeople(db);
  for (const workflow of demoWorkflows) {
    const definition = readFileSync(join(WORKFLOWS_DIR, workflow.file), 'utf8');
    await createWorkflow({
      name: workflow.name,
      description: workflow.description,
      definition,
      ...('type' in workflow ? { type: workflow.type } : {}),
      actor: systemActor,
    });
  }
  for (const run of demoSyncRuns)
    await startSyncExecution({
      workflowId: run.workflow,
      name: run.name,
      input: JSON.stringify(run.input),
      actor: systemActor,
    });
  for (const execution of demoExecutions) {
    await startExecution({
      workflowId: execution.workflow,
      name: execution.name,
      input: JSON.stringify(execution.input),
      actor: systemActor,
      requester: { type: 'user', id: userIds.get(execution.requester), label: execution.requester },
    });
  }
  return true;
}
