/**
 * A labelled input with its error read out beneath it: `aria-invalid` and `aria-describedby`
 * tie the message to the field, so a refused form marks the field at fault.
 */
import { FieldError } from './field-error';

export const fieldClass =
  'w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700';

interface TextFieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  errors?: string[];
}

export function TextField({ id, label, errors, ...input }: TextFieldProps) {
  const invalid = errors && errors.length > 0 ? true : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={invalid}
        aria-describedby={`${id}-error`}
        className={fieldClass}
        {...input}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
