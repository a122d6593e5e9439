'use client';
/**
 * Reassign or add an approver (managers for their groups' tasks, admins for all): a person's
 * email, and whether they join the people asked ("Add") or replace one still undecided
 * ("Replace <person>"). The service checks everything; its message is read out when it refuses.
 */
import { useActionState, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { fieldClass } from '@/components/ui/text-field';

interface Change {
  added: { email: string; onBehalfOf: string | null };
  removed: string | null;
  policy: { summary: string };
}

type Result =
  | { ok: true; data: Change }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

interface ReassignFormProps {
  taskId: string;
  /** the people asked who have not decided yet (the ones that can be replaced) */
  replaceable: string[];
  action: (prev: unknown, formData: FormData) => Promise<Result>;
}

function done({ added, removed, policy }: Change): string {
  const who = added.onBehalfOf ? `${added.email} (on behalf of ${added.onBehalfOf})` : added.email;
  return `${who} is now asked to decide${removed ? ` instead of ${removed}` : ''}. The policy stands at ${policy.summary}.`;
}

export function ReassignForm({ taskId, replaceable, action: change }: ReassignFormProps) {
  const [replace, setReplace] = useState('');
  const [state, action, pending] = useActionState(
    async (prev: { result: Result; email: string; attempt: number } | null, formData: FormData) => ({
      result: await change(null, formData),
      email: String(formData.get('email') ?? ''),
      attempt: (prev?.attempt ?? 0) + 1,
    }),
    null,
  );
  const result = state?.result;
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const chosen = replaceable.includes(replace) ? replace : '';
  return (
    <section
      aria-labelledby="reassign-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="reassign-heading" className="text-lg font-semibold">
        Reassign or add an approver
      </h2>
      {/* remounted after each try: React resets a submitted form, so a refused address is put back */}
      <form key={state?.attempt ?? 0} action={action} className="space-y-3">
        <input type="hidden" name="taskId" value={taskId} />
        <div className="space-y-1">
          <label htmlFor="approver-email" className="block text-sm font-medium">
            Person’s email
          </label>
          <input
            id="approver-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={state && !state.result.ok ? state.email : ''}
            aria-invalid={errors?.email ? true : undefined}
            aria-describedby="approver-email-error"
            className={fieldClass}
          />
          <FieldError id="approver-email-error" errors={errors?.email} />
        </div>
        <div className="space-y-1">
          <label htmlFor="approver-replace" className="block text-sm font-medium">
            Add or replace
          </label>
          <select
            id="approver-replace"
            name="replace"
            value={chosen}
            onChange={(event) => setReplace(event.target.value)}
            aria-invalid={errors?.from ? true : undefined}
            aria-describedby="approver-replace-error"
            className={fieldClass}
          >
            <option value="">Add them to the people asked</option>
            {replaceable.map((email) => (
              <option key={email} value={email}>
                Replace {email}
              </option>
            ))}
          </select>
          <FieldError id="approver-replace-error" errors={errors?.from} />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {chosen ? 'Replace' : 'Add'}
        </button>
      </form>
      <p aria-live="polite" className={`text-sm ${result?.ok ? 'text-green-800' : 'text-red-700'}`}>
        {result ? (result.ok ? done(result.data) : result.message) : ''}
      </p>
    </section>
  );
}
