/**
 * Which tasks one comment can decide together (pure). A bulk decision carries a decision and one
 * comment, nothing else: a task whose form requires any other field is decided on its own page.
 */
import type { FormField } from './config-schema';

/** The fields other than the comment that the form requires on approve, reject or both. */
function requiredBeyondComment(form: FormField[]): FormField[] {
  return form.filter(
    (field) =>
      field.Name.toLowerCase() !== 'comment' &&
      (field.Required === true || (field.RequiredOn ?? []).length > 0),
  );
}

/** Why the form keeps the task out of bulk decisions, or null when it does not. */
export function formBulkReason(form: FormField[]): string | null {
  const fields = requiredBeyondComment(form);
  if (fields.length === 0) return null;
  const names = fields.map((field) => field.Label ?? field.Name).join(', ');
  return `Its form asks for more than a comment (${names}): decide it on its own page.`;
}
