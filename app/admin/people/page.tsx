/** GET /admin/people — everyone with an account (role, status, groups) and the Invite form. */
import { requireAdminPage } from '@/lib/auth/session';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PersonStatusBadge } from '@/components/people/person-status-badge';
import { listGroups } from '@/lib/people/list-groups';
import { listUsers } from '@/lib/people/list-users';
import { InviteForm } from './invite-form';

export const metadata: Metadata = { title: 'People' };
export const dynamic = 'force-dynamic';

export default async function PeoplePage() {
  await requireAdminPage('/admin/people');
  const [people, groups] = await Promise.all([listUsers(), listGroups()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">People</caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Person
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="hidden px-3 py-2 md:table-cell">
                Groups
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-3 align-top">
                  <Link
                    href={`/admin/people/${p.id}`}
                    className="font-medium break-all text-slate-900 hover:underline"
                  >
                    {p.email}
                  </Link>
                  {p.name && <p className="text-xs text-slate-600">{p.name}</p>}
                  <p className="text-xs text-slate-600 md:hidden">{p.groups.join(', ')}</p>
                </td>
                <td className="px-3 py-3 align-top">{p.role}</td>
                <td className="hidden px-3 py-3 align-top text-slate-700 md:table-cell">
                  {p.groups.join(', ') || '—'}
                </td>
                <td className="px-3 py-3 align-top">
                  <PersonStatusBadge status={p.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card title="Invite someone">
        <InviteForm groups={groups.map((g) => g.name)} />
      </Card>
    </div>
  );
}
