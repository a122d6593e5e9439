'use client';
/**
 * Set an out-of-office delegation: to whom, from – to (UTC), why, and whether pending requests
 * follow. On the profile for oneself; on a person's admin page for them.
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

type SetDelegation = (
  prev: unknown,
  formData: FormData,
) => Promise<ActionResult<{ id: string; moved: number }>>;

const field = 'w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700';

function FieldErrorText({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  );
}

const local = (date: Date) => date.toISOString().slice(0, 16);

interface DelegationFormProps {
  action: SetDelegation;
  people: { id: string; email: string }[];
  pending: number;
  /** an admin setting it for someone else; absent: for the signed-in person */
  forUserId?: string;
}

export function DelegationForm({ action: set, people, pending, forUserId }: DelegationFormProps) {
  const [state, action, busy] = useActionState(set, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const now = new Date();
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      {forUserId && <input type="hidden" name="fromUserId" value={forUserId} />}
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="toUserId" className="block text-sm font-medium">
          Delegate to
        </label>
        <select
          id="toUserId"
          name="toUserId"
          defaultValue=""
          aria-invalid={errors?.toUserId ? true : undefined}
          aria-describedby="toUserId-error"
          className={field}
        >
          <option value="">Choose a person…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.email}
            </option>
          ))}
        </select>
        <FieldErrorText id="toUserId-error" errors={errors?.toUserId} />
      </div>
      <div className="space-y-1">
        <label htmlFor="startsAt" className="block text-sm font-medium">
          From (UTC)
        </label>
        <input
          id="startsAt"
          name="startsAt"
          type="datetime-local"
          defaultValue={local(now)}
          aria-describedby="startsAt-error"
          className={field}
        />
        <FieldErrorText id="startsAt-error" errors={errors?.startsAt} />
      </div>
      <div className="space-y-1">
        <label htmlFor="endsAt" className="block text-sm font-medium">
          Until (UTC)
        </label>
        <input
          id="endsAt"
          name="endsAt"
          type="datetime-local"
          defaultValue={local(new Date(now.getTime() + 7 * 86_400_000))}
          aria-invalid={errors?.endsAt ? true : undefined}
          aria-describedby="endsAt-error"
          className={field}
        />
        <FieldErrorText id="endsAt-error" errors={errors?.endsAt} />
      </div>
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="reason" className="block text-sm font-medium">
          Reason (optional)
        </label>
        <input id="reason" name="reason" className={field} placeholder="Holiday" />
      </div>
      {pending > 0 && (
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="includePending" className="h-5 w-5" />
          Also hand over {forUserId ? 'their' : 'my'} {pending} undecided request{pending === 1 ? '' : 's'}{' '}
          now
        </label>
      )}
      <p
        aria-live="polite"
        className={`text-sm sm:col-span-2 ${state?.ok ? 'text-green-800' : 'text-red-700'}`}
      >
        {state
          ? state.ok
            ? `Delegation set${state.data.moved ? `; ${state.data.moved} request(s) handed over` : ''}.`
            : state.message
          : ''}
      </p>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Set delegation
        </button>
      </div>
    </form>
  );
}
