'use client';
/** Create a group: its name (what workflows write after `group:`) and what it is for. */
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/auth/authed-action';

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<{ id: string; name: string }>>;

export function NewGroupForm({ action: create }: { action: Action }) {
  const [state, action, pending] = useActionState(create, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <TextField id="group-name" name="name" label="Name" placeholder="legal" errors={errors?.name} />
      <TextField
        id="group-description"
        name="description"
        label="Description (optional)"
        errors={errors?.description}
      />
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
