'use client';
/** The Approve / Reject form of an email link: the Comment, the state's Form fields, errors read out. */
import { useActionState } from 'react';
import type { FormField } from '@/lib/approvals/config-schema';
import { decideByLink, type ActionResult } from './actions';

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  );
}

function Field({ field, errors }: { field: FormField; errors?: string[] }) {
  const name = `field.${field.Name}`;
  const id = `field-${field.Name}`;
  const label = field.Label ?? field.Name;
  const common = { id, name, 'aria-describedby': `${id}-error`, className: 'w-full rounded-md border border-slate-300 px-3 py-2 text-base' };
  if (field.Type === 'checkbox') {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name={name} id={id} aria-describedby={`${id}-error`} className="h-5 w-5" /> {label}
        </label>
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {field.Type === 'choice' ? (
        <select {...common} defaultValue="">
          <option value="">Choose…</option>
          {(field.Options ?? []).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      ) : (
        <input {...common} type={field.Type === 'number' ? 'number' : 'text'} step="any" />
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function DecisionForm({ token, form, suggested }: { token: string; form: FormField[]; suggested?: 'approve' | 'reject' }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(decideByLink, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fields = form.filter((f) => f.Name.toLowerCase() !== 'comment');
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium">
          Comment
        </label>
        <textarea id="comment" name="comment" rows={3} aria-describedby="comment-error" className="w-full rounded-md border border-slate-300 px-3 py-2 text-base" />
        <FieldError id="comment-error" errors={errors?.comment} />
      </div>
      {fields.map((field) => (
        <Field key={field.Name} field={field} errors={errors?.[field.Name]} />
      ))}
      <p aria-live="polite" className="text-sm text-red-700">
        {state && !state.ok ? state.message : ''}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="decision" value="approve" disabled={pending} autoFocus={suggested === 'approve'} className="rounded-md bg-green-700 px-5 py-3 font-semibold text-white hover:bg-green-800 disabled:opacity-60">
          Approve
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} autoFocus={suggested === 'reject'} className="rounded-md bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          Reject
        </button>
      </div>
    </form>
  );
}
