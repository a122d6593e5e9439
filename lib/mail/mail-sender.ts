/**
 * The sender loop, started beside the engine (Next.js instrumentation, the worker): drains
 * the outbox every pollMs, and at once when wakeMailSender() is called after a commit that
 * wrote mail. One loop per process (kept on globalThis: Next.js may load modules twice).
 */
import { drainOutbox } from './drain-outbox';
import { transportFromEnv, type MailTransport } from './transport';

const DEFAULT_POLL_MS = 500;

interface SenderState {
  running: boolean;
  wake?: () => void;
  done?: Promise<void>;
}

const holder = globalThis as unknown as { signoffMailSender?: SenderState };

/** Starts the loop once; `stop()` lets the current pass finish. */
export function startMailSender(
  options: { pollMs?: number; transport?: MailTransport; backoffMs?: number } = {},
): { stop(): Promise<void> } {
  if (!holder.signoffMailSender) {
    const state: SenderState = { running: true };
    const transport = options.transport ?? transportFromEnv();
    state.done = loop(state, transport, options.pollMs ?? DEFAULT_POLL_MS, options.backoffMs).finally(() =>
      transport.close(),
    );
    holder.signoffMailSender = state;
  }
  const state = holder.signoffMailSender;
  return {
    async stop() {
      state.running = false;
      state.wake?.();
      if (holder.signoffMailSender === state) holder.signoffMailSender = undefined;
      await state.done;
    },
  };
}

/** Drains at once instead of waiting for the next poll. */
export function wakeMailSender(): void {
  holder.signoffMailSender?.wake?.();
}

async function loop(
  state: SenderState,
  transport: MailTransport,
  pollMs: number,
  backoffMs?: number,
): Promise<void> {
  while (state.running) {
    let busy = false;
    try {
      const result = await drainOutbox({ transport, ...(backoffMs ? { backoffMs } : {}) });
      busy = result.sent + result.retried + result.failed > 0;
    } catch (error) {
      console.error('[mail]', error);
    }
    // Yield a turn of the event loop even when busy: SQLite queries resolve as microtasks.
    if (busy) await new Promise((resolve) => setImmediate(resolve));
    if (!busy && state.running) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        state.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
