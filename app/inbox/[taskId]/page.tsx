/**
 * GET /inbox/<taskId> — one request as the inbox shows it: the same summary and form as the
 * email link, the decisions so far, and, when the viewer may not decide, why not.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionForm } from '@/components/approvals/decision-form';
import { DecisionList } from '@/components/approvals/decision-list';
import { RequestSummary } from '@/components/approvals/request-summary';
import { WorkflowGraph } from '@/components/graph/workflow-graph';
import { EscalationMark, TaskStatusBadge } from '@/components/approvals/task-status-badge';
import { getInboxTaskOrThrow } from '@/lib/approvals/get-inbox-task-or-throw';
import { requirePageUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { decideInInbox } from './actions';
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
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="flex items-center justify-between gap-3">
        <Link href="/inbox" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          ← Back to the inbox
        </Link>
        <TaskStatusBadge status={task.status} overdue={task.overdue} />
      </div>
      <RequestSummary
        title={task.title}
        details={task.details}
        requester={task.requester}
        workflowName={task.workflowName}
        expiresAt={task.dueAt}
        open={task.status === 'PENDING'}
      />
      <EscalationMark task={task} />
      <TaskStatusNote task={task} justDecided={decided !== undefined} />
      {task.canDecide && (
        <DecisionForm
          action={decideInInbox}
          hidden={{ taskId: task.taskId }}
          form={task.form}
          commentRequiredOn={task.commentRequiredOn}
        />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Decisions</h2>
        <DecisionList decisions={task.decisions} closed={task.status !== 'PENDING'} />
      </section>
      <section className="space-y-2">
        <div className="flex items-baseline justify-between gap-3">
          <h2 className="text-lg font-semibold">Where this step is</h2>
          {user.role === 'admin' && (
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
    </div>
  );
}
