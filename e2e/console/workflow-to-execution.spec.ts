/**
 * An admin's day in the console, end to end through the built app: write a definition (two
 * mistakes underlined at their place, then fixed), read the graph, test-run it with a mocked
 * approval, save it, start an execution, watch it wait for a person, approve it by the
 * approver's email link, read the execution's coloured graph and event table, export the audit
 * trail and find the decision in it; then stop and redrive another execution from its page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { extractLink, waitForEmail } from '../fixtures/mail';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

const definition = (fixed: boolean) =>
  JSON.stringify(
    {
      Comment: 'Large orders need a person.',
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Ask' }],
          Default: fixed ? 'Done' : 'Nowhere',
        },
        Ask: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { 'Title.$': "States.Format('Order {}', $.orderId)", Approvers: ['alice@example.com'] },
          ...(fixed ? {} : { Nxt: 'Done' }),
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    },
    null,
    2,
  );

async function replaceEditorText(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Definition (JSON)' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

test('[CONSOLE]: write, test-run, save, start, approve and read an execution', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `console-${Date.now()}`;
  const orderId = `C-${Date.now()}`;
  await page.goto('/sign-in');
  await signInAs(page, 'admin@example.com');

  await page.goto('/admin/workflows');
  await page.getByRole('link', { name: 'New workflow' }).click();
  await expect(page.getByRole('heading', { name: 'New workflow' })).toBeVisible();
  await replaceEditorText(page, definition(false));
  const underlined = page.locator('.cm-lintRange-error');
  await expect(underlined).toHaveCount(2);
  expect((await underlined.allInnerTexts()).sort()).toEqual(['"Nowhere"', '"Nxt"']);
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('/States/Check/Default');
  await expect(problems).toContainText('/States/Ask/Nxt');

  await replaceEditorText(page, definition(true));
  await expect(underlined).toHaveCount(0);
  await expect(page.getByText('No problems: the definition is valid.')).toBeVisible();
  const graph = page.getByRole('figure', { name: /^Draft graph/ });
  await expect(graph).toHaveAttribute('data-graph-ready', 'true');
  await expect(graph).toHaveAttribute('data-node-count', '3');
  // Start→Check, Check→Ask (rule), Check→Done (Default), Ask→Done, Done→End
  await expect(graph.locator('.react-flow__edge')).toHaveCount(5);
  await expect(graph.getByText('$.total > 1000')).toBeVisible();

  await page.getByLabel('Test input (JSON)').fill(JSON.stringify({ orderId, total: 5000 }));
  await page.getByLabel('Decision for Ask').selectOption('approve');
  await page.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId('test-run-status')).toHaveText('Test run succeeded after 3 steps');
  await expect(graph.locator('[data-state="Ask"]')).toHaveAttribute('data-status', 'succeeded');
  await page.getByLabel('Decision for Ask').selectOption('reject');
  await page.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId('test-run-status')).toHaveText(
    'Test run failed after 2 steps: Approval.Rejected',
  );
  await expect(graph.locator('[data-state="Ask"]')).toHaveAttribute('data-status', 'failed');

  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create workflow' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved as version 1.');
  await expect(page.getByRole('figure', { name: new RegExp(`^Graph of ${name}`) })).toHaveAttribute(
    'data-node-count',
    '3',
  );

  await page.getByRole('link', { name: 'Start execution' }).click();
  await page.getByLabel('Input (JSON)').fill(JSON.stringify({ orderId, total: 5000 }));
  await page.getByRole('button', { name: 'Start execution' }).click();
  await expect(page).toHaveURL(/\/admin\/executions\/(?!new)[^/?]+$/);
  const executionUrl = page.url();
  const executionGraph = page.getByRole('figure', { name: /graph/i });
  await expect(executionGraph.locator('[data-state="Ask"]')).toHaveAttribute('data-status', 'waiting', {
    timeout: 20_000,
  });
  await expect(page.getByText('alice@example.com').first()).toBeVisible();

  // Alice approves from her email.
  const approver = await page.context().browser()!.newPage();
  await approver.goto(extractLink(await waitForEmail('alice@example.com', `Order ${orderId}`)));
  await approver.getByRole('button', { name: 'Approve' }).click();
  await expect(approver.getByRole('heading', { name: 'You approved this request' })).toBeVisible();
  await approver.close();

  await page.goto(executionUrl);
  await expect(page.getByText('Succeeded').first()).toBeVisible({ timeout: 20_000 });
  await expect(executionGraph.locator('[data-state="Ask"]')).toHaveAttribute('data-status', 'succeeded');
  await expect(executionGraph.locator('[data-state="Done"]')).toHaveAttribute('data-status', 'succeeded');
  await expect(executionGraph.locator('.edge-taken')).toHaveCount(4);
  await expect(page.getByRole('table', { name: /event/i })).toContainText('TaskSucceeded');

  await page.goto('/admin/audit');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  const entries = JSON.parse(readFileSync(file, 'utf8')) as {
    action: string;
    data: Record<string, unknown>;
  }[];
  const { db } = await import('../../lib/db/client');
  const task = await db.approvalTask.findFirstOrThrow({
    where: { executionId: executionUrl.split('/').pop() },
  });
  expect(entries.filter((e) => e.action === 'TASK_DECIDED')).toContainEqual(
    expect.objectContaining({
      action: 'TASK_DECIDED',
      actorLabel: 'alice@example.com',
      data: expect.objectContaining({ taskId: task.id, decision: 'approved' }),
    }),
  );
});

test('[CONSOLE]: stop an execution from its page, then redrive it, each after a confirmation', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { createWorkflow } = await import('../../lib/workflows/create-workflow');
  const { startExecution } = await import('../../lib/executions/start-execution');
  const system = { type: 'system' as const, label: 'e2e' };
  const name = `stoppable-${Date.now()}`;
  await createWorkflow({
    name,
    definition: JSON.stringify({
      StartAt: 'Wait for Bob',
      States: {
        'Wait for Bob': {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { Title: `Stop me ${name}`, Approvers: ['bob@example.com'] },
          End: true,
        },
      },
    }),
    actor: system,
  });
  const { execution } = await startExecution({ workflowId: name, input: '{}', actor: system });
  await page.goto('/sign-in');
  await signInAs(page, 'admin@example.com');
  await page.goto(`/admin/executions/${execution.id}`);
  const node = page.getByRole('figure', { name: /graph/i }).locator('[data-state="Wait for Bob"]');
  await expect(node).toHaveAttribute('data-status', 'waiting', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Stop execution' }).click();
  await page.getByRole('button', { name: 'Confirm stop' }).click();
  await expect(page.getByText('Aborted').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('table', { name: /event/i })).toContainText('ExecutionAborted');

  await page.getByRole('button', { name: 'Redrive execution' }).click();
  await page.getByRole('button', { name: 'Confirm redrive' }).click();
  await expect(page.getByRole('table', { name: /event/i })).toContainText('ExecutionRedriven', {
    timeout: 15_000,
  });
  await expect(node).toHaveAttribute('data-status', 'waiting', { timeout: 20_000 });
});
