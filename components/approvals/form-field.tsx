/** One field of an approval's Form (text, number, choice, checkbox) with its error read out. */
import { FieldError } from '@/components/ui/field-error';
import { fieldClass } from '@/components/ui/text-field';
import type { FormField as FormFieldConfig } from '@/lib/approvals/config-schema';

function label(field: FormFieldConfig): string {
  const text = field.Label ?? field.Name;
  if (field.Required) return `${text} — required`;
  const on = field.RequiredOn ?? [];
  if (on.includes('approve') && on.includes('reject')) return `${text} — required`;
  if (on.length === 1) return `${text} — required to ${on[0]}`;
  return text;
}

interface FormFieldProps {
  field: FormFieldConfig;
  errors?: string[];
  /** what was typed before a refused submission */
  defaultValue?: string;
}

export function FormField({ field, errors, defaultValue }: FormFieldProps) {
  const name = `field.${field.Name}`;
  const id = `field-${field.Name}`;
  const invalid = errors && errors.length > 0 ? true : undefined;
  if (field.Type === 'checkbox') {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name={name}
            id={id}
            defaultChecked={defaultValue === 'on'}
            aria-invalid={invalid}
            aria-describedby={`${id}-error`}
            className="h-5 w-5"
          />{' '}
          {label(field)}
        </label>
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  const common = {
    id,
    name,
    'aria-invalid': invalid,
    'aria-describedby': `${id}-error`,
    className: fieldClass,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label(field)}
      </label>
      {field.Type === 'choice' ? (
        <select {...common} defaultValue={defaultValue ?? ''}>
          <option value="">Choose…</option>
          {(field.Options ?? []).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.Type === 'number' ? 'number' : 'text'}
          step="any"
          defaultValue={defaultValue ?? ''}
        />
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
