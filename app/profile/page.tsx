/**
 * GET /profile — the signed-in person's own page: who they are, their out-of-office delegation
 * (set, see, end; the delegations they hold for others), and Sign out everywhere.
 */
import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/components/ui/format-time';
import {
  countPendingAssignments,
  listDelegations,
  type DelegationView,
} from '@/lib/approvals/list-delegations';
import { requirePageUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/people/list-users';
import { setDelegation, signOutOfEverySession, stopDelegation } from './actions';
import { DelegationForm } from '@/components/people/delegation-form';

export const metadata: Metadata = { title: 'Your profile' };
export const dynamic = 'force-dynamic';

function DelegationList({ items, mine }: { items: DelegationView[]; mine: boolean }) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <span>
            {mine ? `To ${d.to}` : `For ${d.from}`}, {formatUtc(d.startsAt)} – {formatUtc(d.endsAt)}
            {d.running ? ' (running)' : ' (coming)'}
            {d.reason ? ` · ${d.reason}` : ''}
          </span>
          {mine && (
            <form action={stopDelegation}>
              <input type="hidden" name="id" value={d.id} />
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100"
              >
                End delegation
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function ProfilePage() {
  const user = await requirePageUser('/profile');
  const [people, delegations, pending] = await Promise.all([
    listUsers(),
    listDelegations({ userId: user.id }),
    countPendingAssignments(user.id),
  ]);
  const me = people.find((p) => p.id === user.id);
  const others = people
    .filter((p) => p.active && p.id !== user.id)
    .map((p) => ({ id: p.id, email: p.email }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Your profile</h1>
        <p className="text-slate-700">
          {user.email} · {user.role}
          {me && me.groups.length > 0 ? ` · groups: ${me.groups.join(', ')}` : ''}
        </p>
      </div>
      <Card title="Out of office">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            While you are away, requests for you go to someone you choose; they decide on your behalf, and the
            record names you both.
          </p>
          {delegations.given.length > 0 && <DelegationList items={delegations.given} mine />}
          <DelegationForm action={setDelegation} people={others} pending={pending} />
        </div>
      </Card>
      {delegations.taken.length > 0 && (
        <Card title="You decide for">
          <DelegationList items={delegations.taken} mine={false} />
        </Card>
      )}
      <Card title="Sessions">
        <form action={signOutOfEverySession} className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700">
            Signed in on a shared or lost device? End every session, this one too.
          </p>
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Sign out everywhere
          </button>
        </form>
      </Card>
    </div>
  );
}
