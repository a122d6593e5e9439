'use client';
/** Create a group: its name (what workflows write after `group:`) and what it is for. */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

const field =
  'w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700';

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<{ id: string; name: string }>>;

export function NewGroupForm({ action: create }: { action: Action }) {
  const [state, action, pending] = useActionState(create, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor="group-name" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="group-name"
          name="name"
          placeholder="legal"
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby="group-name-error"
          className={field}
        />
        <p id="group-name-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors?.name?.join(' ')}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="group-description" className="block text-sm font-medium">
          Description (optional)
        </label>
        <input id="group-description" name="description" className={field} />
      </div>
      <p
        aria-live="polite"
        className={`text-sm sm:col-span-2 ${state?.ok ? 'text-green-800' : 'text-red-700'}`}
      >
        {state ? (state.ok ? `Created group:${state.data.name}.` : errors ? '' : state.message) : ''}
      </p>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Create group
        </button>
      </div>
    </form>
  );
}
