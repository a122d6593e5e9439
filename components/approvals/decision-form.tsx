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
import type { SubmittedForm } from './form-data';

type DecisionFormState =
  | { ok: true }
  | ({ ok: false; message: string; fieldErrors?: Record<string, string[]> } & Partial<SubmittedForm>);
type DecisionAction = (prev: DecisionFormState | null, formData: FormData) => Promise<DecisionFormState>;

interface DecisionFormProps {
  action: DecisionAction;
  hidden: Record<string, string>;
  form: FormFieldConfig[];
  commentRequiredOn: { approve: boolean; reject: boolean };
  /** offer only this decision, with a link back to both */
  confirm?: { decision: 'approve' | 'reject'; reviewHref: string };
}

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
  // The server action itself, so the form posts and answers without JavaScript too; a refusal
  // brings back what was typed (submittedForm) and remounts the fields with it.
  const [state, action, pending] = useActionState(decide, null);
  const failed = state && !state.ok ? state : undefined;
  const errors = failed?.fieldErrors;
  const fields = form.filter((f) => f.Name.toLowerCase() !== 'comment');
  return (
    <form key={failed?.attempt ?? 'first'} action={action} className="space-y-4">
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
          defaultValue={failed?.values?.comment ?? ''}
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
          defaultValue={failed?.values?.[`field.${field.Name}`]}
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
