'use client';
/**
 * Resend a failed message: back in the queue, due now. A refusal (someone resent it first, it is
 * no longer failed) is said beside the button; a success returns to the page, which says so.
 */
import { RotateCw } from 'lucide-react';
import { useActionState } from 'react';
import type { OutboxFilter } from '@/lib/mail/list-outbox';
import { resendMessage } from './actions';

interface ResendButtonProps {
  messageId: string;
  to: string;
  /** the view to come back to */
  status: OutboxFilter;
  cursor?: string;
}

export function ResendButton({ messageId, to, status, cursor }: ResendButtonProps) {
  const [state, action, busy] = useActionState(resendMessage, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="status" value={status} />
      {cursor && <input type="hidden" name="cursor" value={cursor} />}
      <button
        type="submit"
        disabled={busy}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100 focus-visible:outline-2 disabled:opacity-60"
      >
        <RotateCw aria-hidden className="size-4" />
        Resend<span className="sr-only"> the message to {to}</span>
      </button>
      <p aria-live="polite" className="max-w-56 text-xs text-red-700">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  );
}
