'use client';
/** The new key's id and secret, shown this once with Copy buttons, and how to use them. */
import { useEffect, useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { NewApiKey } from './actions';

function CopyField({
  id,
  label,
  value,
  copyLabel,
}: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        {/* a textarea, so a phone shows the whole value, wrapped */}
        <textarea
          id={id}
          readOnly
          rows={1}
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="field-sizing-content min-w-0 flex-1 resize-none rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm break-all"
        />
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

export function NewKeyPanel({ created }: { created: NewApiKey }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { id, secret } = created;
  return (
    <section
      aria-labelledby="new-key-heading"
      className="space-y-4 rounded-lg border border-green-300 bg-green-50 p-4"
    >
      <h3 id="new-key-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-green-900">
        API key “{created.name}” created
      </h3>
      <p className="text-sm font-medium text-slate-900">
        Copy the secret now: it will not be shown again. Signoff keeps only a hash of it; if it is lost,
        revoke the key and create another.
      </p>
      <CopyField id="new-key-id" label="Key id (access key id)" value={id} copyLabel="Copy key id" />
      <CopyField
        id="new-key-secret"
        label="Secret (secret access key)"
        value={secret}
        copyLabel="Copy secret"
      />
      <div className="space-y-2 text-sm text-slate-800">
        <p>
          <strong>REST</strong> (<code>/api/v1</code>): send the header
        </p>
        <pre className="rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-white">
          {`Authorization: Bearer ${id}.${secret}`}
        </pre>
        <p>
          <strong>AWS SDK and CLI</strong> (Step Functions protocol at <code>/api/sfn</code>, SigV4):
        </p>
        <pre className="rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-white">
          {`export AWS_ACCESS_KEY_ID=${id}\nexport AWS_SECRET_ACCESS_KEY=${secret}\nexport AWS_DEFAULT_REGION=us-east-1`}
        </pre>
      </div>
    </section>
  );
}
