import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { newSignInLink, signInLinks } from '../fixtures/auth';
import { extractLink, waitForEmail } from '../fixtures/mail';

// This project's server is a real install (SIGNOFF_DEMO=off) on a database of its own.
process.env.DATABASE_URL = process.env.E2E_REAL_DATABASE_URL;

const ALICE = 'alice@real.example';
const BOB = 'bob@real.example';

test('[REAL-INSTALL]: setup link → first admin → invitations and a group → alice signs in, delegates to bob → bob decides on her behalf', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('note')).toHaveCount(0); // no Demo banner
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible(); // not public here

  await page.goto(readFileSync(process.env.E2E_SETUP_LINK_FILE!, 'utf8').trim());
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  await page.getByLabel('Your email').fill('root@real.example');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByLabel('Name', { exact: true }).fill('buyers');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText('Created group:buyers.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People' }).click();
  for (const email of [ALICE, BOB]) {
    await page.getByLabel('Email').fill(email);
    if (email === ALICE) await page.getByLabel('buyers').check();
    await page.getByRole('button', { name: 'Invite' }).click();
    await expect(page.getByText(`Invited ${email}`)).toBeVisible();
  }
  await expect(page.getByRole('row', { name: new RegExp(ALICE) })).toContainText('Invited');

  const alice = await (await browser.newContext()).newPage();
  await alice.goto(
    extractLink(await waitForEmail(ALICE, 'You are invited'), /https?:\/\/\S+\/sign-in\?email=\S+/),
  );
  await expect(alice.getByLabel('Email')).toHaveValue(ALICE);
  const before = signInLinks(ALICE);
  await alice.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const signIn = await newSignInLink(ALICE, before);
  expect((await alice.request.get(signIn)).status()).toBe(200); // a scanner's GET leaves it usable
  await alice.goto(signIn);
  await alice.getByRole('button', { name: 'Sign in' }).click();
  await expect(alice).toHaveURL(/\/inbox$/);

  await alice.goto('/profile');
  await alice.getByLabel('Delegate to').selectOption({ label: BOB });
  await alice.getByRole('button', { name: 'Set delegation' }).click();
  await expect(alice.getByText('Delegation set.')).toBeVisible();

  const { createWorkflow } = await import('../../lib/workflows/create-workflow');
  const { startExecution } = await import('../../lib/executions/start-execution');
  const system = { type: 'system' as const, label: 'e2e' };
  const definition = {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: { Title: 'Buy a printer', Approvers: ['group:buyers'] },
        End: true,
      },
    },
  };
  await createWorkflow({ name: 'purchase', definition: JSON.stringify(definition), actor: system });
  const { execution } = await startExecution({ workflowId: 'purchase', input: '{}', actor: system });
  const mail = await waitForEmail(BOB, 'Buy a printer');
  expect(mail.text).toContain(`on behalf of ${ALICE}`);
  await page.goto(extractLink(mail));
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'You approved this request' })).toBeVisible();

  const { db } = await import('../../lib/db/client');
  await expect
    .poll(async () => (await db.execution.findUniqueOrThrow({ where: { id: execution.id } })).status, {
      timeout: 15_000,
    })
    .toBe('SUCCEEDED');
  const output = JSON.parse((await db.execution.findUniqueOrThrow({ where: { id: execution.id } })).output!);
  expect(output.Decisions).toEqual([
    expect.objectContaining({ By: BOB, OnBehalfOf: ALICE, Decision: 'approved' }),
  ]);
  const actions = (await db.auditEntry.findMany({ orderBy: { seq: 'asc' }, select: { action: true } })).map(
    (a) => a.action,
  );
  for (const step of [
    'SETUP_COMPLETED',
    'GROUP_CREATED',
    'USER_CREATED',
    'SIGNED_IN',
    'DELEGATION_CREATED',
    'EXECUTION_STARTED',
    'TASK_DECIDED',
  ])
    expect(actions).toContain(step);
});
