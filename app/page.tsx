import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getSessionUser } from '@/lib/auth/session';
import { listWorkflows } from '@/lib/workflows/list-workflows';

// Rendered per request: it shows what is in the database now.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  // Workflow names are for people who signed in, not for anyone who reaches the server.
  const user = await getSessionUser();
  const workflows = user ? await listWorkflows() : null;
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Signoff</h1>
        <p className="max-w-2xl text-slate-700">
          Signoff runs workflows written in the Amazon States Language and pauses them where a person has to
          say yes. Approvers decide from an email link or their inbox; the decision resumes, ends or fails the
          execution, and every step is recorded.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/inbox"
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Open the inbox
          </Link>
          {user?.role === 'admin' && (
            <Link
              href="/admin"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              Admin console
            </Link>
          )}
        </div>
      </section>
      {workflows && (
        <Card title="Workflows">
          {workflows.length === 0 ? (
            <p className="text-sm text-slate-600">No workflows yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Workflows">
              {workflows.map((workflow) => (
                <li key={workflow.id} className="py-3">
                  <p className="font-medium text-slate-900">{workflow.name}</p>
                  {workflow.description ? (
                    <p className="text-sm text-slate-600">{workflow.description}</p>
                  ) : null}
                  <p className="text-xs text-slate-500">version {workflow.currentVersion}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
