/** The audit event types, in the order audit-event.ts declares them: the console's Action filter. */
import { auditEventSchema, type AuditEvent } from './audit-event';

export type AuditAction = AuditEvent['type'];

export const AUDIT_ACTIONS: readonly AuditAction[] = auditEventSchema.options.map(
  (option) => option.shape.type.value,
);

export function isAuditAction(text: string): text is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(text);
}
