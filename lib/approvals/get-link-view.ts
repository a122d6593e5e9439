/**
 * What the page behind an email link shows. GET never decides: it reads the task by the
 * link's hash and records LINK_OPENED in the audit trail (a record, not a decision). Garbage
 * and unknown tokens are `invalid` without any write.
 */
import type { RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db } from '../db/client';
import { engineNow } from '../engine';
import type { FormField } from './config-schema';
import { commentRequired } from './config-schema';
import { hashLinkToken, isWellFormedLinkToken } from './link-tokens';

export interface LinkTaskView {
  taskId: string;
  title: string;
  details: unknown;
  workflowName: string;
  requester: string;
  expiresAt: string | null;
  approverEmail: string;
  form: FormField[];
  commentRequiredOnApprove: boolean;
  status: string;
  outcome: {
    Decision?: string;
    DecidedAt?: string;
    Decisions?: Array<{ By: string; Decision: string; Comment?: string }>;
  } | null;
}

export type LinkView =
  { kind: 'invalid' } | { kind: 'open' | 'used' | 'decided' | 'expired' | 'cancelled'; task: LinkTaskView };

function classify(
  assignee: { status: string; linkExpiresAt: Date | null },
  task: { status: string; dueAt: Date | null; taskToken: { status: string }; execution: { status: string } },
  now: Date,
): Exclude<LinkView['kind'], 'invalid'> {
  if (task.status === 'APPROVED' || task.status === 'REJECTED')
    return assignee.status === 'DECIDED' ? 'used' : 'decided';
  if (assignee.status === 'DECIDED') return 'used';
  if (task.status === 'EXPIRED' || task.taskToken.status === 'TIMED_OUT' || (task.dueAt && task.dueAt <= now))
    return 'expired';
  if (
    task.status === 'CANCELLED' ||
    assignee.status === 'CANCELLED' ||
    task.taskToken.status !== 'PENDING' ||
    task.execution.status !== 'RUNNING'
  )
    return 'cancelled';
  return 'open';
}

export async function getLinkView(
  token: string,
  options: { request?: RequestInfo; record?: boolean } = {},
): Promise<LinkView> {
  if (!isWellFormedLinkToken(token)) return { kind: 'invalid' };
  const link = await db.approvalLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: {
      assignee: {
        include: {
          task: {
            include: {
              taskToken: { select: { status: true } },
              execution: { select: { status: true, workflow: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  const assignee = link?.assignee;
  if (!assignee) return { kind: 'invalid' };
  const { task } = assignee;
  if (options.record !== false) {
    await runAudited((tx) =>
      recordAudit(tx, {
        actor: { type: 'link', id: assignee.id, label: assignee.email },
        request: options.request,
        type: 'LINK_OPENED',
        data: { taskId: task.id },
        target: { type: 'approvalTask', id: task.id },
      }),
    );
  }
  const form = JSON.parse(task.form) as FormField[];
  return {
    kind: classify(assignee, task, engineNow()),
    task: {
      taskId: task.id,
      title: task.title,
      details: JSON.parse(task.details) as unknown,
      workflowName: task.execution.workflow.name,
      requester: task.requesterLabel ?? 'someone',
      expiresAt: task.dueAt?.toISOString() ?? null,
      approverEmail: assignee.email,
      form,
      commentRequiredOnApprove: commentRequired(form, 'approve'),
      status: task.status,
      outcome: task.outcome ? (JSON.parse(task.outcome) as LinkTaskView['outcome']) : null,
    },
  };
}
