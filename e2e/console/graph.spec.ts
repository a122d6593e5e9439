/**
 * The graph in the browser: a 204-state definition with nested Parallel and Map drawn with no
 * two state boxes overlapping (read from the rendered DOM), and names that hold markup drawn as
 * text. The layout time the page reports is attached to the test's results (the figure to
 * watch is the bench's graph.layout_200_states_ms; no test asserts a time).
 */
import { expect, test, type Page } from '@playwright/test';
import { largeDefinition } from '../../lib/asl/graph/large-definition';
import { signInAs } from '../fixtures/auth';

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

const MARKUP = '<img src=x onerror=alert(1)>';

async function createWorkflow(name: string, definition: object) {
  const { createWorkflow } = await import('../../lib/workflows/create-workflow');
  return createWorkflow({
    name,
    definition: JSON.stringify(definition),
    actor: { type: 'system', label: 'e2e' },
  });
}

async function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute('data-state') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

test('[CONSOLE]: a 204-state definition is drawn with no overlapping boxes', async ({ page }) => {
  const workflow = await createWorkflow(`large-${Date.now()}`, largeDefinition());
  await page.goto('/sign-in');
  await signInAs(page, 'admin@example.com');
  await page.goto(`/admin/workflows/${workflow.id}`);
  const graph = page.locator('[data-graph-ready="true"]');
  await expect(graph).toBeVisible({ timeout: 15_000 });
  await expect(graph).toHaveAttribute('data-node-count', '204');
  const layoutMs = await graph.getAttribute('data-layout-ms');
  test.info().annotations.push({ type: 'layout-ms (204 states, browser)', description: layoutMs ?? '' });
  const leaves = await boxes(page, '.react-flow__node-state [data-state]');
  expect(leaves.length).toBeGreaterThan(150);
  const overlapping = leaves.flatMap((a, i) =>
    leaves
      .slice(i + 1)
      .filter(
        (b) =>
          !(
            a.x + a.w <= b.x + 0.5 ||
            b.x + b.w <= a.x + 0.5 ||
            a.y + a.h <= b.y + 0.5 ||
            b.y + b.h <= a.y + 0.5
          ),
      )
      .map((b) => `${a.name} overlaps ${b.name}`),
  );
  expect(overlapping).toEqual([]);
  expect(leaves.filter((box) => box.w <= 0 || box.h <= 0)).toEqual([]);
  const groups = await boxes(page, '.react-flow__node-container > [data-state]');
  expect(groups.length).toBe(12 * 3); // each block: its Parallel, the Map, the inner Parallel
});

test('[CONSOLE]: names and details that hold markup are drawn as text', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (dialog) => {
    alerted = true;
    await dialog.dismiss();
  });
  const workflow = await createWorkflow(`markup-${Date.now()}`, {
    Comment: `<b>bold</b> ${MARKUP}`,
    StartAt: MARKUP,
    States: {
      [MARKUP]: {
        Type: 'Task',
        Resource: 'approval',
        Parameters: {
          Title: `Check ${MARKUP}`,
          Details: { note: '<script>alert(2)</script>' },
          Approvers: [MARKUP],
        },
        End: true,
      },
    },
  });
  await page.goto('/sign-in');
  await signInAs(page, 'admin@example.com');
  await page.goto(`/admin/workflows/${workflow.id}`);
  await expect(page.locator('[data-graph-ready="true"]')).toBeVisible();
  const node = page.locator(`[data-state="${MARKUP}"]`);
  await expect(node).toContainText(MARKUP);
  await node.click();
  await expect(page.getByRole('complementary', { name: `State ${MARKUP}` })).toContainText(
    '<script>alert(2)</script>',
  );
  await page.getByText('Definition of version 1 (JSON)').click();
  await expect(page.locator('pre').filter({ hasText: '<b>bold</b>' })).toBeVisible();
  expect(await page.locator('img[src="x"], b:text("bold")').count()).toBe(0);
  expect(alerted).toBe(false);
});
