/**
 * The approval state's Parameters (DESIGN.md §4), PascalCase as in every ASL integration.
 * Parsed after the engine evaluated `.$` paths / JSONata, so every field may be computed.
 */
import { z } from 'zod';

/** An approver reference: a user's email, `group:NAME`, or an outside address. */
const approverRef = z.string().trim().min(1).max(320);

const formFieldSchema = z
  .object({
    Name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'is a letter then letters, digits, - or _'),
    Type: z.enum(['text', 'number', 'choice', 'checkbox']),
    Label: z.string().min(1).max(200).optional(),
    Options: z.array(z.string().min(1).max(200)).min(1).max(50).optional(),
    Required: z.boolean().optional(),
    /** the decisions on which the field must be filled in */
    RequiredOn: z.array(z.enum(['approve', 'reject'])).optional(),
  })
  .refine((f) => f.Type !== 'choice' || f.Options !== undefined, {
    message: 'a choice field needs Options',
    path: ['Options'],
  });

export type FormField = z.infer<typeof formFieldSchema>;

const approvalConfigSchema = z
  .object({
    Title: z.string().trim().min(1).max(500),
    Details: z.unknown().optional(),
    Approvers: z.array(approverRef).min(1).max(200),
    Policy: z
      .object({
        Mode: z.enum(['any', 'all', 'quorum']).default('any'),
        Count: z.number().int().min(1).max(200).optional(),
      })
      .default({ Mode: 'any' }),
    AllowSelfApproval: z.boolean().default(false),
    Form: z.array(formFieldSchema).max(30).default([]),
    OnReject: z.enum(['fail', 'output']).default('fail'),
    Reminders: z
      .object({ EverySeconds: z.number().int().min(1), Max: z.number().int().min(0).max(100).default(3) })
      .optional(),
    Escalation: z
      .object({ AfterSeconds: z.number().int().min(1), To: z.array(approverRef).min(1).max(200) })
      .optional(),
  })
  .refine((c) => c.Policy.Mode !== 'quorum' || c.Policy.Count !== undefined, {
    message: 'a quorum needs Count',
    path: ['Policy', 'Count'],
  })
  .refine((c) => new Set(c.Form.map((f) => f.Name)).size === c.Form.length, {
    message: 'field names must be unique',
    path: ['Form'],
  });

export type ApprovalConfig = z.infer<typeof approvalConfigSchema>;

export const INVALID_CONFIGURATION = 'Approval.InvalidConfiguration';

/** The config, or the problems as one cause line (`Policy.Count: a quorum needs Count`). */
export function parseApprovalConfig(
  parameters: unknown,
): { ok: true; config: ApprovalConfig } | { ok: false; cause: string } {
  const parsed = approvalConfigSchema.safeParse(parameters);
  if (parsed.success) return { ok: true, config: parsed.data };
  const cause = parsed.error.issues
    .map((i) => `${i.path.join('.') || 'Parameters'}: ${i.message}`)
    .join('; ');
  return { ok: false, cause: `Invalid approval parameters: ${cause}` };
}

/** Whether the comment must be given: the form's `comment` field decides, else required on reject. */
export function commentRequired(form: FormField[], decision: 'approve' | 'reject'): boolean {
  const field = form.find((f) => f.Name.toLowerCase() === 'comment');
  if (!field) return decision === 'reject';
  return field.Required === true || (field.RequiredOn ?? []).includes(decision);
}
