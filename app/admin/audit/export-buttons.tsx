'use client';
/**
 * Export CSV / Export JSON: asks the server for every entry the current filters match and hands
 * the text to the browser as a downloaded file (a Blob URL clicked through an <a download>).
 */
import { Download } from 'lucide-react';
import { useState, useTransition } from 'react';
import { exportAuditFile, type AuditFile } from './actions';
import type { AuditFilterValues } from './audit-query';

export const toolButtonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100 focus-visible:outline-2 disabled:opacity-60';

function download({ filename, type, text }: AuditFile) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ filters }: { filters: AuditFilterValues }) {
  const [busy, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  function exportAs(format: 'csv' | 'json') {
    startTransition(async () => {
      const form = new FormData();
      for (const [field, value] of Object.entries(filters)) if (value) form.set(field, value);
      form.set('format', format);
      const result = await exportAuditFile(null, form);
      if (!result.ok) return setMessage({ error: true, text: result.message });
      download(result.data);
      setMessage({ error: false, text: `Downloaded ${result.data.filename}.` });
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {(['csv', 'json'] as const).map((format) => (
        <button
          key={format}
          type="button"
          disabled={busy}
          onClick={() => exportAs(format)}
          className={toolButtonClass}
        >
          <Download aria-hidden className="size-4" />
          Export {format.toUpperCase()}
        </button>
      ))}
      <p role="status" className={`text-sm ${message?.error ? 'text-red-700' : 'text-slate-700'}`}>
        {busy ? 'Preparing the export…' : message?.text}
      </p>
    </div>
  );
}
