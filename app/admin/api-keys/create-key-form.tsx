'use client';
/**
 * Create an API key: a name, at least one scope (none is preselected), an optional expiry day.
 * A refusal keeps what was typed and says what to fix beside each field; a success shows the
 * secret once (NewKeyPanel).
 */
import { useActionState } from 'react';
import { API_SCOPES } from '@/lib/auth/scopes';
import { createKeyFromForm } from './actions';
import { NewKeyPanel } from './new-key-panel';
import { SCOPE_DESCRIPTIONS } from './scope-descriptions';

const inputClass =
  'w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700';

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  );
}

/** `minDay`: the first day an expiry may fall on (tomorrow, UTC), from the server. */
export function CreateKeyForm({ minDay }: { minDay: string }) {
  const [state, action, busy] = useActionState(createKeyFromForm, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const invalid = (field: string) => (errors?.[field] ? true : undefined);
  return (
    <div className="space-y-5">
      <form action={action} className="space-y-4" noValidate>
        <div className="space-y-1 sm:max-w-md">
          <label htmlFor="key-name" className="block text-sm font-medium">
            Name
          </label>
          <input
            id="key-name"
            name="name"
            defaultValue={values?.name ?? ''}
            placeholder="deploy-bot"
            maxLength={100}
            autoComplete="off"
            aria-invalid={invalid('name')}
            aria-describedby="key-name-error"
            className={inputClass}
          />
          <FieldError id="key-name-error" errors={errors?.name} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Scopes — what the key may do</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {API_SCOPES.map((scope) => (
              <li key={scope}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    defaultChecked={values?.scopes.includes(scope) ?? false}
                    aria-invalid={invalid('scopes')}
                    aria-describedby={`scope-${scope}-hint scopes-error`}
                    className="mt-0.5 h-5 w-5 shrink-0"
                  />
                  <span>
                    <span className="font-mono font-medium">{scope}</span>
                    <span id={`scope-${scope}-hint`} className="block text-slate-600">
                      {SCOPE_DESCRIPTIONS[scope]}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="scopes-error" errors={errors?.scopes} />
        </fieldset>
        <div className="space-y-1 sm:max-w-xs">
          <label htmlFor="key-expires" className="block text-sm font-medium">
            Expires on (optional)
          </label>
          <input
            id="key-expires"
            name="expiresOn"
            type="date"
            min={minDay}
            defaultValue={values?.expiresOn ?? ''}
            aria-invalid={invalid('expiresOn')}
            aria-describedby="key-expires-hint key-expires-error"
            className={inputClass}
          />
          <p id="key-expires-hint" className="text-sm text-slate-600">
            It stops working at 00:00 UTC that day. Empty: it never expires.
          </p>
          <FieldError id="key-expires-error" errors={errors?.expiresOn} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
          >
            Create API key
          </button>
          <p aria-live="polite" className="text-sm text-red-700">
            {state && !state.ok ? state.message : ''}
          </p>
        </div>
      </form>
      {state?.ok && <NewKeyPanel key={state.data.id} created={state.data} />}
    </div>
  );
}
