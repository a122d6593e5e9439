'use client';
/**
 * Set an out-of-office delegation: to whom, from – to (UTC), why, and whether pending requests
 * follow. On the profile for oneself; on a person's admin page for them.
 */
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { fieldClass, TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/auth/authed-action';

type SetDelegation = (
  prev: unknown,
  formData: FormData,
) => Promise<ActionResult<{ id: string; moved: number }>>;

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
          className={fieldClass}
        >
          <option value="">Choose a person…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.email}
            </option>
          ))}
        </select>
        <FieldError id="toUserId-error" errors={errors?.toUserId} />
      </div>
      <TextField
        id="startsAt"
        name="startsAt"
        type="datetime-local"
        label="From (UTC)"
        defaultValue={local(now)}
        errors={errors?.startsAt}
      />
      <TextField
        id="endsAt"
        name="endsAt"
        type="datetime-local"
        label="Until (UTC)"
        defaultValue={local(new Date(now.getTime() + 7 * 86_400_000))}
        errors={errors?.endsAt}
      />
      <div className="sm:col-span-2">
        <TextField
          id="reason"
          name="reason"
          label="Reason (optional)"
          placeholder="Holiday"
          errors={errors?.reason}
        />
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
