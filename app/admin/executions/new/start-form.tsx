'use client';
/**
 * Start an execution: a workflow, an optional name, the input as JSON (offered from the
 * workflow's last execution). Choosing another workflow loads its last input unless the input
 * was edited. A refusal says why beside the field and keeps what was typed; a start opens the
 * execution's page.
 */
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { fieldClass } from '@/components/ui/text-field';
import { startExecutionFromForm } from '../actions';

interface StartFormProps {
  workflows: { id: string; name: string; currentVersion: number }[];
  workflowId: string;
  /** the input to offer, as indented JSON text */
  prefill: string;
  /** where the prefill comes from, in words */
  prefillNote: string;
}

export function StartForm({ workflows, workflowId, prefill, prefillNote }: StartFormProps) {
  const [state, action, busy] = useActionState(startExecutionFromForm, null);
  const router = useRouter();
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [input, setInput] = useState(values?.input ?? prefill);
  const [edited, setEdited] = useState(false);
  const [shownPrefill, setShownPrefill] = useState(prefill);
  // A new workflow chosen: the server sends its last input; take it unless the input was edited.
  if (prefill !== shownPrefill) {
    setShownPrefill(prefill);
    if (!edited) setInput(prefill);
  }
  const invalid = (field: string) => (errors?.[field] ? true : undefined);
  const formMessage = state && !state.ok && !errors ? state.message : '';
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="space-y-1 sm:max-w-md">
        <label htmlFor="start-workflow" className="block text-sm font-medium">
          Workflow
        </label>
        <select
          id="start-workflow"
          name="workflowId"
          defaultValue={values?.workflowId ?? workflowId}
          onChange={(event) =>
            router.replace(`/admin/executions/new?workflow=${encodeURIComponent(event.target.value)}`, {
              scroll: false,
            })
          }
          aria-invalid={invalid('workflowId')}
          aria-describedby="start-workflow-error"
          className={fieldClass}
        >
          {workflowId === '' && <option value="">Choose a workflow</option>}
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} (v{w.currentVersion})
            </option>
          ))}
        </select>
        <FieldError id="start-workflow-error" errors={errors?.workflowId} />
      </div>
      <div className="space-y-1 sm:max-w-md">
        <label htmlFor="start-name" className="block text-sm font-medium">
          Name (optional)
        </label>
        <input
          id="start-name"
          name="name"
          defaultValue={values?.name ?? ''}
          maxLength={80}
          autoComplete="off"
          placeholder="A unique name; left empty, one is made up"
          aria-invalid={invalid('name')}
          aria-describedby="start-name-hint start-name-error"
          className={fieldClass}
        />
        <p id="start-name-hint" className="text-xs text-slate-600">
          Starting again with the same name and input returns the same execution.
        </p>
        <FieldError id="start-name-error" errors={errors?.name} />
      </div>
      <div className="space-y-1">
        <label htmlFor="start-input" className="block text-sm font-medium">
          Input (JSON)
        </label>
        <p id="start-input-hint" className="text-xs text-slate-600">
          {edited ? 'Your input.' : prefillNote}
        </p>
        <textarea
          id="start-input"
          name="input"
          value={input}
          onChange={(event) => {
            setInput(event.target.value);
            setEdited(true);
          }}
          rows={12}
          spellCheck={false}
          aria-invalid={invalid('input')}
          aria-describedby="start-input-hint start-input-error"
          className={`${fieldClass} font-mono text-sm`}
        />
        <FieldError id="start-input-error" errors={errors?.input} />
      </div>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {formMessage}
      </p>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {busy ? 'Starting…' : 'Start execution'}
      </button>
    </form>
  );
}
