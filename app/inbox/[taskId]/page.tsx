/**
 * GET /inbox/<taskId> — one request and everything about it: the same summary and details as
 * the email link, who asked and when, who else was asked and what each decided, where the policy
 * stands, reminders and escalation, the claim (with Claim / Release / Break claim as the facts
 * allow), changing who is asked (managers and admins), the form when the viewer may decide (and
 * why not when they may not), the decisions so far and where the step sits in its workflow. The
 * page keeps itself current while open (LiveTask).
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimPanel } from '@/components/approvals/claim-panel';
import { DecisionForm } from '@/components/approvals/decision-form';
import { DecisionList } from '@/components/approvals/decision-list';
import { LiveTask } from '@/components/approvals/live-task';
import { ReassignForm } from '@/components/approvals/reassign-form';
import { RequestSummary } from '@/components/approvals/request-summary';
import { TaskPeople } from '@/components/approvals/task-people';
import { TaskProgress } from '@/components/approvals/task-progress';
import { pulseOf } from '@/components/approvals/task-pulse';
import { TaskStatusBadge } from '@/components/approvals/task-status-badge';
import { WorkflowGraph } from '@/components/graph/workflow-graph';
import { claimMinutes } from '@/lib/approvals/claim-rules';
import { getInboxTaskOrThrow } from '@/lib/approvals/get-inbox-task-or-throw';
import { requirePageUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import {
  breakClaimInInbox,
  changeApproversInInbox,
  checkTaskInInbox,
  claimInInbox,
  decideInInbox,
  releaseInInbox,
} from './actions';
import { TaskStatusNote } from './task-status-note';

export const metadata: Metadata = { title: 'Request' };
export const dynamic = 'force-dynamic';

async function loadTask(taskId: string, viewer: { id: string; role: string }) {
  try {
    return await getInboxTaskOrThrow({ taskId, viewer });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

type Task = Awaited<ReturnType<typeof loadTask>>;

function WhereThisStepIs({ task, admin }: { task: Task; admin: boolean }) {
  return (
    <section className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">Where this step is</h2>
        {admin && (
          <Link
            href={`/admin/executions/${task.executionId}`}
            className="text-sm text-blue-700 hover:underline"
          >
            Open the execution
          </Link>
        )}
      </div>
      <WorkflowGraph
        definition={task.definition}
        highlight={task.stateName}
        compact
        label={`The ${task.workflowName} workflow, with the step ${task.stateName} marked`}
      />
    </section>
  );
}

export default async function InboxTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ taskId: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const { taskId } = await params;
  const user = await requirePageUser(`/inbox/${encodeURIComponent(taskId)}`);
  const task = await loadTask(taskId, user);
  const { decided } = await searchParams;
  const open = task.status === 'PENDING' && task.blockedReason !== 'closed';
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex items-center justify-between gap-3">
        <Link href="/inbox" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          ← Back to the inbox
        </Link>
        <TaskStatusBadge status={task.status} overdue={task.overdue} />
      </div>
      <LiveTask taskId={task.taskId} pulse={pulseOf(task)} check={checkTaskInInbox} />
      <RequestSummary
        title={task.title}
        details={task.details}
        requester={task.requester}
        requestedAt={task.createdAt}
        workflowName={task.workflowName}
        expiresAt={task.dueAt}
        open={task.status === 'PENDING'}
      />
      <TaskStatusNote task={task} justDecided={decided !== undefined} />
      <ClaimPanel
        taskId={task.taskId}
        claim={task.claim}
        may={task.may}
        blocked={task.blockedReason === 'claimed'}
        minutes={claimMinutes()}
        actions={{ claim: claimInInbox, release: releaseInInbox, breakClaim: breakClaimInInbox }}
      />
      {task.canDecide && (
        <DecisionForm
          action={decideInInbox}
          hidden={{ taskId: task.taskId }}
          form={task.form}
          commentRequiredOn={task.commentRequiredOn}
        />
      )}
      <TaskProgress
        policyProgress={task.policyProgress}
        reminders={task.reminders}
        escalation={task.escalation}
        open={open}
      />
      <TaskPeople assignees={task.assignees} decisions={task.decisions} />
      {task.may.reassign && (
        <ReassignForm
          taskId={task.taskId}
          replaceable={task.assignees.filter((a) => a.status === 'PENDING').map((a) => a.email)}
          action={changeApproversInInbox}
        />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Decisions</h2>
        <DecisionList decisions={task.decisions} closed={task.status !== 'PENDING'} />
      </section>
      <WhereThisStepIs task={task} admin={user.role === 'admin'} />
    </div>
  );
}
