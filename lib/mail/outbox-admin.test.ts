import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { listMailbox } from './list-mailbox';
import { listOutbox } from './list-outbox';
import { resendMail } from './resend-mail';

let admin: Actor;

async function person(role: string): Promise<Actor> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await db.user.create({ data: { email, role } });
  return { type: 'user', id: user.id, label: email };
}

let clock = Date.parse('2026-03-01T10:00:00Z');
/** A message in the given state, each one created a second after the one before. */
async function message(status: string, extra: { attempts?: number; lastError?: string; sentAt?: Date } = {}) {
  clock += 1000;
  return db.outboxMessage.create({
    data: {
      kind: 'notification',
      to: `to-${clock}@example.com`,
      subject: `subject ${clock}`,
      text: 'body',
      status,
      createdAt: new Date(clock),
      ...extra,
    },
  });
}

const snapshot = async () => ({
  audit: await db.auditEntry.count(),
  mail: await db.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
});

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  admin = await person('admin');
});

describe('listOutbox', () => {
  it('lists newest first by status, with counts, and pages with no repeats or gaps while mail is added', async () => {
    const pending = await message('PENDING');
    const sending = await message('SENDING', { attempts: 1 });
    const sent = await message('SENT', { attempts: 1, sentAt: new Date('2026-03-02T00:00:00Z') });
    const failed = await message('FAILED', { attempts: 8, lastError: '550 mailbox unavailable' });
    const first = await listOutbox({ limit: 3, actor: admin });
    expect(first.messages.map((m) => m.id)).toEqual([failed.id, sent.id, sending.id]);
    expect(first.counts).toEqual({ all: 4, queued: 2, sent: 1, failed: 1 });
    await message('PENDING'); // written meanwhile: before the first page
    const second = await listOutbox({ limit: 3, cursor: first.nextCursor, actor: admin });
    expect(second.messages.map((m) => m.id)).toEqual([pending.id]);
    expect(second.nextCursor).toBeUndefined();

    const queued = await listOutbox({ status: 'queued', actor: admin });
    expect(queued.messages.map((m) => m.status)).toEqual(['PENDING', 'SENDING', 'PENDING']);
    expect((await listOutbox({ status: 'failed', actor: admin })).messages).toEqual([
      expect.objectContaining({
        id: failed.id,
        attempts: 8,
        lastError: '550 mailbox unavailable',
        sentAt: null,
      }),
    ]);
    expect((await listOutbox({ status: 'sent', actor: admin })).messages[0]).toMatchObject({
      id: sent.id,
      sentAt: sent.sentAt?.toISOString(),
    });
    expect(first.messages[0]).not.toHaveProperty('text');
  });

  it('breaks ties on the creation time by id, so equal times are neither repeated nor skipped', async () => {
    const at = new Date('2026-04-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await db.outboxMessage.create({
            data: { kind: 'notification', to: 'x@example.com', subject: `s${i}`, text: '', createdAt: at },
          })
        ).id,
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOutbox({ limit: 2, cursor, actor: admin });
      seen.push(...page.messages.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('refuses a malformed cursor, and anyone but an active admin', async () => {
    await expect(listOutbox({ cursor: 'garbage', actor: admin })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    for (const actor of [await person('approver'), await person('manager')])
      await expect(listOutbox({ actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const key: Actor = { type: 'apiKey', id: 'k', label: 'k', scopes: ['admin'] };
    await expect(listOutbox({ actor: key })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('resendMail', () => {
  it('moves a failed message back to the queue once, due now, and audits it', async () => {
    const failed = await message('FAILED', { attempts: 8, lastError: '550 mailbox unavailable' });
    const before = Date.now();
    await resendMail({ messageId: failed.id, actor: admin, request: { ip: '10.1.2.3' } });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 0, lastError: '550 mailbox unavailable' });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'MAIL_RESENT' } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      targetType: 'outboxMessage',
      targetId: failed.id,
      ip: '10.1.2.3',
    });
    expect(JSON.parse(entry.data)).toEqual({ messageId: failed.id, previousAttempts: 8 });

    const after = await snapshot();
    await expect(resendMail({ messageId: failed.id, actor: admin })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This message is still queued: only a failed message can be resent.',
    });
    expect(await snapshot()).toEqual(after);
  });

  it('two resends at once put the message back once', async () => {
    const failed = await message('FAILED', { attempts: 8 });
    const results = await Promise.allSettled([
      resendMail({ messageId: failed.id, actor: admin }),
      resendMail({ messageId: failed.id, actor: admin }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.auditEntry.count({ where: { action: 'MAIL_RESENT', targetId: failed.id } })).toBe(1);
  });

  it('refuses sent mail, unknown ids and non-admins, writing nothing', async () => {
    const sent = await message('SENT', { sentAt: new Date() });
    const failed = await message('FAILED', { attempts: 8 });
    const before = await snapshot();
    await expect(resendMail({ messageId: sent.id, actor: admin })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This message is sent already: only a failed message can be resent.',
    });
    await expect(resendMail({ messageId: 'nope', actor: admin })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(resendMail({ messageId: failed.id, actor: await person('approver') })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('the public mailbox', () => {
  it('still lists every message with its bodies left out, newest first', async () => {
    const a = await message('SENT');
    const b = await message('FAILED', { lastError: 'boom' });
    expect((await listMailbox()).map((m) => m.id)).toEqual([b.id, a.id]);
  });
});
