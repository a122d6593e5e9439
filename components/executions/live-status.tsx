'use client';
/**
 * Keeps a running execution's page current: refreshes it every 2 s while the execution runs
 * (not while the tab is hidden), stops when it ends, and announces each status change.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { executionStatusWord } from './execution-status-badge';

/** Statuses that change without anyone on this page acting. */
const LIVE = new Set(['RUNNING', 'PENDING_REDRIVE']);
const EVERY_MS = 2000;

export function LiveStatus({ status }: { status: string }) {
  const router = useRouter();
  const [seen, setSeen] = useState(status);
  const [announcement, setAnnouncement] = useState('');
  if (seen !== status) {
    setSeen(status);
    setAnnouncement(`Status changed to ${executionStatusWord(status)}.`);
  }
  const live = LIVE.has(status);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (!document.hidden) router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [live, router]);
  return (
    <div className="text-xs text-slate-600">
      {live && <p>This page updates by itself every 2 seconds while the execution runs.</p>}
      <p aria-live="polite" role="status">
        {announcement}
      </p>
    </div>
  );
}
