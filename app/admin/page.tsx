import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const user = await requirePageUser('/admin');
  if (user.role !== 'admin') {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Admin console</h1>
        <EmptyState title="This page is for admins">
          You are signed in as {user.email} ({user.role}). Your approval tasks are in the{' '}
          <Link className="underline" href="/inbox">
            inbox
          </Link>
          .
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin console</h1>
      <EmptyState title="The admin console is being built">
        Workflows, executions and their history, the audit trail, users, groups and API keys will be managed
        here.
      </EmptyState>
    </div>
  );
}
