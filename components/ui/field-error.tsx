/** A field's error, read out politely; its id is what the field's `aria-describedby` names. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  );
}
