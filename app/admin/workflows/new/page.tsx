/** GET /admin/workflows/new — write a definition with live validation and graph, test-run it, create the workflow. */
import type { Metadata } from 'next';
import { WorkflowForm } from '@/components/workflows/workflow-form';
import { requireAdminPage } from '@/lib/auth/session';
import { saveWorkflow } from '../actions';

export const metadata: Metadata = { title: 'New workflow' };
export const dynamic = 'force-dynamic';

const STARTER = `{
  "Comment": "Ask a person, then finish.",
  "StartAt": "Review",
  "States": {
    "Review": {
      "Type": "Task",
      "Resource": "approval",
      "Parameters": {
        "Title": "Please review",
        "Details.$": "$",
        "Approvers": ["group:finance"]
      },
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}
`;

export default async function NewWorkflowPage() {
  await requireAdminPage('/admin/workflows/new');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">New workflow</h1>
      <WorkflowForm action={saveWorkflow} initial={STARTER} />
    </div>
  );
}
