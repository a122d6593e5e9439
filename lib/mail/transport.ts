/**
 * How mail leaves: nodemailer over SMTP_URL with pooled connections, from MAIL_FROM. With no
 * SMTP_URL the app keeps its mail in the built-in mailbox (/dev/mailbox): the outbox rows are
 * the mailbox, marked delivered without a network call.
 */
import nodemailer, { type Transporter } from 'nodemailer';

export const DEFAULT_FROM = 'Signoff <signoff@localhost>';

interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** our outbox id, sent as a header so a receiver can spot a retried message */
  outboxId: string;
}

export interface MailTransport {
  kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function smtpTransport(url: string, from = process.env.MAIL_FROM ?? DEFAULT_FROM): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: 10,
    maxMessages: Infinity,
    from,
  } as never);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        headers: { 'X-Signoff-Outbox-Id': mail.outboxId },
      });
      return { messageId: String(info.messageId ?? '') };
    },
    close: () => transporter.close(),
  };
}

export const mailboxTransport: MailTransport = {
  kind: 'mailbox',
  send: async (mail) => ({ messageId: `mailbox:${mail.outboxId}` }),
  close: () => {},
};

/** The transport the environment asks for (read at call time, so tests can set SMTP_URL). */
export function transportFromEnv(): MailTransport {
  const url = process.env.SMTP_URL;
  return url ? smtpTransport(url) : mailboxTransport;
}
