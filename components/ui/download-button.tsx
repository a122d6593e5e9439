'use client';
/**
 * A button that asks a server action for a file's text and hands it to the browser as a download
 * (a Blob URL clicked through an <a download>), saying what happened in a status line. The action
 * names the file; `fields` are sent to it as form fields.
 */
import { Download } from 'lucide-react';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

export interface DownloadFile {
  filename: string;
  /** the MIME type, e.g. `text/csv;charset=utf-8` */
  type: string;
  text: string;
}

type DownloadAction = (
  prev: ActionResult<DownloadFile> | null,
  formData: FormData,
) => Promise<ActionResult<DownloadFile>>;

export const toolButtonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100 focus-visible:outline-2 disabled:opacity-60';

function saveFile({ filename, type, text }: DownloadFile) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DownloadButton({
  action,
  fields = {},
  children,
}: {
  action: DownloadAction;
  fields?: Record<string, string | undefined>;
  /** the button's label, naming what it exports ("Export CSV") */
  children: React.ReactNode;
}) {
  const [busy, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  function download() {
    startTransition(async () => {
      const form = new FormData();
      for (const [field, value] of Object.entries(fields)) if (value) form.set(field, value);
      const result = await action(null, form);
      if (!result.ok) return setMessage({ error: true, text: result.message });
      saveFile(result.data);
      setMessage({ error: false, text: `Downloaded ${result.data.filename}.` });
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" disabled={busy} onClick={download} className={toolButtonClass}>
        <Download aria-hidden className="size-4" />
        {children}
      </button>
      <span role="status" className={`text-sm ${message?.error ? 'text-red-700' : 'text-slate-700'}`}>
        {busy ? 'Preparing the file…' : message?.text}
      </span>
    </span>
  );
}
