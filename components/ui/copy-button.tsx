'use client';
/** Copies a value to the clipboard and says so; where the clipboard is unavailable (plain HTTP), says to copy by hand. */
import { useState } from 'react';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100"
      >
        {label}
      </button>
      <span aria-live="polite" className="text-xs text-slate-700">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Cannot copy here: select it and copy' : ''}
      </span>
    </span>
  );
}
