/**
 * Puts a FAILED outbox message back in the queue for an admin: status PENDING, attempts back to
 * 0 (a full round of retries with backoff; kept, the next failure would be final at once), due
 * now, the last error kept until the next attempt replaces it. Compare-and-set on the status,
 * in one audited transaction (MAIL_RESENT), so two clicks resend once; the sender is woken
 * after the commit.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { assertAdmin } from '../auth/assert-admin';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { AppError } from '../errors';
import { wakeMailSender } from './mail-sender';

export interface ResendMailOptions {
  messageId: string;
  actor: Actor;
  request?: RequestInfo;
}

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'still queued',
  SENDING: 'being sent',
  SENT: 'sent already',
};

export async function resendMail({ messageId, actor, request }: ResendMailOptions): Promise<{ id: string }> {
  await runAudited(async (tx) => {
    await assertAdmin(tx, actor, 'resend mail');
    const message = await tx.outboxMessage.findUnique({
      where: { id: messageId },
      select: { status: true, attempts: true },
    });
    if (!message) throw new AppError('NOT_FOUND', 'There is no such message in the outbox.');
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: messageId, status: 'FAILED' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date() },
    });
    if (count === 0)
      throw new AppError(
        'CONFLICT',
        `This message is ${STATUS_WORDS[message.status] ?? message.status}: only a failed message can be resent.`,
      );
    await recordAudit(tx, {
      actor,
      request,
      type: 'MAIL_RESENT',
      target: { type: 'outboxMessage', id: messageId },
      data: { messageId, previousAttempts: message.attempts },
    });
  });
  wakeMailSender();
  return { id: messageId };
}
