/**
 * Checks what an approver filled in against the task's Form: types, choices, required fields
 * and the comment rule (required on reject unless the form says otherwise). Problems are
 * field errors (INVALID_INPUT, details.fieldErrors) the page shows beside each input.
 */
import { AppError } from '../errors';
import { commentRequired, type FormField } from './config-schema';

export type FormValues = Record<string, string | number | boolean>;

function coerce(field: FormField, raw: unknown): { value?: string | number | boolean; error?: string } {
  if (field.Type === 'checkbox') return { value: raw === true || raw === 'on' || raw === 'true' };
  const text = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
  if (text === '') return {};
  if (field.Type === 'number') {
    const value = Number(text);
    return Number.isFinite(value) ? { value } : { error: 'Enter a number.' };
  }
  if (field.Type === 'choice' && !(field.Options ?? []).includes(text))
    return { error: 'Pick one of the options.' };
  return text.length > 5000 ? { error: 'At most 5,000 characters.' } : { value: text };
}

export function checkFormValues(
  form: FormField[],
  decision: 'approve' | 'reject',
  input: { comment?: string; values?: Record<string, unknown> },
): { comment?: string; values: FormValues } {
  const fieldErrors: Record<string, string[]> = {};
  const values: FormValues = {};
  for (const field of form) {
    if (field.Name.toLowerCase() === 'comment') continue;
    const { value, error } = coerce(field, input.values?.[field.Name]);
    if (error) fieldErrors[field.Name] = [error];
    else if (value !== undefined) values[field.Name] = value;
    const required = field.Required === true || (field.RequiredOn ?? []).includes(decision);
    if (required && value === undefined && !error) fieldErrors[field.Name] = ['This field is required.'];
  }
  const comment = input.comment?.trim() || undefined;
  if (comment && comment.length > 5000) fieldErrors.comment = ['At most 5,000 characters.'];
  if (!comment && commentRequired(form, decision))
    fieldErrors.comment = [
      decision === 'reject' ? 'Say why you reject the request.' : 'A comment is required.',
    ];
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError('INVALID_INPUT', 'Check the highlighted fields.', { details: { fieldErrors } });
  return { ...(comment ? { comment } : {}), values };
}
