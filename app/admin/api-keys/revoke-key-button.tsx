'use client';
/** Revoke, in two steps: "Revoke" asks, "Confirm revoke" posts. Scripts using the key are refused at once. */
import { useActionState, useEffect, useRef, useState } from 'react';
import { revokeKeyFromForm } from './actions';

const buttonClass =
  'rounded-md border px-3 py-1.5 text-sm font-medium whitespace-nowrap disabled:opacity-60 focus-visible:outline-2';

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [state, action, busy] = useActionState(revokeKeyFromForm, null);
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
      >
        Revoke<span className="sr-only"> {name}</span>
      </button>
    );
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        ref={confirm}
        type="submit"
        disabled={busy}
        className={`${buttonClass} border-red-700 bg-red-700 text-white hover:bg-red-800`}
      >
        Confirm revoke<span className="sr-only"> {name}</span>
      </button>
      <button
        type="button"
        onClick={() => setConfirming(false)}
        className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
      >
        Cancel
      </button>
      <p aria-live="polite" className="max-w-48 text-right text-xs text-red-700">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  );
}
