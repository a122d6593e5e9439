'use client';
/** Email and name of the first admin; errors beside the fields, what was typed kept. */
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import { setUpAdmin, type SetupState } from './actions';

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setUpAdmin, null);
  const errors = state?.fieldErrors;
  return (
    <form key={state ? JSON.stringify(state) : 'new'} action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Your email"
        autoComplete="email"
        required
        defaultValue={state?.email}
        errors={errors?.email}
      />
      <TextField
        id="name"
        name="name"
        label="Your name (optional)"
        autoComplete="name"
        defaultValue={state?.name}
        errors={errors?.name}
      />
      <p aria-live="polite" className="text-sm text-red-700">
        {state?.message ?? ''}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-slate-900 px-5 py-3 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Creating…' : 'Create admin account'}
      </button>
    </form>
  );
}
