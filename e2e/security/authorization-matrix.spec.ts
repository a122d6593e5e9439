/**
 * Who may reach what, tried for real against the built server: every page and route handler
 * under app/ has a row here (the test lists app/ itself and fails on a route without one), and
 * every server-action file names the guard it goes through. Principals: anonymous, an approver,
 * a manager, an admin (signed in through the magic link), and API keys without and with the
 * scope a route needs. Every refused call is checked to have written nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { createTestApiKey, e2eDb } from '../fixtures/api-key';
import { signInAs } from '../fixtures/auth';

type Role = 'anonymous' | 'approver' | 'manager' | 'admin';
/** ok: 200 on the page itself; sign-in: sent to /sign-in; admins-only: 403 and told so; a number: that status. */
type PageExpect = 'ok' | 'sign-in' | 'admins-only' | 404;

interface PageRow {
  path: string;
  expect: Record<Role, PageExpect>;
}

interface ApiRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** the scope an API key needs; null: public, or (with session) for signed-in people only */
  scope: string | null;
  /** a signed-in person's route (no API key reaches it): 401 without a session */
  session?: true;
  body?: () => unknown;
}

const all = (e: PageExpect): Record<Role, PageExpect> => ({
  anonymous: e,
  approver: e,
  manager: e,
  admin: e,
});
const signedIn = (e: PageExpect): Record<Role, PageExpect> => ({
  anonymous: 'sign-in',
  approver: e,
  manager: e,
  admin: e,
});
const adminsOnly = (adminSees: PageExpect = 'ok'): Record<Role, PageExpect> => ({
  anonymous: 'sign-in',
  approver: 'admins-only',
  manager: 'admins-only',
  admin: adminSees,
});

const TOKEN = 'x'.repeat(43);
const unique = () => `authz-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const passDefinition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

/** Pages, by their route pattern under app/ (route groups dropped). Sample values fill [params]. */
const PAGES: Record<string, PageRow> = {
  '/': { path: '/', expect: all('ok') },
  '/sign-in': { path: '/sign-in', expect: { ...all('ok'), anonymous: 'sign-in' } },
  '/check-email': { path: '/check-email', expect: all('ok') },
  '/sign-in/confirm': { path: '/sign-in/confirm', expect: all('ok') },
  '/setup/[token]': { path: `/setup/${TOKEN}`, expect: all('ok') },
  '/approve/[token]': { path: `/approve/${TOKEN}`, expect: all(404) },
  '/approve/done': { path: '/approve/done', expect: all('ok') },
  '/approve/already-decided': { path: '/approve/already-decided', expect: all('ok') },
  '/approve/expired': { path: '/approve/expired', expect: all('ok') },
  '/approve/cancelled': { path: '/approve/cancelled', expect: all('ok') },
  '/dev/mailbox': { path: '/dev/mailbox', expect: all('ok') }, // the demo; a real install: admins (real-install spec)
  '/inbox': { path: '/inbox', expect: signedIn('ok') },
  '/inbox/[taskId]': { path: '/inbox/no-such-task', expect: signedIn(404) },
  '/inbox/team': { path: '/inbox/team', expect: signedIn('ok') }, // an approver: told it is for managers and admins
  '/profile': { path: '/profile', expect: signedIn('ok') },
  '/admin': { path: '/admin', expect: adminsOnly() },
  '/admin/people': { path: '/admin/people', expect: adminsOnly() },
  '/admin/people/[id]': { path: '/admin/people/no-such-person', expect: adminsOnly(404) },
  '/admin/groups': { path: '/admin/groups', expect: adminsOnly() },
  '/admin/api-keys': { path: '/admin/api-keys', expect: adminsOnly() },
  '/admin/workflows': { path: '/admin/workflows', expect: adminsOnly() },
  '/admin/workflows/new': { path: '/admin/workflows/new', expect: adminsOnly() },
  '/admin/workflows/[id]': { path: '/admin/workflows/expense-approval', expect: adminsOnly() },
  '/admin/workflows/[id]/edit': { path: '/admin/workflows/expense-approval/edit', expect: adminsOnly() },
  '/admin/executions': { path: '/admin/executions', expect: adminsOnly() },
  '/admin/executions/new': { path: '/admin/executions/new', expect: adminsOnly() },
  '/admin/executions/[id]': { path: '/admin/executions/no-such-execution', expect: adminsOnly(404) },
  '/admin/audit': { path: '/admin/audit', expect: adminsOnly() },
  '/admin/mail': { path: '/admin/mail', expect: adminsOnly() },
};

/** Route handlers. */
const ROUTES: Record<string, ApiRow[]> = {
  '/api/health': [{ method: 'GET', path: '/api/health', scope: null }],
  '/api/auth/[...nextauth]': [{ method: 'GET', path: '/api/auth/session', scope: null }],
  '/api/sfn': [], // SigV4 and scopes per action: lib/sfn/scopes.test.ts drives all 26 actions through the AWS SDK
  '/api/v1/[...path]': [{ method: 'GET', path: '/api/v1/no-such-endpoint', scope: null }],
  '/inbox/events': [{ method: 'GET', path: '/inbox/events', scope: null, session: true }],
  '/api/v1/openapi.json': [{ method: 'GET', path: '/api/v1/openapi.json', scope: null }],
  '/api/v1/workflows': [
    { method: 'GET', path: '/api/v1/workflows', scope: 'workflows:read' },
    {
      method: 'POST',
      path: '/api/v1/workflows',
      scope: 'workflows:write',
      body: () => ({ name: unique(), definition: passDefinition }),
    },
  ],
  '/api/v1/workflows/validate': [
    {
      method: 'POST',
      path: '/api/v1/workflows/validate',
      scope: 'workflows:read',
      body: () => ({ definition: passDefinition }),
    },
  ],
  '/api/v1/workflows/[id]': [
    { method: 'GET', path: '/api/v1/workflows/order-fulfilment', scope: 'workflows:read' },
    {
      method: 'PUT',
      path: '/api/v1/workflows/no-such-workflow',
      scope: 'workflows:write',
      body: () => ({ definition: passDefinition }),
    },
    { method: 'DELETE', path: '/api/v1/workflows/no-such-workflow', scope: 'workflows:write' },
  ],
  '/api/v1/workflows/[id]/versions': [
    {
      method: 'POST',
      path: '/api/v1/workflows/no-such-workflow/versions',
      scope: 'workflows:write',
      body: () => ({ definition: passDefinition }),
    },
  ],
  '/api/v1/workflows/[id]/versions/[version]': [
    { method: 'GET', path: '/api/v1/workflows/order-fulfilment/versions/1', scope: 'workflows:read' },
  ],
  '/api/v1/executions': [
    { method: 'GET', path: '/api/v1/executions', scope: 'executions:read' },
    {
      method: 'POST',
      path: '/api/v1/executions',
      scope: 'executions:write',
      body: () => ({ workflowId: 'expense-approval', name: unique(), input: { amount: 1 } }),
    },
  ],
  '/api/v1/executions/[id]': [
    { method: 'GET', path: '/api/v1/executions/no-such-execution', scope: 'executions:read' },
  ],
  '/api/v1/executions/[id]/history': [
    { method: 'GET', path: '/api/v1/executions/no-such-execution/history', scope: 'executions:read' },
  ],
  '/api/v1/executions/[id]/stop': [
    {
      method: 'POST',
      path: '/api/v1/executions/no-such-execution/stop',
      scope: 'executions:write',
      body: () => ({}),
    },
  ],
  '/api/v1/executions/[id]/redrive': [
    {
      method: 'POST',
      path: '/api/v1/executions/no-such-execution/redrive',
      scope: 'executions:write',
      body: () => ({}),
    },
  ],
  '/api/v1/tasks/success': [
    {
      method: 'POST',
      path: '/api/v1/tasks/success',
      scope: 'tasks:write',
      body: () => ({ taskToken: 'not-a-token', output: {} }),
    },
  ],
  '/api/v1/tasks/failure': [
    {
      method: 'POST',
      path: '/api/v1/tasks/failure',
      scope: 'tasks:write',
      body: () => ({ taskToken: 'not-a-token' }),
    },
  ],
  '/api/v1/tasks/heartbeat': [
    {
      method: 'POST',
      path: '/api/v1/tasks/heartbeat',
      scope: 'tasks:write',
      body: () => ({ taskToken: 'not-a-token' }),
    },
  ],
  '/api/v1/activities': [
    { method: 'GET', path: '/api/v1/activities', scope: 'workflows:read' },
    {
      method: 'POST',
      path: '/api/v1/activities',
      scope: 'workflows:write',
      body: () => ({ name: unique() }),
    },
  ],
  '/api/v1/activities/[name]': [
    { method: 'GET', path: '/api/v1/activities/no-such-activity', scope: 'workflows:read' },
    { method: 'DELETE', path: '/api/v1/activities/no-such-activity', scope: 'workflows:write' },
  ],
  '/api/v1/activities/[name]/poll': [
    {
      method: 'POST',
      path: '/api/v1/activities/no-such-activity/poll',
      scope: 'activities:poll',
      body: () => ({ waitSeconds: 0 }),
    },
  ],
  '/api/v1/audit': [{ method: 'GET', path: '/api/v1/audit', scope: 'audit:read' }],
  '/api/v1/audit/verify': [{ method: 'GET', path: '/api/v1/audit/verify', scope: 'audit:read' }],
};

/** Server actions: each file and the guard every action in it goes through. */
const ACTIONS: Record<string, string> = {
  'app/approve/actions.ts': 'decideTaskByToken', // the email link's token is the capability
  'app/setup/[token]/actions.ts': 'completeSetup', // the one-time setup token
  'app/inbox/(list)/actions.ts': 'authedAction',
  'app/inbox/[taskId]/actions.ts': 'authedAction',
  'app/inbox/team/actions.ts': 'authedAction',
  'app/inbox/bulk/actions.ts': 'authedAction',
  'app/profile/actions.ts': 'authedAction',
  'app/admin/people/actions.ts': 'authedAction',
  'app/admin/groups/actions.ts': 'authedAction',
  'app/admin/api-keys/actions.ts': 'authedAction',
  'app/admin/workflows/actions.ts': 'authedAction',
  'app/admin/executions/actions.ts': 'authedAction',
  'app/admin/audit/actions.ts': 'authedAction',
  'app/admin/mail/actions.ts': 'authedAction',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `app/(auth)/sign-in/page.tsx` → `/sign-in`. */
function routeOf(file: string): string {
  const segments = relative('app', file)
    .split('/')
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

test('[AUTHZ]: every page, route handler and action file under app/ has a row', () => {
  const files = filesUnder('app');
  const pages = files
    .filter((f) => f.endsWith('/page.tsx'))
    .map(routeOf)
    .sort();
  const routes = files
    .filter((f) => f.endsWith('/route.ts'))
    .map(routeOf)
    .sort();
  const actions = files.filter((f) => f.endsWith('/actions.ts')).sort();
  expect(pages).toEqual(Object.keys(PAGES).sort());
  expect(routes).toEqual(Object.keys(ROUTES).sort());
  expect(actions).toEqual(Object.keys(ACTIONS).sort());
  for (const [file, guard] of Object.entries(ACTIONS)) {
    const source = readFileSync(file, 'utf8');
    const exported = [...source.matchAll(/export async function (\w+)/g)].map((m) => m[1]);
    expect(exported.length, file).toBeGreaterThan(0);
    expect(source, `${file} goes through ${guard}`).toContain(`${guard}(`);
  }
});

test.describe('pages', () => {
  const contexts = new Map<Role, BrowserContext>();
  test.beforeAll(async ({ browser }) => {
    contexts.set('anonymous', await browser.newContext());
    for (const [role, email] of [
      ['approver', 'alice@example.com'],
      ['manager', 'manager@example.com'],
      ['admin', 'admin@example.com'],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto('/sign-in');
      await signInAs(page, email);
      await expect(page).toHaveURL(/\/inbox$/);
      await page.close();
      contexts.set(role, context);
    }
  });
  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  for (const [pattern, row] of Object.entries(PAGES)) {
    test(`[AUTHZ]: ${pattern}`, async () => {
      for (const role of ['anonymous', 'approver', 'manager', 'admin'] as const) {
        const page = await contexts.get(role)!.newPage();
        const response = await page.goto(row.path);
        const expected = row.expect[role];
        const path = new URL(page.url()).pathname;
        const what = `${role} on ${row.path}`;
        if (expected === 'sign-in') expect(path, what).toBe('/sign-in');
        else if (expected === 404) expect(response?.status(), what).toBe(404);
        else if (expected === 'admins-only') {
          expect(response?.status(), what).toBe(403);
          await expect(page.getByRole('heading', { name: 'This page is for admins' }), what).toBeVisible();
        } else {
          expect(response?.status(), what).toBe(200);
          await expect(page.getByText('This page is for admins'), what).toHaveCount(0);
          if (pattern !== '/sign-in') expect(path, what).not.toBe('/sign-in');
        }
        await page.close();
      }
    });
  }
});

test.describe('route handlers', () => {
  const withScope = new Map<string, string>();
  /** A key that lacks `scope` (it has exactly one other). */
  const without = (scope: string) => withScope.get(scope === 'audit:read' ? 'workflows:read' : 'audit:read');
  test.beforeAll(async () => {
    const scopes = new Set(
      Object.values(ROUTES)
        .flat()
        .map((r) => r.scope)
        .filter((s): s is string => s !== null),
    );
    for (const scope of scopes) {
      const k = await createTestApiKey(`authz-${scope}`, [scope]);
      withScope.set(scope, `Bearer ${k.id}.${k.secret}`);
    }
  });

  async function counts() {
    const db = await e2eDb();
    const [workflows, versions, executions, activities, tokens] = await Promise.all([
      db.workflow.count(),
      db.workflowVersion.count(),
      db.execution.count(),
      db.activity.count(),
      db.taskToken.count({ where: { status: { not: 'PENDING' } } }),
    ]);
    return { workflows, versions, executions, activities, tokens };
  }

  const send = (request: APIRequestContext, row: ApiRow, authorization?: string) =>
    request.fetch(row.path, {
      method: row.method,
      headers: authorization ? { authorization } : {},
      ...(row.body ? { data: row.body() } : {}),
      maxRedirects: 0,
    });

  for (const [pattern, rows] of Object.entries(ROUTES)) {
    for (const row of rows) {
      test(`[AUTHZ]: ${row.method} ${pattern}`, async ({ request }) => {
        if (row.session) {
          // refused without a session: 401, or the proxy's redirect to the sign-in page
          const refused = (response: Awaited<ReturnType<typeof send>>) =>
            response.status() === 401 ||
            (response.status() >= 300 &&
              response.status() < 400 &&
              /\/sign-in/.test(response.headers().location ?? ''));
          expect(refused(await send(request, row)), 'no session').toBe(true);
          const keyed = await send(request, row, [...withScope.values()][0]);
          expect(refused(keyed), 'an API key is no session').toBe(true);
          return;
        }
        if (row.scope === null) {
          const status = (await send(request, row)).status();
          expect(status === 200 || status === 404, `${row.path} answers without a key (${status})`).toBe(
            true,
          );
          return;
        }
        const before = await counts();
        expect((await send(request, row)).status(), 'no key').toBe(401);
        const refused = await send(request, row, without(row.scope));
        expect(refused.status(), 'a key without the scope').toBe(403);
        expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        expect(await counts(), 'refusals wrote nothing').toEqual(before);
        const allowed = (await send(request, row, withScope.get(row.scope))).status();
        expect([401, 403], `a key with ${row.scope} gets past authorization (${allowed})`).not.toContain(
          allowed,
        );
      });
    }
  }
});
