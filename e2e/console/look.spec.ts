/**
 * Every console page, looked at: screenshots light and dark at 1280 and 390 px (kept in the
 * test's output folder, test-results/, as artifacts), an axe check that finds no serious or
 * critical violation in either theme, and no page wider than a 390 px phone. The theme switch
 * is tried once: the choice holds across a reload.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

let distributed: Promise<{ parent: string; child: string; mapRun: string }> | undefined;

/**
 * An execution whose Distributed Map ran six items in batches of two (three child executions
 * of one map run), started once through the services; the server's engine runs it.
 */
function distributedRun() {
  distributed ??= (async () => {
    const { db } = await import('../../lib/db/client');
    const { createWorkflow } = await import('../../lib/workflows/create-workflow');
    const { startExecution } = await import('../../lib/executions/start-execution');
    const system = { type: 'system' as const, label: 'e2e' };
    const name = `score-batches-${Date.now()}`;
    await createWorkflow({
      name,
      definition: JSON.stringify({
        StartAt: 'Score',
        States: {
          Score: {
            Type: 'Map',
            Label: 'scoring',
            MaxConcurrency: 2,
            ItemBatcher: { MaxItemsPerBatch: 2 },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Count',
              States: {
                Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)' }, End: true },
              },
            },
            End: true,
          },
        },
      }),
      actor: system,
    });
    const { execution } = await startExecution({
      workflowId: name,
      input: JSON.stringify([1, 2, 3, 4, 5, 6].map((score) => ({ score }))),
      actor: system,
    });
    await expect
      .poll(async () => (await db.execution.findUniqueOrThrow({ where: { id: execution.id } })).status, {
        timeout: 20_000,
      })
      .toBe('SUCCEEDED');
    const run = await db.mapRun.findFirstOrThrow({ where: { executionId: execution.id } });
    const child = await db.execution.findFirstOrThrow({
      where: { mapRunId: run.id },
      orderBy: { mapIndex: 'asc' },
    });
    return { parent: execution.id, child: child.id, mapRun: run.id };
  })();
  return distributed;
}

async function demoExecutionId(): Promise<string> {
  const { db } = await import('../../lib/db/client');
  const execution = await db.execution.findFirstOrThrow({
    where: { workflow: { name: 'order-fulfilment' } },
    orderBy: { startedAt: 'asc' },
  });
  return execution.id;
}

const PAGES: [name: string, path: string | (() => Promise<string>)][] = [
  ['overview', '/admin'],
  ['workflows', '/admin/workflows'],
  ['workflow', '/admin/workflows/order-fulfilment'],
  ['workflow-new', '/admin/workflows/new'],
  ['workflow-edit', '/admin/workflows/order-fulfilment/edit'],
  ['executions', '/admin/executions'],
  ['executions-express', '/admin/executions?type=express'],
  ['execution', async () => `/admin/executions/${await demoExecutionId()}`],
  ['execution-new', '/admin/executions/new?workflow=order-fulfilment'],
  ['execution-distributed-map', async () => `/admin/executions/${(await distributedRun()).parent}`],
  ['executions-of-map-run', async () => `/admin/executions?mapRun=${(await distributedRun()).mapRun}`],
  ['execution-map-child', async () => `/admin/executions/${(await distributedRun()).child}`],
  ['audit', '/admin/audit'],
  ['mail', '/admin/mail'],
];

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const graph = page.locator('[data-graph-ready]');
  if ((await graph.count()) > 0) await expect(graph.first()).toHaveAttribute('data-graph-ready', 'true');
}

test.describe('console pages', () => {
  /** One sign-in for the whole file: every test opens a page with the admin's cookies. */
  let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signInAs(page, 'admin@example.com');
    storageState = await context.storageState();
    await context.close();
  });
  test.use({ storageState: async ({}, use) => use(storageState) });

  for (const [name, path] of PAGES) {
    test(`[CONSOLE]: ${name} looks right light and dark, at 1280 and 390 px, and passes axe`, async ({
      page,
    }) => {
      // Four screenshots and four axe runs: on a loaded 2-core machine that passes 30 s.
      test.setTimeout(90_000);
      const url = typeof path === 'string' ? path : await path();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          await settle(page);
          await page.screenshot({
            path: test.info().outputPath(`${name}-${colorScheme}-${width}.png`),
            fullPage: true,
          });
          if (width === 390) {
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth,
            );
            expect(overflow, `${name} at 390 px scrolls sideways`).toBeLessThanOrEqual(1);
          }
        }
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map(
            (v) =>
              `${v.id}: ${v.help} (${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')})`,
          ),
          `${name} in ${colorScheme}`,
        ).toEqual([]);
      }
    });
  }

  test('[CONSOLE]: the theme switch holds across a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/admin/workflows');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(248, 250, 252)'); // slate-50, the light page
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  });
});
