'use client';
/** Email and name of the first admin; errors beside the fields, what was typed kept. */
import { useActionState } from 'react';
import { setUpAdmin, type SetupState } from './actions';

const inputClass =
  'w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700';

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setUpAdmin, null);
  const errors = state?.fieldErrors;
  return (
    <form key={state ? JSON.stringify(state) : 'new'} action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">
          Your email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.email}
          aria-invalid={errors?.email ? true : undefined}
          aria-describedby="email-error"
          className={inputClass}
        />
        <p id="email-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors?.email?.join(' ')}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="name" className="block text-sm font-medium">
          Your name (optional)
        </label>
        <input id="name" name="name" autoComplete="name" defaultValue={state?.name} className={inputClass} />
      </div>
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
