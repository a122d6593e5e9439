'use client';
/** Invite a person: email, name, role, groups. They get an invitation mail and show as invited until they sign in. */
import { useActionState } from 'react';
import { fieldClass, TextField } from '@/components/ui/text-field';
import { invitePerson } from './actions';

export function InviteForm({ groups }: { groups: string[] }) {
  const [state, action, pending] = useActionState(invitePerson, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <TextField id="invite-email" name="email" type="email" label="Email" required errors={errors?.email} />
      <TextField id="invite-name" name="name" label="Name (optional)" errors={errors?.name} />
      <div className="space-y-1">
        <label htmlFor="invite-role" className="block text-sm font-medium">
          Role
        </label>
        <select id="invite-role" name="role" defaultValue="approver" className={fieldClass}>
          <option value="approver">Approver — decides their own requests</option>
          <option value="manager">Manager — runs their groups&rsquo; queue</option>
          <option value="admin">Admin — manages everything</option>
        </select>
      </div>
      {groups.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Groups</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {groups.map((g) => (
              <label key={g} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="groups" value={g} className="h-4 w-4" /> {g}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <p
        aria-live="polite"
        className={`text-sm sm:col-span-2 ${state?.ok ? 'text-green-800' : 'text-red-700'}`}
      >
        {state
          ? state.ok
            ? `Invited ${state.data.email}: the invitation is on its way.`
            : state.message
          : ''}
      </p>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Invite
        </button>
      </div>
    </form>
  );
}
