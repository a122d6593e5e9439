/** GET /admin — the console's overview (the workflow and execution screens come with the console issue). */
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default function AdminPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin console</h1>
      <EmptyState title="People and access are here; workflows and executions come next">
        Manage{' '}
        <Link className="underline" href="/admin/people">
          people
        </Link>
        ,{' '}
        <Link className="underline" href="/admin/groups">
          groups
        </Link>{' '}
        and{' '}
        <Link className="underline" href="/admin/api-keys">
          API keys
        </Link>
        . Workflows, executions and the audit trail are reachable through the API until their screens land.
      </EmptyState>
    </div>
  );
}
