'use client';
/**
 * Keeps an open task page current: every few seconds while the page is visible (and at once
 * when it becomes visible again) it asks the server for the task's pulse; when that differs
 * from what the page shows, the page's data reloads and what others did is read out politely
 * ("This task was just approved by bob@example.com.").
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { describeChange, pulseKey, type TaskPulse } from './task-pulse';

const CHECK_MS = 3000;

type Check = (
  prev: unknown,
  formData: FormData,
) => Promise<{ ok: true; data: TaskPulse } | { ok: false; message: string; code?: string }>;

export function LiveTask({ taskId, pulse, check }: { taskId: string; pulse: TaskPulse; check: Check }) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const seen = useRef(pulse);
  const key = pulseKey(pulse);
  useEffect(() => {
    seen.current = JSON.parse(key) as TaskPulse; // what the page renders now
  }, [key]);
  const open = pulse.status === 'PENDING';
  useEffect(() => {
    if (!open) return; // a closed task changes no more
    let stopped = false;
    let busy = false;
    async function poll() {
      if (busy || document.visibilityState !== 'visible') return;
      busy = true;
      try {
        const form = new FormData();
        form.set('taskId', taskId);
        const result = await check(null, form);
        if (stopped) return;
        if (!result.ok) {
          if (result.code === 'NOT_FOUND') {
            setNote('This request is no longer in your inbox.');
            router.refresh();
          }
          return;
        }
        if (pulseKey(result.data) === pulseKey(seen.current)) return;
        const change = describeChange(seen.current, result.data);
        seen.current = result.data;
        if (change) setNote(change);
        router.refresh();
      } catch {
        // offline or the server restarting: the next tick tries again
      } finally {
        busy = false;
      }
    }
    const timer = setInterval(poll, CHECK_MS);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [open, taskId, check, router]);
  return (
    <div aria-live="polite">
      {note && <p className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">{note}</p>}
    </div>
  );
}
