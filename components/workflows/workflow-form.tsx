'use client';
/** The editor page's form: name (new workflows) or a note on the change, the editor, Save. */
import { Save } from 'lucide-react';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/auth/authed-action';
import { DefinitionEditor } from './definition-editor';

type SaveResult = ActionResult<
  | { workflowId: string; version: number; created: boolean }
  | { problems: { path: string; message: string }[] }
>;

interface WorkflowFormProps {
  action: (prev: unknown, formData: FormData) => Promise<SaveResult>;
  initial: string;
  /** editing an existing workflow: its id (the form makes a new version) */
  workflowId?: string;
}

export function WorkflowForm({ action, initial, workflowId }: WorkflowFormProps) {
  const [state, formAction, busy] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const problems = state?.ok && 'problems' in state.data ? state.data.problems : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="mode" value={workflowId ? 'version' : 'create'} />
      {workflowId && <input type="hidden" name="workflowId" value={workflowId} />}
      <div className="grid gap-4 md:grid-cols-2">
        {!workflowId && (
          <TextField
            id="workflow-name"
            name="name"
            label="Name"
            required
            autoComplete="off"
            errors={fieldErrors?.name}
          />
        )}
        <TextField
          id="workflow-description"
          name="description"
          label={workflowId ? 'What changed (optional)' : 'Description (optional)'}
          autoComplete="off"
          errors={fieldErrors?.description}
        />
      </div>
      <DefinitionEditor initial={initial} />
      <div role="alert" className="space-y-1 text-sm text-red-700">
        {state && !state.ok && <p>{state.message}</p>}
        {fieldErrors?.definition && <p>{fieldErrors.definition.join(' ')}</p>}
        {problems && (
          <>
            <p>
              The server refused the definition: {problems.length} problem{problems.length === 1 ? '' : 's'}.
            </p>
            <ul className="list-disc pl-5">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path || '/'}</code> {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        <Save aria-hidden className="size-4" />
        {workflowId ? 'Save as a new version' : 'Create workflow'}
      </button>
    </form>
  );
}
