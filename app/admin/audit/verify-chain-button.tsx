'use client';
/** Verify chain: recomputes every hash of the trail and says whether it is intact, or where and why it broke. */
import { ShieldCheck } from 'lucide-react';
import { useActionState } from 'react';
import type { AuditChainReport } from '@/lib/audit/check-audit-chain';
import type { ActionResult } from '@/lib/auth/authed-action';
import { verifyChain } from './actions';
import { toolButtonClass } from './export-buttons';

const plural = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

function Report({ state }: { state: ActionResult<AuditChainReport> }) {
  if (!state.ok) return <p className="text-red-700">{state.message}</p>;
  const report = state.data;
  if (report.ok)
    return <p className="font-medium text-green-800">Chain intact: {plural(report.entries)} verified</p>;
  const { entry } = report;
  return (
    <div className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">Chain broken at entry #{report.brokenSeq}</p>
      <p>{report.explanation}</p>
      {entry && (
        <p>
          {entry.seq === report.brokenSeq ? 'Entry' : 'Next entry'} #{entry.seq}: {entry.action} at{' '}
          <time dateTime={entry.at} title={entry.at}>
            {entry.at}
          </time>
        </p>
      )}
    </div>
  );
}

export function VerifyChainButton() {
  const [state, action, busy] = useActionState(verifyChain, null);
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      <button type="submit" disabled={busy} className={toolButtonClass}>
        <ShieldCheck aria-hidden className="size-4" />
        Verify chain
      </button>
      <div role="status" className="min-w-0 basis-full text-sm">
        {busy ? <p className="text-slate-700">Verifying…</p> : state && <Report state={state} />}
      </div>
    </form>
  );
}
