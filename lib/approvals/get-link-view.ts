/**
 * What the pages behind an email link show, read from the database by the link's token (never
 * from query parameters). GET never decides: it reads the task by the link's hash and records
 * LINK_OPENED in the audit trail (a record, not a decision). Garbage and unknown tokens are
 * `invalid` without any write.
 */
import type { RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db } from '../db/client';
import { engineNow } from '../engine';
import type { FormField } from './config-schema';
import { commentRequired } from './config-schema';
import { hashLinkToken, isWellFormedLinkToken } from './link-tokens';
import { outcomeFactsOf } from './describe-outcome';

interface LinkDecisionView {
  by: string;
  decision: string;
  at: string;
  comment: string | null;
  /** decided through this link's holder: the page says "you" */
  you: boolean;
}

export interface LinkTaskView {
  taskId: string;
  title: string;
  details: unknown;
  workflowName: string;
  requester: string;
  /** the requester is a person who can be asked to start again (not an API key or the system) */
  requesterIsPerson: boolean;
  expiresAt: string | null;
  approverEmail: string;
  /** the person the holder was asked for (a delegation) */
  onBehalfOf: string | null;
  form: FormField[];
  commentRequiredOnApprove: boolean;
  commentRequiredOnReject: boolean;
  /** PENDING | APPROVED | REJECTED | EXPIRED | CANCELLED */
  status: string;
  /** when it was settled, expired or cancelled */
  closedAt: string | null;
  closedReason: string | null;
  superseded: boolean;
  /** the holder is no longer asked (handed to a delegate, or reassigned) while others still are */
  handedOver: boolean;
  decisions: LinkDecisionView[];
  policy: { mode: string; count: number; stillNeeded: number };
  onReject: string;
  execution: { status: string; error: string | null };
}

export type LinkView =
  { kind: 'invalid' } | { kind: 'open' | 'used' | 'decided' | 'expired' | 'cancelled'; task: LinkTaskView };

type LinkKind = Exclude<LinkView['kind'], 'invalid'>;

function classify(
  assignee: { status: string },
  task: { status: string; dueAt: Date | null; taskToken: { status: string }; execution: { status: string } },
  now: Date,
): LinkKind {
  if (assignee.status === 'DECIDED') return 'used';
  if (task.status === 'APPROVED' || task.status === 'REJECTED') return 'decided';
  if (task.status === 'EXPIRED') return 'expired';
  if (task.status === 'CANCELLED') return 'cancelled';
  // Not yet closed by the engine, but past its deadline or its state already ended.
  if (task.taskToken.status === 'TIMED_OUT' || (task.dueAt && task.dueAt <= now)) return 'expired';
  if (
    assignee.status === 'CANCELLED' ||
    task.taskToken.status !== 'PENDING' ||
    task.execution.status !== 'RUNNING'
  )
    return 'cancelled';
  return 'open';
}

async function loadLink(token: string) {
  return db.approvalLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: {
      assignee: {
        include: {
          task: {
            include: {
              taskToken: { select: { status: true } },
              execution: { select: { status: true, error: true, workflow: { select: { name: true } } } },
              decisions: { orderBy: { at: 'asc' } },
              _count: { select: { assignees: { where: { status: { not: 'CANCELLED' } } } } },
            },
          },
        },
      },
    },
  });
}

type LoadedAssignee = NonNullable<Awaited<ReturnType<typeof loadLink>>>['assignee'];

function toView(assignee: LoadedAssignee, onBehalfOf: string | null): LinkTaskView {
  const { task } = assignee;
  const form = JSON.parse(task.form) as FormField[];
  const mine = (email: string) => email.toLowerCase() === assignee.email.toLowerCase();
  return {
    taskId: task.id,
    title: task.title,
    details: JSON.parse(task.details) as unknown,
    workflowName: task.execution.workflow.name,
    requester: task.requesterLabel ?? 'someone',
    requesterIsPerson: task.requesterUserId !== null,
    expiresAt: task.dueAt?.toISOString() ?? null,
    approverEmail: assignee.email,
    onBehalfOf,
    form,
    commentRequiredOnApprove: commentRequired(form, 'approve'),
    commentRequiredOnReject: commentRequired(form, 'reject'),
    closedAt: task.decidedAt?.toISOString() ?? null,
    superseded: task.supersededById !== null,
    handedOver: assignee.status === 'CANCELLED' && task.status === 'PENDING',
    decisions: task.decisions.map((d) => ({
      by: d.byEmail,
      decision: d.decision,
      at: d.at.toISOString(),
      comment: d.comment,
      you: mine(d.byEmail),
    })),
    ...outcomeFactsOf(task),
  };
}

export async function getLinkView(
  token: string,
  options: { request?: RequestInfo; record?: boolean } = {},
): Promise<LinkView> {
  if (!isWellFormedLinkToken(token)) return { kind: 'invalid' };
  const assignee = (await loadLink(token))?.assignee;
  if (!assignee) return { kind: 'invalid' };
  if (options.record !== false) {
    await runAudited((tx) =>
      recordAudit(tx, {
        actor: { type: 'link', id: assignee.id, label: assignee.email },
        request: options.request,
        type: 'LINK_OPENED',
        data: { taskId: assignee.task.id },
        target: { type: 'approvalTask', id: assignee.task.id },
      }),
    );
  }
  const delegator = assignee.delegatedFromUserId
    ? await db.user.findUnique({ where: { id: assignee.delegatedFromUserId }, select: { email: true } })
    : null;
  return {
    kind: classify(assignee, assignee.task, engineNow()),
    task: toView(assignee, delegator?.email ?? null),
  };
}
