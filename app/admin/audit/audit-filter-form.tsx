/**
 * The audit filters, a GET form: the filters live in the URL, so a filtered view can be shared
 * and reloaded. Works without JavaScript; next/form navigates in place when it is there.
 */
import Form from 'next/form';
import Link from 'next/link';
import { FieldError } from '@/components/ui/field-error';
import { fieldClass } from '@/components/ui/text-field';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-actions';
import type { AuditFilterValues } from './audit-query';

type Errors = Partial<Record<string, string[]>>;

interface FieldProps {
  name: keyof AuditFilterValues;
  label: string;
  values: AuditFilterValues;
  errors: Errors;
  hint?: string;
  type?: 'text' | 'datetime-local';
  placeholder?: string;
}

function Field({ name, label, values, errors, hint, type = 'text', placeholder }: FieldProps) {
  const id = `audit-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={values[name] ?? ''}
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-error`}
        className={fieldClass}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors[name]} />
    </div>
  );
}

export function AuditFilterForm({ values, errors }: { values: AuditFilterValues; errors: Errors }) {
  const common = { values, errors };
  return (
    <Form action="/admin/audit" className="space-y-2" aria-label="Filter the audit trail">
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        <Field name="actor" label="Actor" placeholder="email, key name or id" {...common} />
        <div className="space-y-1">
          <label htmlFor="audit-action" className="block text-sm font-medium">
            Action
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={values.action ?? ''}
            aria-invalid={errors.action ? true : undefined}
            aria-describedby="audit-action-error"
            className={fieldClass}
          >
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
          <FieldError id="audit-action-error" errors={errors.action} />
        </div>
        <Field name="targetType" label="Target type" placeholder="workflow, user, execution…" {...common} />
        <Field name="targetId" label="Target id" {...common} />
        <Field
          name="from"
          label="From (UTC)"
          type="datetime-local"
          hint="At or after this time."
          {...common}
        />
        <Field name="to" label="To (UTC)" type="datetime-local" hint="Before this time." {...common} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700"
        >
          Filter
        </button>
        <Link href="/admin/audit" className="text-sm font-medium text-slate-700 underline">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
