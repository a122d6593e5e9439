/** GET /admin/people/<id> — one person: role, status, groups, the requests waiting for them, their recent decisions. */
import { requireAdminPage } from '@/lib/auth/session';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/people/action-form';
import { PersonStatusBadge } from '@/components/people/person-status-badge';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/components/ui/format-time';
import { isAppError } from '@/lib/errors';
import { getPersonOrThrow } from '@/lib/people/get-person';
import { setDelegation, stopDelegation } from '@/app/profile/actions';
import { DelegationForm } from '@/components/people/delegation-form';
import { listDelegations } from '@/lib/approvals/list-delegations';
import { listUsers } from '@/lib/people/list-users';
import { deactivatePerson, reactivatePerson, setRole } from '../actions';

export const metadata: Metadata = { title: 'Person' };
export const dynamic = 'force-dynamic';

async function load(id: string) {
  try {
    return await getPersonOrThrow({ id });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

const button = 'rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100';

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage('/admin/people');
  const person = await load((await params).id);
  const [delegations, people] = await Promise.all([listDelegations({ userId: person.id }), listUsers()]);
  const others = people
    .filter((p) => p.active && p.id !== person.id)
    .map((p) => ({ id: p.id, email: p.email }));
  return (
    <div className="space-y-6">
      <Link href="/admin/people" className="text-sm text-slate-600 hover:underline">
        ← People
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-all">{person.email}</h1>
        <PersonStatusBadge status={person.status} />
      </div>
      <p className="text-sm text-slate-600">
        {person.name ? `${person.name} · ` : ''}added {formatUtc(person.createdAt)} · groups:{' '}
        {person.groups.join(', ') || 'none'}
      </p>
      <Card title="Role and access">
        <div className="space-y-3">
          <ActionForm action={setRole} hidden={{ userId: person.id }} done="Role saved.">
            <label htmlFor="role" className="text-sm font-medium">
              Role
            </label>
            <select
              id="role"
              name="role"
              defaultValue={person.role}
              className="rounded-md border border-slate-300 px-3 py-2"
            >
              <option value="approver">approver</option>
              <option value="manager">manager</option>
              <option value="admin">admin</option>
            </select>
            <button type="submit" className={button}>
              Save role
            </button>
          </ActionForm>
          {person.active ? (
            <ActionForm
              action={deactivatePerson}
              hidden={{ userId: person.id }}
              done="Deactivated: their sessions ended."
            >
              <button type="submit" className={`${button} text-red-800`}>
                Deactivate
              </button>
            </ActionForm>
          ) : (
            <ActionForm action={reactivatePerson} hidden={{ userId: person.id }} done="Reactivated.">
              <button type="submit" className={button}>
                Reactivate
              </button>
            </ActionForm>
          )}
        </div>
      </Card>
      <Card title="Out of office">
        <div className="space-y-3">
          {delegations.given.map((d) => (
            <form
              key={d.id}
              action={stopDelegation}
              className="flex flex-wrap items-center justify-between gap-2 text-sm"
            >
              <input type="hidden" name="id" value={d.id} />
              <span>
                To {d.to}, {formatUtc(d.startsAt)} – {formatUtc(d.endsAt)}{' '}
                {d.running ? '(running)' : '(coming)'}
              </span>
              <button type="submit" className={button}>
                End delegation
              </button>
            </form>
          ))}
          <DelegationForm
            action={setDelegation}
            people={others}
            pending={person.openTasks.length}
            forUserId={person.id}
          />
        </div>
      </Card>
      <Card title={`Waiting for their decision (${person.openTasks.length})`}>
        {person.openTasks.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing is waiting for them.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {person.openTasks.map((t) => (
              <li key={t.taskId} className="py-2">
                <Link href={`/inbox/${t.taskId}`} className="font-medium hover:underline">
                  {t.title}
                </Link>{' '}
                <span className="text-slate-600">since {formatUtc(t.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent decisions">
        {person.recentDecisions.length === 0 ? (
          <p className="text-sm text-slate-600">No decisions yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {person.recentDecisions.map((d) => (
              <li key={`${d.taskId}-${d.at}`} className="py-2">
                <Link href={`/inbox/${d.taskId}`} className="font-medium hover:underline">
                  {d.title}
                </Link>{' '}
                <span className="text-slate-600">
                  {d.decision} {formatUtc(d.at)}
                  {d.comment ? ` · “${d.comment}”` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
