'use client';
/** Deletes one saved view (no confirm: saving it again is one click away); a refusal is said beside it. */
import { X } from 'lucide-react';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

type DeleteAction = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export function DeleteViewButton({ action, id, name }: { action: DeleteAction; id: string; name: string }) {
  const [state, formAction, busy] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex items-center">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={busy}
        aria-label={`Delete view ${name}`}
        title={`Delete view ${name}`}
        className="mx-0.5 rounded-full p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-700 focus-visible:outline-2 disabled:opacity-60"
      >
        <X aria-hidden className="size-3.5" />
      </button>
      {state && !state.ok ? (
        <span role="alert" className="pr-3 text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
