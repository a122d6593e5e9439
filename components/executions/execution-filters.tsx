/**
 * The executions list's filters as a plain GET form (works without JavaScript; the URL is the
 * state). Field names are the list's query params; times are UTC.
 */
import Link from 'next/link';
import { fieldClass } from '@/components/ui/text-field';

interface FilterValues {
  /** standard or express: the list's tab */
  type?: string;
  status?: string;
  workflow?: string;
  version?: string;
  from?: string;
  to?: string;
  name?: string;
  error?: string;
}

interface ExecutionFiltersProps {
  values: FilterValues;
  statuses: readonly string[];
  workflows: { id: string; name: string }[];
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export function ExecutionFilters({ values, statuses, workflows }: ExecutionFiltersProps) {
  const known = workflows.some((w) => w.id === values.workflow);
  return (
    <form
      method="get"
      action="/admin/executions"
      role="search"
      aria-label="Filter executions"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {/* the Standard / Express tab stays chosen while filtering */}
      {values.type && <input type="hidden" name="type" value={values.type} />}
      <Field id="filter-status" label="Status">
        <select id="filter-status" name="status" defaultValue={values.status ?? ''} className={fieldClass}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-workflow" label="Workflow">
        <select
          id="filter-workflow"
          name="workflow"
          defaultValue={values.workflow ?? ''}
          className={fieldClass}
        >
          <option value="">Any workflow</option>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
          {values.workflow && !known && <option value={values.workflow}>{values.workflow}</option>}
        </select>
      </Field>
      <Field id="filter-version" label="Version">
        <input
          id="filter-version"
          name="version"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          defaultValue={values.version ?? ''}
          className={fieldClass}
        />
      </Field>
      <Field id="filter-name" label="Name starts with">
        <input
          id="filter-name"
          name="name"
          defaultValue={values.name ?? ''}
          maxLength={80}
          autoComplete="off"
          className={fieldClass}
        />
      </Field>
      <Field id="filter-from" label="Started from (UTC)">
        <input
          id="filter-from"
          name="from"
          type="datetime-local"
          defaultValue={values.from ?? ''}
          className={fieldClass}
        />
      </Field>
      <Field id="filter-to" label="Started before (UTC)">
        <input
          id="filter-to"
          name="to"
          type="datetime-local"
          defaultValue={values.to ?? ''}
          className={fieldClass}
        />
      </Field>
      <Field id="filter-error" label="Error">
        <input
          id="filter-error"
          name="error"
          defaultValue={values.error ?? ''}
          placeholder="States.Timeout"
          maxLength={256}
          autoComplete="off"
          className={fieldClass}
        />
      </Field>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Filter
        </button>
        <Link
          href={values.type === 'express' ? '/admin/executions?type=express' : '/admin/executions'}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Clear filters
        </Link>
      </div>
    </form>
  );
}
