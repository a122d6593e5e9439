import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createTestApiKey, e2eDb } from '../fixtures/api-key';
import { signInAs } from '../fixtures/auth';

/** Pictures at a phone's and a desktop's width (for people to look at), and no axe violations. */
async function check(page: Page, name: string) {
  for (const [width, height] of [
    [390, 844],
    [1280, 900],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual(
    [],
  );
}

/** Keys made outside the page: one by the CLI with every scope, one past its expiry. */
async function seedOtherKeys(stamp: number) {
  const cliKey = await createTestApiKey(`cli-all-${stamp}`);
  const expired = await createTestApiKey(`expired-${stamp}`);
  await (
    await e2eDb()
  ).apiKey.update({
    where: { id: expired.id },
    data: { scopes: '["audit:read"]', expiresAt: new Date(Date.now() - 60_000) },
  });
  return { cliKey, expired };
}

test('[ADMIN]: an admin creates a read-only key, the REST API honours its scope, and revoking it locks it out', async ({
  page,
  context,
  request,
}) => {
  const stamp = Date.now();
  const { cliKey, expired } = await seedOtherKeys(stamp);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, 'admin@example.com');
  await page.goto('/admin/api-keys');
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  const cliRow = page.getByRole('row', { name: new RegExp(`cli-all-${stamp}`) });
  await expect(cliRow).toContainText(cliKey.id);
  await expect(cliRow.getByRole('list', { name: 'Scopes' }).first()).toHaveText('all');
  await expect(cliRow.getByRole('button', { name: `Revoke cli-all-${stamp}` })).toBeVisible();
  const expiredRow = page.getByRole('row', { name: new RegExp(`expired-${stamp}`) });
  await expect(expiredRow).toContainText(expired.id);
  await expect(expiredRow).toContainText('expired');
  await expect(expiredRow.getByRole('button')).toHaveCount(0);

  const name = `e2e-reader-${stamp}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create API key' }).click(); // no scope: refused beside the scopes
  await expect(page.getByText('Choose at least one scope.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  const reader = page.getByRole('checkbox', { name: /^executions:read/ });
  await expect(reader).toHaveAttribute('aria-invalid', 'true');
  await reader.check();
  await page.getByRole('button', { name: 'Create API key' }).click();

  const panel = page.getByRole('region', { name: `API key “${name}” created` });
  await expect(panel).toContainText('it will not be shown again');
  const id = await panel.getByLabel('Key id (access key id)').inputValue();
  const secret = await panel.getByLabel('Secret (secret access key)').inputValue();
  expect(id).toMatch(/^SO[A-Z0-9]{20}$/);
  expect(secret).toHaveLength(40);
  await expect(panel).toContainText(`Authorization: Bearer ${id}.${secret}`);
  await expect(panel).toContainText(`AWS_SECRET_ACCESS_KEY=${secret}`);
  await panel.getByRole('button', { name: 'Copy secret' }).click();
  await expect(panel.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(id);
  await expect(row).toContainText('executions:read');
  await expect(row).toContainText('admin@example.com');
  await expect(row).toContainText('active');
  await expect(page.getByLabel('Name')).toHaveValue(''); // ready for the next key
  await check(page, 'api-keys');

  const auth = { Authorization: `Bearer ${id}.${secret}` };
  expect((await request.get('/api/v1/executions', { headers: auth })).status()).toBe(200);
  const start = await request.post('/api/v1/executions', {
    headers: auth,
    data: { workflowId: 'expense-approval' },
  });
  expect(start.status()).toBe(403);
  expect(await start.json()).toMatchObject({
    error: { code: 'FORBIDDEN', message: expect.stringContaining('executions:write') },
  });

  await page.reload(); // the secret is gone for good; the use shows
  await expect(page.getByLabel('Secret (secret access key)')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row).not.toContainText('never');

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await row.getByRole('button', { name: `Confirm revoke ${name}` }).click();
  await expect(row).toContainText('revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  const after = await request.get('/api/v1/executions', { headers: auth });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
});

test('[ADMIN]: an approver who opens the API keys page is told it is for admins', async ({ page }) => {
  await signInAs(page, 'alice@example.com');
  await page.goto('/admin/api-keys');
  await expect(page.getByRole('heading', { name: 'This page is for admins' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create API key' })).toHaveCount(0);
});
