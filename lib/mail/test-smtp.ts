/**
 * For tests: a real SMTP server on loopback (smtp-server) that parses what arrives
 * (mailparser). `waitForEmail(to)` resolves with the next message to that address; `stop()`
 * and `start()` again on the same port simulate a mail server that is down for a while.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

export interface TestSmtp {
  port: number;
  url: string;
  messages: ReceivedMail[];
  waitForEmail(
    to: string,
    options?: { timeoutMs?: number; match?: (mail: ReceivedMail) => boolean },
  ): Promise<ReceivedMail>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const to = [parsed.to]
              .flat()
              .flatMap((a) => a?.value.map((v) => (v.address ?? '').toLowerCase()) ?? []);
            messages.push({
              to,
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const smtp: TestSmtp = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    async start() {
      server = create();
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.server.address() as AddressInfo).port;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    waitForEmail(to, { timeoutMs = 10_000, match } = {}) {
      const find = () => messages.find((m) => m.to.includes(to.toLowerCase()) && (!match || match(m)));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `No email to ${to} within ${timeoutMs} ms (got ${messages.length}: ${messages.map((m) => m.to.join(',')).join('; ')})`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  await smtp.start();
  return smtp;
}

/** The first `/approve/<token>` link in a message (its text part). */
export function extractApprovalLink(mail: { text: string }): string {
  const match = /https?:\/\/\S+?\/approve\/[A-Za-z0-9_-]{43}/.exec(mail.text);
  if (!match) throw new Error(`No approval link in: ${mail.text.slice(0, 300)}`);
  return match[0];
}
