/**
 * A manager's day in the inbox, through the built app with mail over SMTP on loopback: a bulk
 * approval of ten tasks of which one is their own request (9 approved, 1 refused with the
 * reason), a search by a word inside a task's details, a second browser that sees a decision
 * appear without reloading, and a task decided at 375 px. Screenshots are kept.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { financeTasks } from '../fixtures/finance-tasks';
import { extractLink, waitForEmail } from '../fixtures/mail';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInAs(page, email);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('[INBOX]: the manager bulk-approves ten tasks, one their own: 9 approved, 1 refused with the reason', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `bulk${Date.now().toString(36)}`;
  await financeTasks(tag, 10, (n) => (n === 10 ? 'manager@example.com' : undefined));
  const page = await signedIn(browser, 'manager@example.com');
  // their own request is not asked of them (the requester never is), so the Team tab holds all ten
  await page.goto(`/inbox?tab=team&q=${tag}`);
  const list = page.getByRole('list', { name: 'Approval tasks' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await page.getByLabel('Select all on this page').check();
  await page.getByLabel('Comment for the 10 selected').fill('Fine by me');
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await page.getByRole('button', { name: 'Confirm: approve 10 tasks' }).click();
  const outcome = page.getByRole('region', { name: 'Bulk decision' });
  await expect(outcome.getByRole('status')).toHaveText('9 approved, 1 not decided');
  await expect(outcome).toContainText(`${tag} request 10: not decided: You started this request`);
  await shot(page, 'inbox-bulk-1280');
  await page.goto(`/inbox?tab=team&q=${tag}`);
  await expect(list.getByRole('listitem')).toHaveCount(1); // only their own request is still open
  await page.goto(`/inbox?tab=decided&q=${tag}`);
  await expect(list.getByRole('listitem')).toHaveCount(9);
  await expect(list).toContainText('Fine by me');
  await page.context().close();
});

test('[INBOX]: a search finds a task by a word inside its details', async ({ browser }) => {
  const tag = `find${Date.now().toString(36)}`;
  await financeTasks(tag, 3);
  const page = await signedIn(browser, 'alice@example.com');
  await page.goto('/inbox');
  await expect(async () => {
    await page.keyboard.press('/'); // once the page is live
    await expect(page.getByRole('searchbox')).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type(`${tag}-widgets`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${tag}-widgets`));
  await expect(page.getByRole('list', { name: 'Approval tasks' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('searchbox').fill('"number 2"');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: `${tag} request 2` })).toBeVisible();
  await page.getByRole('searchbox').fill(`${tag} AND( "*`); // FTS syntax typed by a person: an answer, not an error
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await page.context().close();
});

test('[INBOX]: a second browser sees a decision appear without reloading; a phone decides a task', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `live${Date.now().toString(36)}`;
  await financeTasks(tag, 2);
  const carol = await signedIn(browser, 'carol@example.com');
  await carol.goto(`/inbox?q=${tag}`);
  const carolList = carol.getByRole('list', { name: 'Approval tasks' });
  await expect(carolList.getByRole('listitem')).toHaveCount(2);

  const alice = await signedIn(browser, 'alice@example.com', 375);
  await alice.goto(`/inbox?q=${tag}`);
  await alice.getByRole('link', { name: `${tag} request 1` }).click();
  await alice.getByLabel('Comment').fill('ok');
  await alice.getByRole('button', { name: 'Approve' }).click();
  await expect(alice.getByRole('status')).toContainText('You approved this request.');
  const overflow = await alice.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(alice, 'inbox-task-375');

  // carol's page was not reloaded: the decided task leaves her To do by itself
  await expect(carolList.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 });
  await expect(carol.getByRole('link', { name: `${tag} request 1` })).toHaveCount(0);
  await alice.goto(`/inbox?q=${tag}`);
  await shot(alice, 'inbox-list-375');
  await carol.context().close();
  await alice.context().close();
});

test('[INBOX]: carol claims a finance task and alice sees it claimed; the manager hands alice’s part to bob, whose link arrives while alice’s stops deciding', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `claim${Date.now().toString(36)}`;
  const title = `${tag} request 1`;
  await financeTasks(tag, 1);
  const aliceLink = extractLink(await waitForEmail('alice@example.com', tag));

  const carol = await signedIn(browser, 'carol@example.com');
  await carol.goto(`/inbox?q=${tag}`);
  await carol.getByRole('link', { name: title }).click();
  await carol.getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(carol.getByText('You claimed this request.')).toBeVisible();

  const alice = await signedIn(browser, 'alice@example.com');
  await alice.goto(`/inbox?q=${tag}`); // claimed by someone else: not in alice's To do
  await expect(alice.getByRole('link', { name: title })).toHaveCount(0);
  await alice.goto(carol.url());
  await expect(alice.getByText(/Claimed by carol@example\.com until/)).toBeVisible();
  await expect(alice.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await shot(alice, 'inbox-claimed-by-carol');

  const manager = await signedIn(browser, 'manager@example.com');
  await manager.goto(alice.url());
  await manager.getByLabel('Person’s email').fill('bob@example.com');
  await manager.getByLabel('Add or replace').selectOption({ label: 'Replace alice@example.com' });
  await manager.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(
    manager.getByText(/bob@example\.com is now asked to decide instead of alice@example\.com/),
  ).toBeVisible();
  await shot(manager, 'inbox-reassigned');

  const bobLink = extractLink(await waitForEmail('bob@example.com', tag));
  const bob = await browser.newPage();
  await bob.goto(bobLink);
  await expect(bob.getByRole('heading', { name: title })).toBeVisible();
  await bob.goto(aliceLink); // alice's own link no longer decides
  await expect(bob.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  for (const page of [carol, alice, manager, bob]) await page.context().close();
});
