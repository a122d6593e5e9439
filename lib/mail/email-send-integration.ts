/**
 * `email:send`: a workflow step that mails a message through the outbox (the seed's SNS-style
 * notification). Parameters: `To` (an address or a list), `Subject`, `Text` and/or `Html`.
 * The rows are service writes of the session that runs the state (they commit with it), so the
 * state succeeds at once with `{ MessageIds }` and the sender delivers after the commit.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Integration } from '../engine/integrations/integration';
import { enqueueMail } from './enqueue-mail';

const address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'is not an email address');
const paramsSchema = z
  .object({
    To: z.union([address, z.array(address).min(1).max(50)]),
    Subject: z.string().min(1).max(998),
    Text: z.string().max(100_000).optional(),
    Html: z.string().max(200_000).optional(),
  })
  .refine((p) => p.Text !== undefined || p.Html !== undefined, { message: 'Text or Html is required' });

export const emailSendIntegration: Integration = {
  name: 'email:send',
  matches: (resource) => resource === 'email:send',
  async start(_query, task) {
    const parsed = paramsSchema.safeParse(task.input);
    if (!parsed.success) {
      const cause = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'Parameters'}: ${i.message}`)
        .join('; ');
      return { kind: 'done', outcome: { error: 'Email.InvalidParameters', cause } };
    }
    const { To, Subject, Text, Html } = parsed.data;
    const mails = (Array.isArray(To) ? To : [To]).map((to) => ({
      id: randomUUID(),
      kind: 'notification' as const,
      to,
      subject: Subject,
      text: Text ?? Html?.replace(/<[^>]*>/g, '') ?? '',
      html: Html,
      executionId: task.executionId,
    }));
    task.session.write(async (tx) => {
      for (const mail of mails) await enqueueMail(tx, mail);
    });
    return { kind: 'done', outcome: { output: { MessageIds: mails.map((m) => m.id) } } };
  },
};
