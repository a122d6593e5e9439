/** GET /admin/workflows/:id/edit — change the definition; Save makes a new immutable version. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WorkflowForm } from '@/components/workflows/workflow-form';
import { requireAdminPage, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getWorkflowOrThrow } from '@/lib/workflows/get-workflow-or-throw';
import { saveWorkflow } from '../../actions';

export const metadata: Metadata = { title: 'Edit workflow' };
export const dynamic = 'force-dynamic';

export default async function EditWorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = userActor(await requireAdminPage(`/admin/workflows/${id}/edit`));
  const workflow = await getWorkflowOrThrow({ id: decodeURIComponent(id), actor }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link href={`/admin/workflows/${workflow.id}`} className="hover:underline">
            {workflow.name}
          </Link>{' '}
          · now at version {workflow.currentVersion}
        </p>
        <h1 className="text-2xl font-bold break-all">Edit {workflow.name}</h1>
      </div>
      <WorkflowForm
        action={saveWorkflow}
        initial={prettyDefinition(workflow.definition)}
        workflowId={workflow.id}
      />
    </div>
  );
}

/** The stored text as uploaded, indented for editing when it came in on one line. */
function prettyDefinition(text: string): string {
  if (text.includes('\n')) return text;
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}
