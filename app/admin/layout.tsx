/**
 * The admin console's frame: admins only (anyone else signed in is told so and pointed to the
 * inbox; services authorize again), with the console's own navigation.
 */
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageUser } from '@/lib/auth/session';

const SECTIONS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/people', label: 'People' },
  { href: '/admin/groups', label: 'Groups' },
  { href: '/admin/api-keys', label: 'API keys' },
];

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
      <nav
        aria-label="Admin"
        className="flex flex-wrap gap-x-4 gap-y-2 border-b border-slate-200 pb-3 text-sm"
      >
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} className="font-medium text-slate-700 hover:text-slate-950">
            {s.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
