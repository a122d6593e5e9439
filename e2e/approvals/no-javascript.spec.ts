/**
 * An approver whose browser runs no JavaScript (a locked-down phone, a mail app's viewer) can
 * still decide by the email link: the form posts as plain HTML, a refusal comes back as a page
 * with the problem and what was typed, and a decision lands on the outcome page.
 */
import { CreateStateMachineCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { createTestApiKey, e2eDb, sfnClientFor } from '../fixtures/api-key';
import { extractLink, waitForEmail } from '../fixtures/mail';
import { ROLE, expectStatus, uniqueName } from '../sfn/helpers';

test.use({ javaScriptEnabled: false });

let client: SFNClient;
test.beforeAll(async ({ baseURL }) => {
  client = sfnClientFor(baseURL, await createTestApiKey('e2e-no-js'));
});

test('[APPROVALS]: without JavaScript, a refused rejection keeps what was typed, then the decision lands', async ({
  page,
}) => {
  const title = uniqueName('No script');
  const approver = `${uniqueName('nojs')}@example.net`;
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({
      name: uniqueName('no-js'),
      roleArn: ROLE,
      definition: JSON.stringify({
        StartAt: 'Approve',
        States: {
          Approve: {
            Type: 'Task',
            Resource: 'approval',
            Parameters: {
              Title: title,
              Approvers: [approver],
              Form: [{ Name: 'reference', Type: 'text', Label: 'Reference' }],
              OnReject: 'output',
            },
            End: true,
          },
        },
      }),
    }),
  );
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
  await page.goto(extractLink(await waitForEmail(approver, title)));
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // A rejection needs a comment: the server answers with the page, the problem and the typed value.
  await page.getByLabel('Reference').fill('PO-1234');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText('Say why you reject the request.')).toBeVisible();
  await expect(page.getByLabel('Reference')).toHaveValue('PO-1234');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('refused-without-js-390.png'), fullPage: true });
  const db = await e2eDb();
  const task = await db.approvalTask.findFirstOrThrow({
    where: { title },
    select: { id: true, status: true },
  });
  expect(task.status).toBe('PENDING');

  await page.getByLabel(/Comment/).fill('Wrong supplier');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page).toHaveURL(/\/approve\/done\?t=/);
  await expect(page.getByRole('heading', { name: 'You rejected this request' })).toBeVisible();
  await expectStatus(client, executionArn!, 'SUCCEEDED');
  const decision = await db.decision.findFirstOrThrow({ where: { taskId: task.id } });
  expect(decision).toMatchObject({
    decision: 'rejected',
    comment: 'Wrong supplier',
    form: '{"reference":"PO-1234"}',
  });
});
