/**
 * The admin console's frame: admins only (anyone else signed in is told so and pointed to the
 * inbox; services authorize again), with the console's own navigation.
 */
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageUser } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser('/admin');
  if (user.role !== 'admin')
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
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
