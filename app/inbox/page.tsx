import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Inbox</h1>
      <EmptyState title="No tasks waiting for you">
        Approval tasks assigned to you or your groups will appear here.
      </EmptyState>
    </div>
  );
}
