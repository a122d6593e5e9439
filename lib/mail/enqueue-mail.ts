/**
 * Puts a message in the durable outbox inside the caller's transaction: it is sent only if
 * what caused it commits, and it survives a crash (the sender loop picks it up).
 */
import type { Tx } from '../db/client';

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}

type MailKind =
  | 'approval-request'
  | 'reminder'
  | 'escalation'
  | 'outcome'
  | 'task-closed'
  | 'invitation'
  | 'notification'
  | 'sign-in';

export interface EnqueueMailOptions extends RenderedMail {
  kind: MailKind;
  to: string;
  executionId?: string;
  approvalTaskId?: string;
  /** defaults to now */
  notBefore?: Date;
  /** the row's id when the caller needs it before the write (a workflow step's output); else one is made */
  id?: string;
}

export async function enqueueMail(tx: Tx, options: EnqueueMailOptions): Promise<{ id: string }> {
  return tx.outboxMessage.create({
    data: {
      ...(options.id ? { id: options.id } : {}),
      kind: options.kind,
      to: options.to,
      subject: options.subject.slice(0, 998),
      text: options.text,
      html: options.html ?? null,
      executionId: options.executionId ?? null,
      approvalTaskId: options.approvalTaskId ?? null,
      ...(options.notBefore ? { nextAttemptAt: options.notBefore } : {}),
    },
    select: { id: true },
  });
}
