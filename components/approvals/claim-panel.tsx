'use client';
/**
 * The claim on a task page: who holds it and until when, and the buttons the facts allow —
 * Claim (or Renew claim) for a person asked to decide, Release for the holder, Break claim for
 * an admin or a manager of the task's groups. One form, one message read out politely; the
 * page itself re-renders with the new state.
 */
import { useActionState } from 'react';
import type { TaskFacts } from '@/lib/approvals/task-facts';
import { LocalTime } from '@/components/ui/local-time';

type Result = { ok: true } | { ok: false; message: string };
type Action = (prev: unknown, formData: FormData) => Promise<Result>;
type Intent = 'claim' | 'release' | 'breakClaim';

interface ClaimPanelProps {
  taskId: string;
  claim: TaskFacts['claim'];
  may: Pick<TaskFacts['may'], 'claim' | 'release' | 'breakClaim'>;
  /** the viewer is asked to decide but someone else's claim holds */
  blocked: boolean;
  /** how long a claim holds */
  minutes: number;
  actions: Record<Intent, Action>;
}

const DONE: Record<Intent, string> = {
  claim: 'You claimed this request.',
  release: 'You released your claim.',
  breakClaim: 'The claim was broken.',
};

const button =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';

function Holder({ claim, blocked }: { claim: NonNullable<TaskFacts['claim']>; blocked: boolean }) {
  if (claim.byYou)
    return (
      <p>
        You have claimed this request until <LocalTime iso={claim.expiresAt} short />. Nobody else can decide
        it until you release it or the claim lapses.
      </p>
    );
  return (
    <p>
      Claimed by <span className="font-medium break-all">{claim.by}</span> until{' '}
      <LocalTime iso={claim.expiresAt} short />
      {blocked ? ' — you can decide once they release it or the claim lapses.' : '.'}
    </p>
  );
}

export function ClaimPanel({ taskId, claim, may, blocked, minutes, actions }: ClaimPanelProps) {
  const [state, dispatch, pending] = useActionState(async (_prev: unknown, formData: FormData) => {
    const intent = String(formData.get('intent')) as Intent;
    const result = await actions[intent](null, formData);
    return result.ok ? { ok: true as const, message: DONE[intent] } : result;
  }, null);
  if (!claim && !may.claim && !state) return null;
  return (
    <section
      aria-labelledby="claim-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="claim-heading" className="text-lg font-semibold">
        Claim
      </h2>
      <div className={`text-sm ${claim && !claim.byYou ? 'text-amber-900' : 'text-slate-800'}`}>
        {claim ? (
          <Holder claim={claim} blocked={blocked} />
        ) : (
          <p>
            Nobody has claimed this request. Claim it to tell others you are on it: while your claim holds (
            {minutes} minutes), nobody else can decide it.
          </p>
        )}
      </div>
      <form action={dispatch} className="space-y-2">
        <input type="hidden" name="taskId" value={taskId} />
        {may.breakClaim && (
          <div className="space-y-1">
            <label htmlFor="break-reason" className="block text-sm font-medium">
              Why break the claim (optional)
            </label>
            <input
              id="break-reason"
              name="reason"
              maxLength={500}
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-base"
            />
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          {may.claim && (
            <button type="submit" name="intent" value="claim" disabled={pending} className={button}>
              {claim?.byYou ? 'Renew claim' : 'Claim'}
            </button>
          )}
          {may.release && (
            <button type="submit" name="intent" value="release" disabled={pending} className={button}>
              Release
            </button>
          )}
          {may.breakClaim && (
            <button type="submit" name="intent" value="breakClaim" disabled={pending} className={button}>
              Break claim
            </button>
          )}
        </div>
        <p aria-live="polite" className={`text-sm ${state?.ok ? 'text-green-800' : 'text-red-700'}`}>
          {state?.message ?? ''}
        </p>
      </form>
    </section>
  );
}
