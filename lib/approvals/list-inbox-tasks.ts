/**
 * The inbox list: one page of a tab (to do, claimed by me, decided by me, team) for a viewer,
 * filtered, searched and sorted as the query says (inbox-query.ts), as DTOs; and the number of
 * tasks in each tab. The ids of the page come from inbox-sql.ts; this module loads those rows.
 *
 * Tabs: `todo` the tasks the viewer is still asked to decide (directly, through a group,
 * delegated) that nobody else holds a live claim on, newest / oldest by when they were asked;
 * `claimed` the pending tasks the viewer's live claim holds; `decided` the tasks the viewer
 * decided, by when they decided, with their decision; `team` for managers every task asked of
 * someone in a group they manage, for admins every task (open ones by default: query.status).
 * Claimed and team order by the task's creation; `due` orders every tab by due time, undated
 * last. An approver asking for `team` gets FORBIDDEN.
 */
import { db } from '../db/client';
import { engineNow } from '../engine';
import { formBulkReason } from './bulk-rules';
import { formatClaimTime, liveClaimHolder } from './claim-rules';
import type { FormField } from './config-schema';
import type { InboxViewer } from './inbox-scope';
import { countInboxTab, hasTeamTab, listInboxTaskIds } from './inbox-sql';
import { inboxQuerySchema, type InboxQuery } from './inbox-query';

/** What the inbox list and the task page both show of a task (times as ISO strings). */
export interface InboxTaskSummary {
  title: string;
  workflowName: string;
  requester: string;
  status: string;
  createdAt: string;
  /** its state's TimeoutSeconds deadline; overdue only once it has passed */
  dueAt: string | null;
  decidedAt: string | null;
  /** when Escalation asked more people (its own mark, not "overdue") */
  escalatedAt: string | null;
  escalatedTo: string[];
}

/** How many of the people asked a row lists by name (askedCount says how many in all). */
const ASKED_SHOWN = 5;

export interface InboxTaskRow extends InboxTaskSummary {
  id: string;
  /** pending past its due time (escalation is its own mark) */
  overdue: boolean;
  escalated: boolean;
  /**
   * the viewer's own assignment: undecided, decided, withdrawn (handed to someone else, or no
   * longer needed once others settled it), or never asked (a manager looking on)
   */
  mine: 'pending' | 'decided' | 'withdrawn' | 'not-asked';
  /** the person the viewer was asked for (a delegation) */
  onBehalfOf: string | null;
  /** when the viewer was asked (To do orders by it); null when not asked */
  askedAt: string | null;
  /** the holder of a live claim (lapsed claims are not shown), and when it lapses */
  claimedBy: string | null;
  claimedByYou: boolean;
  claimExpiresAt: string | null;
  /** the people asked (on an open task those not withdrawn), the first few, each with whether they decided */
  asked: Array<{ email: string; decided: boolean }>;
  askedCount: number;
  /** the viewer's own decision, when they made one */
  myDecision: { decision: 'approved' | 'rejected'; at: string; comment: string | null } | null;
  /** the viewer started this request (they may reject it, but approve only if the step allows) */
  requestedByYou: boolean;
  /** whether it can be part of a bulk decision by the viewer, and why not when it cannot */
  bulk: { decidable: true; reason: null } | { decidable: false; reason: string };
}

export interface InboxPage {
  rows: InboxTaskRow[];
  /** pass as query.cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface InboxTabCounts {
  todo: number;
  claimed: number;
  decided: number;
  /** null for a viewer without the team tab */
  team: number | null;
}

function loadRows(ids: string[], viewerId: string) {
  return db.approvalTask.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      status: true,
      form: true,
      requesterLabel: true,
      requesterUserId: true,
      createdAt: true,
      dueAt: true,
      decidedAt: true,
      escalatedAt: true,
      escalateTo: true,
      claimedById: true,
      claimExpiresAt: true,
      claimedBy: { select: { email: true } },
      execution: { select: { workflow: { select: { name: true } } } },
      assignees: {
        orderBy: { createdAt: 'asc' },
        select: { userId: true, email: true, status: true, delegatedFromUserId: true, createdAt: true },
      },
      decisions: { where: { byUserId: viewerId }, select: { decision: true, at: true, comment: true } },
    },
  });
}

type LoadedRow = Awaited<ReturnType<typeof loadRows>>[number];

function bulkOf(
  row: LoadedRow,
  facts: Pick<InboxTaskRow, 'mine' | 'overdue'>,
  holder: string | null,
  viewerId: string,
): InboxTaskRow['bulk'] {
  const no = (reason: string) => ({ decidable: false as const, reason });
  if (row.status !== 'PENDING') return no('It is no longer waiting for a decision.');
  if (facts.overdue) return no('It is past its deadline.');
  // One's own request stays selectable: the decision itself refuses it, by its rule (a rejection
  // may be allowed), and the bulk result says why, task by task.
  if (facts.mine === 'not-asked' && row.requesterUserId !== viewerId)
    return no('You are not asked to decide it.');
  if (facts.mine === 'decided') return no('You already decided it.');
  if (facts.mine === 'withdrawn') return no('You are no longer asked to decide it.');
  if (holder && holder !== viewerId)
    return no(
      `Claimed by ${row.claimedBy?.email ?? 'someone else'} until ${formatClaimTime(row.claimExpiresAt as Date)}.`,
    );
  const formReason = formBulkReason(JSON.parse(row.form) as FormField[]);
  return formReason ? no(formReason) : { decidable: true, reason: null };
}

function toRow(row: LoadedRow, viewerId: string, now: Date, delegators: Map<string, string>): InboxTaskRow {
  const own = row.assignees.filter((a) => a.userId === viewerId);
  const has = (status: string) => own.some((a) => a.status === status);
  const mine = has('PENDING')
    ? 'pending'
    : has('DECIDED')
      ? 'decided'
      : own.length
        ? 'withdrawn'
        : 'not-asked';
  const asked =
    row.status === 'PENDING' ? row.assignees.filter((a) => a.status !== 'CANCELLED') : row.assignees;
  const overdue = row.status === 'PENDING' && row.dueAt !== null && row.dueAt <= now;
  const holder = row.status === 'PENDING' ? liveClaimHolder(row, now) : null;
  const [decision] = row.decisions;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    workflowName: row.execution.workflow.name,
    requester: row.requesterLabel ?? 'someone',
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalatedTo: row.escalatedAt ? (JSON.parse(row.escalateTo) as string[]) : [],
    overdue,
    escalated: row.escalatedAt !== null,
    mine,
    onBehalfOf: delegators.get(own.find((a) => a.delegatedFromUserId)?.delegatedFromUserId ?? '') ?? null,
    askedAt: own[0]?.createdAt.toISOString() ?? null,
    claimedBy: holder ? (row.claimedBy?.email ?? null) : null,
    claimedByYou: holder === viewerId,
    claimExpiresAt: holder ? (row.claimExpiresAt?.toISOString() ?? null) : null,
    asked: asked.slice(0, ASKED_SHOWN).map((a) => ({ email: a.email, decided: a.status === 'DECIDED' })),
    askedCount: asked.length,
    myDecision: decision
      ? {
          decision: decision.decision as 'approved' | 'rejected',
          at: decision.at.toISOString(),
          comment: decision.comment,
        }
      : null,
    requestedByYou: row.requesterUserId === viewerId,
    bulk: bulkOf(row, { mine, overdue }, holder, viewerId),
  };
}

/** The emails of these users, by id (one query). */
async function emailsOf(ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

/**
 * One page of the query's tab for the viewer. Authorization is in the query: each tab only
 * reaches the viewer's own assignments, claims and decisions, or (team) their groups' tasks.
 */
export async function listInboxTasks({
  viewer,
  query,
}: {
  viewer: InboxViewer;
  query: InboxQuery;
}): Promise<InboxPage> {
  const now = engineNow();
  const { ids, nextCursor } = await listInboxTaskIds(viewer, query, now);
  if (ids.length === 0) return { rows: [], nextCursor: null };
  const loaded = new Map((await loadRows(ids, viewer.id)).map((row) => [row.id, row]));
  const own = [...loaded.values()].flatMap((row) => row.assignees.filter((a) => a.userId === viewer.id));
  const delegators = await emailsOf(own.map((a) => a.delegatedFromUserId));
  const rows = ids.flatMap((id) => {
    const row = loaded.get(id);
    return row ? [toRow(row, viewer.id, now, delegators)] : [];
  });
  return { rows, nextCursor };
}

/** How many tasks each tab holds for the viewer with the query's filters and search. */
export async function countInboxTabs({
  viewer,
  query = inboxQuerySchema.parse({}),
}: {
  viewer: InboxViewer;
  query?: InboxQuery;
}): Promise<InboxTabCounts> {
  const now = engineNow();
  const count = (tab: InboxQuery['tab']) => countInboxTab(viewer, { ...query, tab }, now);
  return {
    todo: await count('todo'),
    claimed: await count('claimed'),
    decided: await count('decided'),
    team: hasTeamTab(viewer) ? await count('team') : null,
  };
}
