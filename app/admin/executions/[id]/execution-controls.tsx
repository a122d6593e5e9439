'use client';
/**
 * Stop and Redrive, each confirmed in a dialog first. Stop takes an optional error and cause
 * (recorded on the execution and in the audit trail). A refusal (stopping an execution that
 * ended, redriving one that runs) is said in the dialog, in the service's words.
 */
import { RotateCcw, Square } from 'lucide-react';
import { useActionState, useEffect, useRef } from 'react';
import { fieldClass } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/auth/authed-action';
import { redriveExecutionFromForm, stopExecutionFromForm } from '../actions';

type FormAction = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const button =
  'inline-flex items-center gap-1.5 rounded-md border px-3 py-2 text-sm font-medium whitespace-nowrap disabled:opacity-60';
const plain = `${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;

interface ConfirmProps {
  executionId: string;
  action: FormAction;
  label: string;
  confirmLabel: string;
  title: string;
  done: string;
  icon: React.ReactNode;
  danger?: boolean;
  children: React.ReactNode;
}

function ConfirmAction({
  executionId,
  action,
  label,
  confirmLabel,
  title,
  done,
  icon,
  danger,
  children,
}: ConfirmProps) {
  const [state, formAction, busy] = useActionState(action, null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  const titleId = `${label.replace(/\W+/g, '-').toLowerCase()}-title`;
  return (
    <div>
      <button type="button" onClick={() => dialog.current?.showModal()} className={plain}>
        {icon}
        {label}
      </button>
      <p role="status" className="mt-1 text-xs text-slate-700">
        {state?.ok ? done : ''}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50"
      >
        <form action={formAction} className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <input type="hidden" name="id" value={executionId} />
          {children}
          <p role="alert" className="min-h-5 text-sm break-words text-red-700">
            {state && !state.ok ? state.message : ''}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className={plain}>
              Cancel
            </button>
            <button
              type="submit"
              disabled={busy}
              className={`${button} ${danger ? 'border-red-700 bg-red-700 hover:bg-red-800' : 'border-blue-700 bg-blue-700 hover:bg-blue-800'} text-white`}
            >
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

export function ExecutionControls({ executionId }: { executionId: string }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ConfirmAction
        executionId={executionId}
        action={stopExecutionFromForm}
        label="Stop execution"
        confirmLabel="Confirm stop"
        title="Stop this execution?"
        done="Stopped."
        icon={<Square aria-hidden className="size-4" />}
        danger
      >
        <p className="text-sm text-slate-700">
          It ends at once: waiting approvals are withdrawn and timers cancelled. It can be redriven later.
        </p>
        <div className="space-y-1">
          <label htmlFor="stop-error" className="block text-sm font-medium">
            Error (optional)
          </label>
          <input id="stop-error" name="error" maxLength={256} autoComplete="off" className={fieldClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="stop-cause" className="block text-sm font-medium">
            Cause (optional)
          </label>
          <textarea id="stop-cause" name="cause" rows={3} maxLength={32_768} className={fieldClass} />
        </div>
      </ConfirmAction>
      <ConfirmAction
        executionId={executionId}
        action={redriveExecutionFromForm}
        label="Redrive execution"
        confirmLabel="Confirm redrive"
        title="Redrive this execution?"
        done="Redriven: it runs again from where it stopped."
        icon={<RotateCcw aria-hidden className="size-4" />}
      >
        <p className="text-sm text-slate-700">
          A failed, timed-out or stopped execution runs again from the state where it stopped, with the same
          input; the states that succeeded are not run again.
        </p>
      </ConfirmAction>
    </div>
  );
}
