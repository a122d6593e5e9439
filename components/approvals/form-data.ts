/** The approval Form's values from a submitted decision form: inputs named `field.<Name>`. */
export function formFieldValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries())
    if (key.startsWith('field.')) values[key.slice('field.'.length)] = value;
  return values;
}
