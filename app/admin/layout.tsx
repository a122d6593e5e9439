/**
 * The admin console's frame: admins only (anyone else signed in gets 403 and a page that points
 * to the inbox; services authorize again), with the console's own navigation.
 */
import { forbidden } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { requirePageUser } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser('/admin');
  if (user.role !== 'admin') forbidden(); // 403, app/forbidden.tsx; the services refuse again
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
