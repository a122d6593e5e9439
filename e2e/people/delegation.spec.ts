import { expect, test } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { extractLink, waitForEmail } from '../fixtures/mail';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

/** A person of this test's own, so no other test's approvals or sessions are touched. */
async function newPerson(name: string): Promise<string> {
  const { createUser } = await import('../../lib/people/create-user');
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await createUser({ email, role: 'approver', actor: { type: 'system', label: 'e2e' } });
  return email;
}

async function startAsking(approver: string, title: string): Promise<string> {
  const { createWorkflow } = await import('../../lib/workflows/create-workflow');
  const { startExecution } = await import('../../lib/executions/start-execution');
  const actor = { type: 'system' as const, label: 'e2e' };
  const definition = {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: { Title: title, Approvers: [approver] },
        End: true,
      },
    },
  };
  const name = `delegation-${Date.now()}`;
  await createWorkflow({ name, definition: JSON.stringify(definition), actor });
  const { execution } = await startExecution({ workflowId: name, input: '{}', actor });
  return execution.id;
}

test('[PEOPLE]: a person sets out of office on their profile; the delegate decides on their behalf', async ({
  page,
  browser,
}) => {
  const [away, delegate] = [await newPerson('away'), await newPerson('delegate')];
  await page.goto('/sign-in');
  await signInAs(page, away);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await page.getByRole('button', { name: 'Set delegation' }).click(); // nobody chosen: said beside the field
  await expect(page.getByText('Choose who decides for you.')).toBeVisible();
  await page.getByLabel('Delegate to').selectOption({ label: delegate });
  await page.getByLabel('Reason (optional)').fill('Holiday');
  await page.getByRole('button', { name: 'Set delegation' }).click();
  await expect(page.getByText('Delegation set.')).toBeVisible();
  await expect(page.getByText(`To ${delegate}`)).toContainText('(running) · Holiday');

  const title = `On behalf ${Date.now()}`;
  const executionId = await startAsking(away, title);
  const mail = await waitForEmail(delegate, title);
  expect(mail.text).toContain(`on behalf of ${away}`);
  const delegatePage = await (await browser.newContext()).newPage();
  await delegatePage.goto(extractLink(mail));
  await expect(delegatePage.getByText(`asked of ${delegate} on behalf of ${away}`)).toBeVisible();
  await delegatePage.getByRole('button', { name: 'Approve' }).click();
  await expect(delegatePage.getByRole('heading', { name: 'You approved this request' })).toBeVisible();

  const { db } = await import('../../lib/db/client');
  await expect
    .poll(async () => (await db.execution.findUniqueOrThrow({ where: { id: executionId } })).status, {
      timeout: 15_000,
    })
    .toBe('SUCCEEDED');
  const { output } = await db.execution.findUniqueOrThrow({ where: { id: executionId } });
  expect(JSON.parse(output!).Decisions).toEqual([
    expect.objectContaining({
      By: delegate,
      OnBehalfOf: away,
      Decision: 'approved',
    }),
  ]);
  expect(await db.auditEntry.count({ where: { action: 'DELEGATION_CREATED', actorLabel: away } })).toBe(1);

  await page.getByRole('button', { name: 'End delegation' }).click();
  await expect(page.getByText(`To ${delegate}`)).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('profile-390.png'), fullPage: true });
});

test('[PEOPLE]: Sign out everywhere ends every session of the person', async ({ page, browser }) => {
  const person = await newPerson('everywhere');
  await page.goto('/sign-in');
  await signInAs(page, person);
  const other = await (await browser.newContext()).newPage();
  await other.goto('/sign-in');
  await signInAs(other, person);
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await other.goto('/inbox');
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
