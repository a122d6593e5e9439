/** The approval Form's values from a submitted decision form: inputs named `field.<Name>`. */
export function formFieldValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries())
    if (key.startsWith('field.')) values[key.slice('field.'.length)] = value;
  return values;
}

/** What a refused decision sends back, so the form shows what was typed — also without JavaScript. */
export interface SubmittedForm {
  /** the submitted text fields by input name (React's own `$ACTION…` fields left out) */
  values: Record<string, string>;
  /** new on every submission: the form remounts with `values` as its defaults */
  attempt: string;
}

export function submittedForm(formData: FormData): SubmittedForm {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  return { values, attempt: crypto.randomUUID() };
}
