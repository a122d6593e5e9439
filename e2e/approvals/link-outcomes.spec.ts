import AxeBuilder from '@axe-core/playwright';
import {
  CreateStateMachineCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { expect, test, type Page } from '@playwright/test';
import { createTestApiKey, e2eDb, sfnClientFor } from '../fixtures/api-key';
import { extractLink, waitForEmail } from '../fixtures/mail';
import { ROLE, expectStatus, uniqueName } from '../sfn/helpers';

let client: SFNClient;
test.beforeAll(async ({ baseURL }) => {
  client = sfnClientFor(baseURL, await createTestApiKey('e2e-links'));
});

/** Starts a one-approval workflow through the Step Functions API (requested by the API key). */
async function startApproval(title: string, approval: object = {}, approvers = ['alice@example.com']) {
  const definition = {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: { Title: title, Approvers: approvers },
        End: true,
        ...approval,
      },
    },
  };
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({
      name: uniqueName('links'),
      definition: JSON.stringify(definition),
      roleArn: ROLE,
    }),
  );
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
  return executionArn!;
}

/** A phone-width picture of the page (for people to look at), and no axe violations. */
async function check(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('[APPROVALS]: a request stopped while its page is open is withdrawn, and nothing is decided', async ({
  page,
}) => {
  const title = uniqueName('Withdraw me');
  const executionArn = await startApproval(title);
  const link = extractLink(await waitForEmail('alice@example.com', title));
  await page.goto(link);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await client.send(new StopExecutionCommand({ executionArn, cause: 'Order cancelled' }));
  await page.getByLabel('Comment').fill('Fine by me');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'This request was withdrawn' })).toBeVisible();
  await expect(page.getByText(/stopped by API key e2e-links at .* \(“Order cancelled”\)/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(); // the site's header
  const db = await e2eDb();
  const task = await db.approvalTask.findFirstOrThrow({ where: { title }, include: { decisions: true } });
  expect(task).toMatchObject({ status: 'CANCELLED', decisions: [] });
  await waitForEmail('alice@example.com', `No longer needed: ${title}`);
  await check(page, 'cancelled');
});

test('[APPROVALS]: the email’s Approve button asks to confirm that one decision; outcome pages read what is stored', async ({
  page,
}) => {
  const title = uniqueName('Confirm me');
  await startApproval(title, {}, ['alice@example.com', 'bob@example.com']);
  const link = extractLink(await waitForEmail('alice@example.com', title));
  const token = link.split('/approve/')[1];
  await page.goto(`${link}?decision=approve`);
  await expect(page.getByRole('button', { name: 'Confirm approval' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);
  await expect(page.getByLabel('Comment (optional)')).toBeVisible();
  await page.getByLabel('Comment (optional)').fill('Looks right');
  await page.getByRole('button', { name: 'Confirm approval' }).click();
  await expect(page.getByRole('heading', { name: 'You approved this request' })).toBeVisible();
  await check(page, 'done');

  await page.goto(`/approve/done?t=${token}&d=rejected`); // forged: the page believes only the database
  await expect(page.getByRole('heading', { name: 'You approved this request' })).toBeVisible();
  await expect(page.getByText('Rejected', { exact: true })).toHaveCount(0);
  await page.goto('/approve/done?d=approved');
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();

  await page.goto(extractLink(await waitForEmail('bob@example.com', title)));
  await expect(page).toHaveURL(/\/approve\/already-decided\?t=/);
  await expect(page.getByRole('heading', { name: 'Already approved' })).toBeVisible();
  await expect(page.getByText(/approved by alice@example\.com on .* before you decided/)).toBeVisible();
  await check(page, 'already-decided');
});

test('[APPROVALS]: a request not decided within its TimeoutSeconds says it expired and why', async ({
  page,
}) => {
  const title = uniqueName('Expire me');
  const executionArn = await startApproval(title, { TimeoutSeconds: 2 });
  const link = extractLink(await waitForEmail('alice@example.com', title));
  await expectStatus(client, executionArn, 'FAILED');
  await page.goto(link);
  await expect(page).toHaveURL(/\/approve\/expired\?t=/);
  await expect(page.getByRole('heading', { name: 'This request expired' })).toBeVisible();
  await expect(page.getByText('was not decided in time: no decision within 2 seconds')).toBeVisible();
  await expect(page.getByText('The step failed with States.Timeout.')).toBeVisible();
  await expect(page.getByText('If it is still needed, it has to be started again.')).toBeVisible();
  await check(page, 'expired');
});
