/**
 * Inbox benchmarks on a fresh SQLite file holding SIGNOFF_BENCH_INBOX_TASKS approval tasks
 * (default 1,000,000; written with raw better-sqlite3 prepared statements in large transactions,
 * not Prisma), one in 20 of them open, 2,000 of the open ones asked of one approver (a quarter
 * through their group), who also decided 20,000 earlier ones:
 * - inbox.list_ms: listInboxTasks for that approver's To do tab, first page (50 rows, newest
 *   first), p50/p95 of 200 calls — the service call the page renders from (ids, rows, DTOs);
 * - inbox.search_ms: the same tab searching a word inside the details that 1 task in 50 holds
 *   (the tasks' item names), p50/p95 of 200 calls.
 * Writing a million tasks (with their tokens, assignees and search rows) takes 70-90 s on a
 * 2-core machine; set SIGNOFF_BENCH_INBOX_TASKS lower for a quick look. Runnable alone:
 * `npx tsx scripts/bench/inbox.ts` prints the JSON lines (and, on stderr, how long the data took).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { runAlone } from './run-alone';

const TASKS = Number(process.env.SIGNOFF_BENCH_INBOX_TASKS ?? 1_000_000);
/** The approver's open tasks (all of them when fewer tasks are open). */
const VISIBLE = 2000;
const OPEN_EVERY = 20;
const ROUNDS = 200;
const USERS = 500;
const ITEMS = [
  'laptop',
  'monitor',
  'keyboard',
  'desk',
  'chair',
  'printer',
  'headset',
  'tablet',
  'phone',
  'router',
];
/** 50 item words in all: each in 1 task of 50. */
const ITEM_WORDS = ITEMS.flatMap((item) =>
  ['basic', 'pro', 'max', 'mini', 'ultra'].map((kind) => `${kind}${item}`),
);
const SEARCHED = ITEM_WORDS[7];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;
const time = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** Spreads i over 0..n-1 with no pattern the approver's every-k-th tasks would follow (an integer hash). */
function spread(i: number, n: number): number {
  let x = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return ((x ^ (x >>> 16)) >>> 0) % n;
}

function detailsOf(i: number) {
  return {
    orderId: `PO-${100000 + i}`,
    vendor: `vendor${spread(i, 997)}`,
    items: [{ name: ITEM_WORDS[spread(i, ITEM_WORDS.length)], qty: 1 + (i % 7) }],
    costCenter: `CC-${i % 113}`,
    note: 'Replacement for equipment past its warranty',
  };
}

function flatten(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => flatten(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => flatten(v, out));
  return out;
}

function seedPeople(db: Database.Database, now: number) {
  const user = db.prepare('INSERT INTO "User" ("id", "email", "role", "updatedAt") VALUES (?, ?, ?, ?)');
  user.run('approver', 'approver@bench.example', 'approver', time(now));
  for (let u = 0; u < USERS; u++) user.run(`u${u}`, `user${u}@bench.example`, 'approver', time(now));
  db.prepare('INSERT INTO "Group" ("id", "name") VALUES (?, ?)').run('g', 'bench-team');
  const member = db.prepare('INSERT INTO "Membership" ("userId", "groupId") VALUES (?, ?)');
  for (const id of ['approver', 'u0', 'u1', 'u2', 'u3']) member.run(id, 'g');
  const workflow = db.prepare('INSERT INTO "Workflow" ("id", "name", "updatedAt") VALUES (?, ?, ?)');
  const version = db.prepare(
    'INSERT INTO "WorkflowVersion" ("id", "workflowId", "version", "definition", "definitionHash") VALUES (?, ?, 1, ?, ?)',
  );
  for (let w = 0; w < 20; w++) {
    workflow.run(`w${w}`, `bench-workflow-${w}`, time(now));
    version.run(`v${w}`, `w${w}`, '{"StartAt":"Approve","States":{}}', `h${w}`);
  }
}

/** Writes the tasks; returns how many of them are open and asked of the approver. */
function seedTasks(db: Database.Database, now: number): number {
  const open = Math.floor(TASKS / OPEN_EVERY);
  const mineEvery = Math.max(1, Math.floor(open / VISIBLE));
  const decidedEvery = Math.max(1, Math.floor((TASKS - open) / 20_000));
  const execution = db.prepare(
    'INSERT INTO "Execution" ("id", "name", "workflowId", "workflowVersionId", "input", "status") VALUES (?, ?, ?, ?, ?, ?)',
  );
  const token = db.prepare(
    'INSERT INTO "TaskToken" ("id", "tokenHash", "executionId", "frameId", "stateName", "resource", "status") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const task =
    db.prepare(`INSERT INTO "ApprovalTask" ("id", "executionId", "taskTokenId", "stateName", "title",
    "details", "status", "requesterUserId", "requesterLabel", "dueAt", "decidedAt", "createdAt", "updatedAt", "searchRowId")
    VALUES (?, ?, ?, 'Approve', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const assignee = db.prepare(
    'INSERT INTO "ApprovalAssignee" ("id", "taskId", "userId", "email", "via", "status", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const search = db.prepare(
    'INSERT INTO "ApprovalTaskSearch" ("rowid", "title", "details", "requester") VALUES (?, ?, ?, ?)',
  );
  let mine = 0;
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = `task${i.toString(36).padStart(8, '0')}`;
      const executionId = `x${Math.floor(i / 100)}`;
      if (i % 100 === 0)
        execution.run(executionId, `run-${i}`, `w${(i / 100) % 20}`, `v${(i / 100) % 20}`, '{}', 'RUNNING');
      const isOpen = i % OPEN_EVERY === 0;
      const createdAt = now - (TASKS - i) * 30_000; // one every 30 s, the newest a moment ago
      const status = isOpen ? 'PENDING' : i % 9 === 0 ? 'REJECTED' : 'APPROVED';
      const requester = `u${(i * 7) % USERS}`;
      const details = detailsOf(i);
      const title = `Purchase order ${100000 + i}: ${details.items[0].name}`;
      token.run(
        `tt${i}`,
        `hash${i}`,
        executionId,
        'root',
        'Approve',
        'approval',
        isOpen ? 'PENDING' : 'SUCCEEDED',
      );
      task.run(
        id,
        executionId,
        `tt${i}`,
        title,
        JSON.stringify(details),
        status,
        requester,
        `user${(i * 7) % USERS}@bench.example`,
        isOpen && i % 3 === 0 ? time(createdAt + 7 * 86_400_000) : null,
        isOpen ? null : time(createdAt + 3_600_000),
        time(createdAt),
        time(isOpen ? createdAt : createdAt + 3_600_000),
        i + 1,
      );
      search.run(i + 1, title, flatten(details).join(' '), `user${(i * 7) % USERS}@bench.example`);
      const toApprover = isOpen
        ? (i / OPEN_EVERY) % mineEvery === 0 && mine < VISIBLE
        : i % decidedEvery === 1;
      const assigneeStatus = isOpen ? 'PENDING' : 'DECIDED';
      if (toApprover && isOpen) mine++;
      const viaGroup = toApprover && isOpen && mine % 4 === 0;
      const people = viaGroup
        ? ['approver', 'u0', 'u1', 'u2', 'u3']
        : [toApprover ? 'approver' : `u${(i * 13) % USERS}`];
      for (const userId of people)
        assignee.run(
          `${id}-${userId}`,
          id,
          userId,
          userId === 'approver' ? 'approver@bench.example' : `user${userId.slice(1)}@bench.example`,
          viaGroup ? 'group:bench-team' : 'direct',
          assigneeStatus,
          time(createdAt),
        );
    }
  });
  for (let from = 0; from < TASKS; from += 50_000) write(from, Math.min(TASKS, from + 50_000));
  return mine;
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

/** Drops the process's Prisma client, so the next use opens DATABASE_URL as it is now. */
async function forgetClient(): Promise<void> {
  const global = globalThis as { signoffDb?: { $disconnect(): Promise<void> } };
  await global.signoffDb?.$disconnect();
  delete global.signoffDb;
}

export async function benchInbox(): Promise<object[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'signoff-bench-inbox-')), 'bench.db');
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
  await forgetClient(); // an earlier bench may have opened its own file
  try {
    const { prepareDatabase } = await import('../../lib/db/prepare-database');
    await prepareDatabase(process.env.DATABASE_URL);
    const started = performance.now();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -200000');
    const now = Date.now();
    seedPeople(raw, now);
    const visible = seedTasks(raw, now);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    console.error(
      `inbox bench: wrote ${TASKS} tasks (${visible} open for the approver) in ${Math.round((performance.now() - started) / 1000)} s`,
    );

    const { listInboxTasks } = await import('../../lib/approvals/list-inbox-tasks');
    const { inboxQuerySchema } = await import('../../lib/approvals/inbox-query');
    const viewer = { id: 'approver', role: 'approver' };
    const todo = inboxQuerySchema.parse({});
    const first = await listInboxTasks({ viewer, query: todo });
    if (first.rows.length !== Math.min(50, visible))
      throw new Error(`the To do page has ${first.rows.length} rows`);
    const searching = inboxQuerySchema.parse({ q: SEARCHED });
    const found = await listInboxTasks({ viewer, query: searching });
    if (found.rows.length === 0 || !found.rows.every((row) => row.title.endsWith(SEARCHED)))
      throw new Error('the search found nothing, or the wrong tasks');
    const list = await measure(() => listInboxTasks({ viewer, query: todo }));
    const searched = await measure(() => listInboxTasks({ viewer, query: searching }));
    return [
      { metric: 'inbox.list_ms', ...list, tasks: TASKS },
      { metric: 'inbox.search_ms', ...searched, tasks: TASKS },
    ];
  } finally {
    await forgetClient();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

runAlone(import.meta.url, benchInbox);
