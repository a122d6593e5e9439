/**
 * Checks what an approver filled in against the task's Form: types, choices, required fields
 * and the comment rule (required on reject unless the form says otherwise). Problems are
 * field errors (INVALID_INPUT, details.fieldErrors) the page shows beside each input.
 */
import { AppError } from '../errors';
import { commentRequired, type FormField } from './config-schema';

export type FormValues = Record<string, string | number | boolean>;

/** A field's raw value as text: `undefined` for what no input sends (an object, a list, a file). */
function textOf(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw.trim();
  return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
}

function coerce(field: FormField, raw: unknown): { value?: string | number | boolean; error?: string } {
  if (field.Type === 'checkbox') return { value: raw === true || raw === 'on' || raw === 'true' };
  const text = textOf(raw);
  if (text === undefined) return { error: 'Enter a single value.' };
  if (text === '') return {};
  if (field.Type === 'number') {
    const value = Number(text);
    return Number.isFinite(value) ? { value } : { error: 'Enter a number.' };
  }
  if (field.Type === 'choice' && !(field.Options ?? []).includes(text))
    return { error: 'Pick one of the options.' };
  return text.length > 5000 ? { error: 'At most 5,000 characters.' } : { value: text };
}

/**
 * The decision, comment and values must be what the form posts (callers are typed so, but a
 * service is a door): anything else is INVALID_INPUT before a single field is read.
 */
function assertDecisionShape(decision: unknown, input: { comment?: unknown; values?: unknown }): void {
  const fieldErrors: Record<string, string[]> = {};
  if (decision !== 'approve' && decision !== 'reject') fieldErrors.decision = ['Choose Approve or Reject.'];
  if (input.comment !== undefined && typeof input.comment !== 'string')
    fieldErrors.comment = ['Enter the comment as text.'];
  const { values } = input;
  if (values !== undefined && (typeof values !== 'object' || values === null || Array.isArray(values)))
    fieldErrors.values = ['Send the form fields by name.'];
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError('INVALID_INPUT', 'Check the highlighted fields.', { details: { fieldErrors } });
}

export function checkFormValues(
  form: FormField[],
  decision: 'approve' | 'reject',
  input: { comment?: string; values?: Record<string, unknown> },
): { comment?: string; values: FormValues } {
  assertDecisionShape(decision, input);
  const fieldErrors: Record<string, string[]> = {};
  const values: FormValues = {};
  // Own properties only: a field named `constructor` or `toString` must not read Object.prototype.
  const sent = (name: string) =>
    input.values && Object.hasOwn(input.values, name) ? input.values[name] : undefined;
  for (const field of form) {
    if (field.Name.toLowerCase() === 'comment') continue;
    const { value, error } = coerce(field, sent(field.Name));
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
