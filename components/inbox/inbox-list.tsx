'use client';
/**
 * The inbox rows with what a day of deciding needs: checkboxes (and select all on the page) for
 * a bulk decision with one comment, each task decided on its own and the outcome listed per
 * task; keyboard shortcuts (j/k move, x select, a/r approve/reject with a confirmation, /
 * search, ? lists them). On a phone the bulk actions sit in a bar at the bottom.
 */
import { Check, Keyboard, X } from 'lucide-react';
import Link from 'next/link';
import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import type { InboxTaskRow } from '@/lib/approvals/list-inbox-tasks';
import type { ActionResult } from '@/lib/auth/authed-action';
import type { BulkDecisionResult } from '@/lib/approvals/bulk-decide';
import { formatAge, formatUtc } from '@/components/ui/format-time';

type Decide = (prev: unknown, formData: FormData) => Promise<ActionResult<BulkDecisionResult>>;

const SHORTCUTS: [keys: string, what: string][] = [
  ['j / k', 'next / previous task'],
  ['x', 'select the task'],
  ['a', 'approve the selected tasks (or this one), after a confirmation'],
  ['r', 'reject the selected tasks (or this one), after a confirmation'],
  ['/', 'search'],
  ['?', 'show or hide these shortcuts'],
];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function InboxList({
  tasks,
  tab,
  decide,
  now,
}: {
  tasks: InboxTaskRow[];
  tab: string;
  decide: Decide;
  now: string;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(-1);
  const [confirming, setConfirming] = useState<'approve' | 'reject' | null>(null);
  const [help, setHelp] = useState(false);
  const [state, action, busy] = useActionState(decide, null);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const decidable = tasks.filter((t) => t.bulk.decidable);
  const allChecked = decidable.length > 0 && decidable.every((t) => selected.has(t.id));

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  // a new answer from the server: clear what it decided, close the confirmation
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) setSelected(new Set());
    setConfirming(null);
  }

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target)) return;
      const move = (to: number) => {
        const index = Math.max(0, Math.min(tasks.length - 1, to));
        setFocus(index);
        links.current[index]?.focus();
      };
      switch (event.key) {
        case 'j':
          move(focus + 1);
          break;
        case 'k':
          move(focus - 1);
          break;
        case 'x':
          if (tasks[focus]?.bulk.decidable) toggle(tasks[focus].id);
          break;
        case 'a':
        case 'r':
          if (selected.size === 0 && tasks[focus]?.bulk.decidable) setSelected(new Set([tasks[focus].id]));
          if (selected.size > 0 || tasks[focus]?.bulk.decidable)
            setConfirming(event.key === 'a' ? 'approve' : 'reject');
          break;
        case '/':
          document.getElementById('inbox-search')?.focus();
          break;
        case '?':
          setHelp((h) => !h);
          break;
        case 'Escape':
          setConfirming(null);
          setHelp(false);
          return;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, selected, tasks, toggle]);

  const nowDate = new Date(now);
  return (
    <div className="space-y-3 pb-40 md:pb-0">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        {decidable.length > 0 ? (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={allChecked}
              onChange={() => setSelected(allChecked ? new Set() : new Set(decidable.map((t) => t.id)))}
              className="size-4"
            />
            Select all on this page
          </label>
        ) : (
          <span />
        )}
        <button
          type="button"
          onClick={() => setHelp((h) => !h)}
          aria-expanded={help}
          className="inline-flex items-center gap-1 text-slate-600 hover:text-slate-900"
        >
          <Keyboard aria-hidden className="size-4" /> Keyboard shortcuts
        </button>
      </div>
      {help && (
        <section
          aria-label="Keyboard shortcuts"
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                    {keys}
                  </kbd>
                </dt>
                <dd className="text-slate-700">{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <ul
        aria-label="Approval tasks"
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      >
        {tasks.map((task, index) => (
          <li
            key={task.id}
            data-task-id={task.id}
            className={`flex gap-3 px-3 py-3 ${index === focus ? 'bg-blue-50' : task.overdue ? 'bg-amber-50' : ''}`}
          >
            <div className="pt-0.5">
              {task.bulk.decidable ? (
                <input
                  type="checkbox"
                  aria-label={`Select ${task.title}`}
                  checked={selected.has(task.id)}
                  onChange={() => toggle(task.id)}
                  className="size-4"
                />
              ) : (
                <span className="inline-block size-4" title={task.bulk.reason} />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <Link
                ref={(el) => {
                  links.current[index] = el;
                }}
                href={`/inbox/${task.id}`}
                onFocus={() => setFocus(index)}
                className="font-medium break-words text-slate-900 underline-offset-2 hover:underline"
              >
                {task.title}
              </Link>
              <p className="mt-0.5 text-xs text-slate-600">
                {task.workflowName} · asked by {task.requester} ·{' '}
                <span title={formatUtc(task.createdAt)}>{formatAge(task.createdAt, nowDate)} ago</span>
                {task.dueAt && (
                  <>
                    {' '}
                    ·{' '}
                    <span className={task.overdue ? 'font-semibold text-amber-900' : ''}>
                      {task.overdue ? 'overdue since' : 'due'} {formatUtc(task.dueAt)}
                    </span>
                  </>
                )}
              </p>
              <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                {task.status !== 'PENDING' && (
                  <span className="font-medium text-slate-700">{task.status.toLowerCase()}</span>
                )}
                {task.escalated && <span className="text-violet-800">escalated</span>}
                {task.claimedBy && (
                  <span className="text-blue-800">
                    {task.claimedByYou ? 'claimed by you' : `claimed by ${task.claimedBy}`}
                  </span>
                )}
                {task.onBehalfOf && <span className="text-slate-700">on behalf of {task.onBehalfOf}</span>}
                {task.mine === 'not-asked' && <span className="text-slate-600">not asked of you</span>}
                {task.requestedByYou && <span className="text-slate-600">you started this request</span>}
                {tab === 'team' && task.asked.length > 0 && (
                  <span className="text-slate-600">
                    asked: {task.asked.map((a) => `${a.email}${a.decided ? ' ✓' : ''}`).join(', ')}
                    {task.askedCount > task.asked.length
                      ? ` and ${task.askedCount - task.asked.length} more`
                      : ''}
                  </span>
                )}
                {!task.bulk.decidable && task.status === 'PENDING' && task.mine === 'pending' && (
                  <span className="text-slate-600">{task.bulk.reason}</span>
                )}
              </div>
              {task.myDecision && (
                <p className="mt-1 text-xs text-slate-700">
                  You {task.myDecision.decision} on {formatUtc(task.myDecision.at)}
                  {task.myDecision.comment ? ` — “${task.myDecision.comment}”` : ''}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      <BulkBar
        count={selected.size}
        ids={[...selected]}
        action={action}
        busy={busy}
        confirming={confirming}
        setConfirming={setConfirming}
        confirmButton={confirmButton}
      />
      <div aria-live="polite">{state && <BulkOutcome state={state} tasks={tasks} />}</div>
    </div>
  );
}

function BulkBar({
  count,
  ids,
  action,
  busy,
  confirming,
  setConfirming,
  confirmButton,
}: {
  count: number;
  ids: string[];
  action: (formData: FormData) => void;
  busy: boolean;
  confirming: 'approve' | 'reject' | null;
  setConfirming: (c: 'approve' | 'reject' | null) => void;
  confirmButton: React.RefObject<HTMLButtonElement | null>;
}) {
  if (count === 0) return null;
  return (
    <form
      action={action}
      aria-label="Decide the selected tasks"
      className="fixed inset-x-0 bottom-0 z-20 space-y-2 border-t border-slate-200 bg-white p-3 shadow-lg md:static md:rounded-lg md:border md:shadow-none"
    >
      {ids.map((id) => (
        <input key={id} type="hidden" name="taskId" value={id} />
      ))}
      <input type="hidden" name="decision" value={confirming ?? ''} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="block min-w-0 flex-1 text-sm">
          <span className="font-medium">Comment for the {count} selected</span>
          <input
            name="comment"
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
          />
        </label>
        {confirming ? (
          <>
            <button
              key="confirm"
              ref={confirmButton}
              type="submit"
              disabled={busy}
              className={`rounded-md px-3 py-2 text-sm font-medium text-white ${confirming === 'approve' ? 'bg-green-700' : 'bg-red-700'}`}
            >
              Confirm: {confirming} {count} task{count === 1 ? '' : 's'}
            </button>
            <button
              key="cancel"
              type="button"
              onClick={() => setConfirming(null)}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              Cancel
            </button>
          </>
        ) : (
          <>
            {/* keys: the confirming button must be a new element, or the click that shows it would submit */}
            <button
              key="approve"
              type="button"
              onClick={() => setConfirming('approve')}
              className="inline-flex items-center gap-1 rounded-md bg-green-700 px-3 py-2 text-sm font-medium text-white"
            >
              <Check aria-hidden className="size-4" /> Approve selected
            </button>
            <button
              key="reject"
              type="button"
              onClick={() => setConfirming('reject')}
              className="inline-flex items-center gap-1 rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white"
            >
              <X aria-hidden className="size-4" /> Reject selected
            </button>
          </>
        )}
      </div>
    </form>
  );
}

function BulkOutcome({ state, tasks }: { state: ActionResult<BulkDecisionResult>; tasks: InboxTaskRow[] }) {
  if (!state.ok)
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.message}
      </p>
    );
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  return (
    <section aria-label="Bulk decision" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p role="status" className="font-medium text-slate-900">
        {state.data.summary}
      </p>
      <ul className="mt-2 space-y-1">
        {state.data.results.map((r) => (
          <li key={r.taskId} className={r.ok ? 'text-green-800' : 'text-red-800'}>
            {r.title ?? titles.get(r.taskId) ?? r.taskId}:{' '}
            {r.ok ? r.status.toLowerCase() : `not decided: ${r.reason}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
