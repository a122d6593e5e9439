import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';

async function look(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('[ADMIN]: people and groups pages for an admin; an approver is told they are for admins', async ({
  page,
  browser,
}) => {
  await page.goto('/sign-in');
  await signInAs(page, 'admin@example.com');
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(page.getByRole('row', { name: /carol@example\.com/ })).toContainText('finance, operations');
  await look(page, 'people');
  await page.getByRole('link', { name: 'carol@example.com' }).click();
  await expect(page.getByRole('heading', { name: 'carol@example.com' })).toBeVisible();
  await expect(page.getByText(/Waiting for their decision \(\d+\)/)).toBeVisible();
  await look(page, 'person');
  await page.goto('/admin/people/no-such-person');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/admin/groups');
  await expect(page.getByRole('heading', { name: 'group:finance' })).toBeVisible();
  await look(page, 'groups');

  const approver = await (await browser.newContext()).newPage();
  await approver.goto('/sign-in');
  await signInAs(approver, 'alice@example.com');
  await approver.goto('/admin/people');
  await expect(approver.getByText('This page is for admins')).toBeVisible();
  await expect(approver.getByText('carol@example.com')).toHaveCount(0);
});
