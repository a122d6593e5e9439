/** The workflows list counts an execution once, whatever its Distributed Map runs as children. */
import { describe, expect, it } from 'vitest';
import { runUntilIdle } from '../engine/testing/harness';
import { startExecution } from '../executions/start-execution';
import { createWorkflow } from './create-workflow';
import { listWorkflowOverview } from './workflow-overview';

const system = { type: 'system' as const, label: 'test' };

describe('listWorkflowOverview', () => {
  it('counts a running execution once, not its map run children, and names it as the last execution', async () => {
    await createWorkflow({
      name: 'fan-out',
      definition: JSON.stringify({
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Hold',
              States: {
                Hold: { Type: 'Task', Resource: 'arn:aws:states:::callback.waitForTaskToken', End: true },
              },
            },
            End: true,
          },
        },
      }),
      actor: system,
    });
    const { execution } = await startExecution({
      workflowId: 'fan-out',
      name: 'parent',
      input: '[{},{},{}]',
      actor: system,
    });
    await runUntilIdle();
    const [row] = (await listWorkflowOverview({ actor: system })).filter((w) => w.name === 'fan-out');
    expect(row.running).toBe(1);
    expect(row.lastExecution).toMatchObject({ id: execution.id, name: 'parent' });
  });
});
