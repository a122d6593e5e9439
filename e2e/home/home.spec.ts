import { expect, test } from '@playwright/test';

test('[HOME]: the home page says what Signoff is and lists the seeded workflows', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Signoff' })).toBeVisible();
  const workflows = page.getByRole('list', { name: 'Workflows' });
  for (const name of ['order-fulfilment', 'expense-approval', 'data-processing-review']) {
    await expect(workflows.getByText(name, { exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Open the inbox' }).click();
  // the inbox is for signed-in people: a visitor is asked to sign in first
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
