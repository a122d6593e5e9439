'use client';
/**
 * "Save this view": names the inbox query on screen and keeps it. A name already used gets a
 * "Replace view" button beside the refusal, which saves the query over that view.
 */
import { Bookmark } from 'lucide-react';
import { useActionState, useId, useState } from 'react';
import type { SavedViewDto } from '@/lib/approvals/saved-views';
import type { ActionResult } from '@/lib/auth/authed-action';

type SaveAction = (
  prev: ActionResult<SavedViewDto> | null,
  formData: FormData,
) => Promise<ActionResult<SavedViewDto>>;

const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md border px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 disabled:opacity-60';

export function SaveViewForm({
  action,
  currentQuery,
  names,
}: {
  action: SaveAction;
  currentQuery: string;
  /** the viewer's view names, to offer "Replace view" when the name is taken */
  names: string[];
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [state, formAction, busy] = useActionState<ActionResult<SavedViewDto> | null, FormData>(
    async (prev, formData) => {
      const result = await action(prev, formData);
      if (result.ok) setName('');
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors?.name ?? [state.message]) : undefined;
  const taken = state?.ok === false && state.code === 'CONFLICT' && names.includes(name.trim());
  return (
    <form action={formAction}>
      <fieldset className="flex flex-wrap items-end gap-2">
        <legend className="mb-1 text-sm text-slate-700">Save this view</legend>
        <input type="hidden" name="query" value={currentQuery} />
        <div className="min-w-0 flex-1 basis-48 sm:max-w-xs">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            View name
          </label>
          <input
            id={`${id}-name`}
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            autoComplete="off"
            aria-invalid={errors ? true : undefined}
            aria-describedby={`${id}-status`}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base aria-invalid:border-red-700 sm:text-sm"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
        >
          <Bookmark aria-hidden className="size-4" />
          Save view
        </button>
        {taken && (
          <button
            type="submit"
            name="replace"
            value="1"
            disabled={busy}
            className={`${buttonClass} border-amber-600 bg-amber-50 text-amber-900 hover:bg-amber-100`}
          >
            Replace view
          </button>
        )}
      </fieldset>
      <p
        id={`${id}-status`}
        aria-live="polite"
        className={`mt-1 min-h-5 text-sm ${errors ? 'text-red-700' : 'text-slate-700'}`}
      >
        {errors ? errors.join(' ') : state?.ok ? `Saved “${state.data.name}”.` : ''}
      </p>
    </form>
  );
}
