import { expect, test } from '@playwright/test';
import { signInAs } from '../fixtures/auth';

test('[HOME]: a visitor sees what Signoff is and the demo banner, but no workflow names and no Admin link', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Signoff' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('shows everyone’s mail');
  await expect(page.getByRole('list', { name: 'Workflows' })).toHaveCount(0);
  await expect(page.getByText('order-fulfilment')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Open the inbox' }).click();
  // the inbox is for signed-in people: a visitor is asked to sign in first
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('[HOME]: signed in, an approver sees the workflows but no Admin link; an admin sees it', async ({
  page,
  browser,
}) => {
  await page.goto('/sign-in');
  await signInAs(page, 'alice@example.com');
  await page.goto('/');
  const workflows = page.getByRole('list', { name: 'Workflows' });
  for (const name of ['order-fulfilment', 'expense-approval', 'data-processing-review'])
    await expect(workflows.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await admin.goto('/sign-in');
  await signInAs(admin, 'admin@example.com');
  await admin.goto('/');
  await expect(admin.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
});

test('[HOME]: pages send a nonce CSP, no framing, no sniffing; token pages no Referer; unknown API paths JSON', async ({
  request,
}) => {
  const home = await request.get('/');
  const csp = home.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(home.headers()['x-content-type-options']).toBe('nosniff');
  expect(home.headers()['x-frame-options']).toBe('DENY');
  const again = (await request.get('/')).headers()['content-security-policy'];
  expect(again).not.toBe(csp); // a fresh nonce per request
  const link = await request.get(`/approve/${'x'.repeat(43)}`);
  expect(link.headers()['referrer-policy']).toBe('same-origin');
  const unknown = await request.get('/api/v1/no-such-thing');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
});
