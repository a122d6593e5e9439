import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../register-integrations';
import { db } from '../db/client';
import { drainOutbox } from './drain-outbox';
import { enqueueMail } from './enqueue-mail';
import { startTestSmtp, type TestSmtp } from './test-smtp';
import { mailboxTransport, smtpTransport } from './transport';
import { driveEngine, executionOf, startWorkflow } from '../approvals/test-kit';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.stop());

const enqueue = (to: string, subject: string) =>
  db.$transaction((tx) => enqueueMail(tx, { kind: 'notification', to, subject, text: `body of ${subject}` }));

describe('the outbox sender', () => {
  it('keeps mail while SMTP is down and sends each message once when it is back', async () => {
    await smtp.stop();
    const ids = await Promise.all(['one', 'two', 'three'].map((s) => enqueue('down@example.com', s)));
    let clock = Date.now();
    const now = () => new Date(clock);
    const transport = smtpTransport(smtp.url);
    const first = await drainOutbox({ transport, now, backoffMs: 1000 });
    expect(first).toEqual({ sent: 0, retried: 3, failed: 0 });
    const waiting = await db.outboxMessage.findMany({ where: { id: { in: ids.map((i) => i.id) } } });
    expect(waiting.every((m) => m.status === 'PENDING' && m.attempts === 1 && m.lastError)).toBe(true);
    expect(await drainOutbox({ transport, now, backoffMs: 1000 })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    }); // backing off
    await smtp.start();
    clock += 1500;
    expect((await drainOutbox({ transport, now, backoffMs: 1000 })).sent).toBe(3);
    await drainOutbox({ transport, now: () => new Date(clock + 3_600_000) });
    transport.close();
    await smtp.waitForEmail('down@example.com', { match: (m) => m.subject === 'three' });
    expect(
      smtp.messages
        .filter((m) => m.to.includes('down@example.com'))
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['one', 'three', 'two']);
  });

  it('marks a message FAILED for good after the last attempt, with its error', async () => {
    const { id } = await enqueue('never@example.com', 'doomed');
    const broken = {
      kind: 'smtp' as const,
      send: async () => Promise.reject(new Error('550 mailbox unavailable')),
      close() {},
    };
    let clock = Date.now();
    for (let i = 0; i < 3; i++) {
      await drainOutbox({ transport: broken, now: () => new Date(clock), maxAttempts: 3, backoffMs: 10 });
      clock += 60_000;
    }
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      lastError: '550 mailbox unavailable',
    });
  });

  it('without SMTP the rows themselves are the mailbox, marked delivered', async () => {
    const { id } = await enqueue('box@example.com', 'kept');
    await drainOutbox({ transport: mailboxTransport });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'SENT',
      messageId: `mailbox:${id}`,
    });
  });

  it('email:send mails from a workflow step through the outbox', async () => {
    const definition = {
      StartAt: 'Mail',
      States: {
        Mail: {
          Type: 'Task',
          Resource: 'email:send',
          Parameters: { 'To.$': '$.to', 'Subject.$': "States.Format('Order {}', $.id)", Text: 'Shipped' },
          End: true,
        },
      },
    };
    const executionId = await startWorkflow(definition, { input: { to: 'customer@example.com', id: 7 } });
    await driveEngine();
    expect((await executionOf(executionId)).status).toBe('SUCCEEDED');
    const transport = smtpTransport(smtp.url);
    await drainOutbox({ transport });
    transport.close();
    expect((await smtp.waitForEmail('customer@example.com')).subject).toBe('Order 7');
  });
});
