import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

async function services() {
  const { startExecution } = await import('../../lib/executions/start-execution');
  const { db } = await import('../../lib/db/client');
  return { startExecution, db };
}

async function startOrder(orderId: string) {
  const { startExecution } = await services();
  const input = { orderId, total: 2500, customerEmail: 'customer@example.com', order: { items: 3 } };
  const { execution } = await startExecution({
    workflowId: 'order-fulfilment',
    input: JSON.stringify(input),
    actor: { type: 'system', label: 'e2e' },
  });
  return execution.id;
}

async function executionStatus(id: string) {
  const { db } = await services();
  return (await db.execution.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

test('[APPROVALS]: an approver approves from the email link and the execution resumes', async ({ page }) => {
  const orderId = `E2E-${Date.now()}`;
  const executionId = await startOrder(orderId);
  const mail = await waitForEmail('alice@example.com', orderId);
  const link = extractLink(mail);
  const response = await page.goto(link); // GET shows; nothing decided yet
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: `Approve order ${orderId} (2500 EUR)` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject' })).toBeVisible();
  expect(await executionStatus(executionId)).toBe('RUNNING');
  await page.getByLabel('Comment').fill('Within budget');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'You approved this request' })).toBeVisible();
  await expect(page.getByText('with the comment “Within budget”')).toBeVisible();
  await expect.poll(() => executionStatus(executionId), { timeout: 15_000 }).toBe('SUCCEEDED');

  await page.goto(link); // used: the page says what the holder did
  await expect(page.getByRole('heading', { name: 'You approved this request' })).toBeVisible();
  await expect(page.getByText('The workflow has ended: it succeeded.')).toBeVisible();
  await page.goto(extractLink(await waitForEmail('manager@example.com', orderId)));
  await expect(page.getByRole('heading', { name: 'Already approved' })).toBeVisible();
  await expect(page.getByText('by alice@example.com')).toBeVisible();
  expect((await page.goto(`/approve/${'x'.repeat(43)}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  expect((await page.goto('/approve/garbage'))?.status()).toBe(404);
});

test('[APPROVALS]: rejecting needs a comment, said beforehand and marked on the field', async ({ page }) => {
  const orderId = `E2E-R-${Date.now()}`;
  const executionId = await startOrder(orderId);
  await page.goto(extractLink(await waitForEmail('carol@example.com', orderId)));
  const comment = page.getByLabel('Comment — required to reject');
  await expect(comment).toBeVisible();
  await comment.fill('   ');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText('Say why you reject the request.')).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveValue('   '); // what was typed stays
  await comment.fill('Too expensive');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('heading', { name: 'You rejected this request' })).toBeVisible();
  await expect(page.getByText('The step failed with Approval.Rejected')).toBeVisible();
  await expect.poll(() => executionStatus(executionId), { timeout: 15_000 }).toBe('FAILED');
});
