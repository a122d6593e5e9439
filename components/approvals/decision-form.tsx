'use client';
/**
 * The Approve / Reject form, for the email-link page and the inbox alike: the Comment, the
 * state's Form fields, errors read out. The page hands in its server action and the hidden
 * fields that say what is decided (a link token, or a task id).
 */
import { useActionState } from 'react';
import type { FormField as FormFieldConfig } from '@/lib/approvals/config-schema';
import { FieldError, FormField } from './form-field';

export type DecisionFormState =
  { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
type DecisionAction = (prev: DecisionFormState | null, formData: FormData) => Promise<DecisionFormState>;

interface DecisionFormProps {
  action: DecisionAction;
  hidden: Record<string, string>;
  form: FormFieldConfig[];
  suggested?: 'approve' | 'reject';
}

export function DecisionForm({ action: decide, hidden, form, suggested }: DecisionFormProps) {
  const [state, action, pending] = useActionState<DecisionFormState | null, FormData>(decide, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fields = form.filter((f) => f.Name.toLowerCase() !== 'comment');
  return (
    <form action={action} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium">
          Comment
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          aria-describedby="comment-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-base"
        />
        <FieldError id="comment-error" errors={errors?.comment} />
      </div>
      {fields.map((field) => (
        <FormField key={field.Name} field={field} errors={errors?.[field.Name]} />
      ))}
      <p aria-live="polite" className="text-sm text-red-700">
        {state && !state.ok ? state.message : ''}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          autoFocus={suggested === 'approve'}
          className="rounded-md bg-green-700 px-5 py-3 font-semibold text-white hover:bg-green-800 disabled:opacity-60"
        >
          Approve
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          autoFocus={suggested === 'reject'}
          className="rounded-md bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          Reject
        </button>
      </div>
    </form>
  );
}
