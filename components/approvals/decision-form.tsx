'use client';
/**
 * The Approve / Reject form, for the email-link page and the inbox alike: the Comment, the
 * state's Form fields, errors read out beside each field. The page hands in its server action
 * and the hidden fields that say what is decided (a link token, or a task id). With `confirm`
 * (the email's Approve or Reject button) it offers that one decision to confirm. A refused
 * submission keeps what was typed and marks the fields at fault.
 */
import Link from 'next/link';
import { useActionState } from 'react';
import type { FormField as FormFieldConfig } from '@/lib/approvals/config-schema';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from './form-field';

type DecisionFormState =
  { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
type DecisionAction = (prev: DecisionFormState | null, formData: FormData) => Promise<DecisionFormState>;

interface DecisionFormProps {
  action: DecisionAction;
  hidden: Record<string, string>;
  form: FormFieldConfig[];
  commentRequiredOn: { approve: boolean; reject: boolean };
  /** offer only this decision, with a link back to both */
  confirm?: { decision: 'approve' | 'reject'; reviewHref: string };
}

/** The state, plus what was typed and a counter that remounts the fields with it. */
type Submitted = { result: DecisionFormState; values: Record<string, string>; attempt: number };

function commentLabel(required: { approve: boolean; reject: boolean }, only?: 'approve' | 'reject'): string {
  const approve = required.approve && only !== 'reject';
  const reject = required.reject && only !== 'approve';
  if (approve && reject) return 'Comment — required';
  if (reject) return 'Comment — required to reject';
  if (approve) return 'Comment — required to approve';
  return 'Comment (optional)';
}

const buttonClass = 'rounded-md px-5 py-3 font-semibold text-white disabled:opacity-60';

export function DecisionForm({
  action: decide,
  hidden,
  form,
  commentRequiredOn,
  confirm,
}: DecisionFormProps) {
  const [state, action, pending] = useActionState<Submitted | null, FormData>(async (prev, formData) => {
    const result = await decide(prev?.result ?? null, formData);
    const values: Record<string, string> = {};
    for (const [key, value] of formData.entries()) if (typeof value === 'string') values[key] = value;
    return { result, values, attempt: (prev?.attempt ?? 0) + 1 };
  }, null);
  const failed = state && !state.result.ok ? state.result : undefined;
  const errors = failed?.fieldErrors;
  const fields = form.filter((f) => f.Name.toLowerCase() !== 'comment');
  return (
    <form key={state?.attempt ?? 0} action={action} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium">
          {commentLabel(commentRequiredOn, confirm?.decision)}
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          defaultValue={state?.values.comment ?? ''}
          aria-invalid={errors?.comment ? true : undefined}
          aria-describedby="comment-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700"
        />
        <FieldError id="comment-error" errors={errors?.comment} />
      </div>
      {fields.map((field) => (
        <FormField
          key={field.Name}
          field={field}
          errors={errors?.[field.Name]}
          defaultValue={state?.values[`field.${field.Name}`]}
        />
      ))}
      <p aria-live="polite" className="text-sm text-red-700">
        {failed?.message ?? ''}
      </p>
      {confirm ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <button
            type="submit"
            name="decision"
            value={confirm.decision}
            disabled={pending}
            className={`${buttonClass} ${confirm.decision === 'approve' ? 'bg-green-700 hover:bg-green-800' : 'bg-red-700 hover:bg-red-800'}`}
          >
            {confirm.decision === 'approve' ? 'Confirm approval' : 'Confirm rejection'}
          </button>
          <Link href={confirm.reviewHref} className="text-sm font-medium underline">
            Choose differently
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row">
          <button
            type="submit"
            name="decision"
            value="approve"
            disabled={pending}
            className={`${buttonClass} bg-green-700 hover:bg-green-800`}
          >
            Approve
          </button>
          <button
            type="submit"
            name="decision"
            value="reject"
            disabled={pending}
            className={`${buttonClass} bg-red-700 hover:bg-red-800`}
          >
            Reject
          </button>
        </div>
      )}
    </form>
  );
}
