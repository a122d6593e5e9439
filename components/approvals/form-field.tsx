/** One field of an approval's Form (text, number, choice, checkbox) with its error read out. */
import type { FormField as FormFieldConfig } from '@/lib/approvals/config-schema';

const inputClass = 'w-full rounded-md border border-slate-300 px-3 py-2 text-base';

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  );
}

export function FormField({ field, errors }: { field: FormFieldConfig; errors?: string[] }) {
  const name = `field.${field.Name}`;
  const id = `field-${field.Name}`;
  const label = field.Label ?? field.Name;
  if (field.Type === 'checkbox') {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name={name} id={id} aria-describedby={`${id}-error`} className="h-5 w-5" />{' '}
          {label}
        </label>
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  const common = { id, name, 'aria-describedby': `${id}-error`, className: inputClass };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {field.Type === 'choice' ? (
        <select {...common} defaultValue="">
          <option value="">Choose…</option>
          {(field.Options ?? []).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      ) : (
        <input {...common} type={field.Type === 'number' ? 'number' : 'text'} step="any" />
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
