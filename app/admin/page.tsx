import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Admin' };

export default function AdminPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin console</h1>
      <EmptyState title="The admin console is being built">
        Workflows, executions and their history, the audit trail, users, groups and API keys will be managed here.
      </EmptyState>
    </div>
  );
}
