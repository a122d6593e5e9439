import { expect, test } from '@playwright/test';
import { newSignInLink, signInAs, signInLinks } from '../fixtures/auth';
import { waitForEmail } from '../fixtures/mail';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

async function startOrder(orderId: string): Promise<string> {
  const { startExecution } = await import('../../lib/executions/start-execution');
  const input = { orderId, total: 2500, customerEmail: 'customer@example.com', order: { items: 3 } };
  const { execution } = await startExecution({
    workflowId: 'order-fulfilment',
    input: JSON.stringify(input),
    actor: { type: 'system', label: 'e2e' },
  });
  return execution.id;
}

async function executionStatus(id: string): Promise<string> {
  const { db } = await import('../../lib/db/client');
  return (await db.execution.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

test('[INBOX]: a signed-out visit to the inbox lands on the sign-in page', async ({ page }) => {
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('[INBOX]: an address without an account gets the same answer as one with, and no mail', async ({
  page,
}) => {
  const stranger = `stranger-${Date.now()}@example.org`;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(stranger);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByText('has an account, a sign-in link is on its way')).toBeVisible();
  const { db } = await import('../../lib/db/client');
  expect(await db.outboxMessage.count({ where: { to: stranger } })).toBe(0);
  expect(await db.user.count({ where: { email: stranger } })).toBe(0);
});

test('[INBOX]: a scanner that fetches the sign-in link leaves it usable; the Sign in button spends it', async ({
  page,
}) => {
  const before = signInLinks('bob@example.com');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('bob@example.com');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const link = await newSignInLink('bob@example.com', before);
  const scanner = await page.request.get(link); // a mail scanner's prefetch
  expect(scanner.status()).toBe(200);
  const raw = link.replace('/sign-in/confirm', '/api/auth/callback/email');
  await page.request.get(raw, { maxRedirects: 0 }); // even the raw callback only redirects to the page
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByText('bob@example.com')).toBeVisible();
});

test('[INBOX]: carol signs in by magic link, approves from the inbox, and the execution succeeds', async ({
  page,
}) => {
  const orderId = `E2E-INBOX-${Date.now()}`;
  const title = `Approve order ${orderId} (2500 EUR)`;
  const executionId = await startOrder(orderId);
  await waitForEmail('carol@example.com', orderId); // the task exists once its mail went out

  await page.goto('/inbox');
  await signInAs(page, 'carol@example.com');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByText('carol@example.com')).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const graph = page.getByRole('figure', { name: /with the step ManagerApproval marked/ });
  await expect(graph.locator('[data-highlighted="true"]')).toHaveAttribute('data-state', 'ManagerApproval');
  await expect(page.getByRole('link', { name: 'Open the execution' })).toHaveCount(0); // for admins
  await page.getByLabel('Comment').fill('Within budget');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status')).toContainText('You approved this request.');
  await expect(page.getByRole('list', { name: 'Decisions' })).toContainText('Within budget');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await page.getByRole('link', { name: 'Decided' }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect.poll(() => executionStatus(executionId), { timeout: 15_000 }).toBe('SUCCEEDED');

  // An approver is signed in, but the admin console is not theirs.
  await page.goto('/admin');
  await expect(page.getByText('This page is for admins')).toBeVisible();
  await expect(page.getByText('The admin console is being built')).toHaveCount(0);
});

test('[INBOX]: a stopped request leaves To do and its page says it was withdrawn, by whom', async ({
  page,
}) => {
  const orderId = `E2E-STOP-${Date.now()}`;
  const title = `Approve order ${orderId} (2500 EUR)`;
  const executionId = await startOrder(orderId);
  await waitForEmail('carol@example.com', orderId);
  await import('../../lib/register-integrations'); // this process calls the engine: approvals hear the stop
  const { stopExecution } = await import('../../lib/executions/stop-execution');
  await stopExecution({
    id: executionId,
    actor: { type: 'apiKey', id: 'k', label: 'my-script', scopes: ['executions:write'] },
  });

  await page.goto('/inbox');
  await signInAs(page, 'carol@example.com');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  // not decided by carol, so not under Decided by me either: its page still says what happened
  const { db } = await import('../../lib/db/client');
  const task = await db.approvalTask.findFirstOrThrow({ where: { executionId } });
  await page.goto(`/inbox/${task.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(
    /This request was withdrawn: the workflow was stopped by API key my-script at 20.* UTC\./,
  );
  await expect(page.getByText(/This request expires/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('inbox-withdrawn-390.png'), fullPage: true });
});
