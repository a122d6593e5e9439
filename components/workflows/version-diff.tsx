/** Two versions' definitions side by side as one unified line diff (indented JSON, so key order and spacing don't count). */
import { diffLines } from 'diff';

function indented(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}

export function VersionDiff({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}) {
  const parts = diffLines(indented(from), indented(to));
  const added = parts.filter((p) => p.added).reduce((n, p) => n + (p.count ?? 0), 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + (p.count ?? 0), 0);
  const rows = parts.flatMap((part) =>
    part.value
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => ({ line, kind: part.added ? 'added' : part.removed ? 'removed' : 'same' })),
  );
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-700">
        {fromLabel} → {toLabel}:{' '}
        <span className="text-green-700">
          {added} line{added === 1 ? '' : 's'} added
        </span>
        , <span className="text-red-700">{removed} removed</span>
        {added + removed === 0 && ' (the same definition)'}
      </figcaption>
      <pre className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white py-2 font-mono text-xs">
        {rows.map((row, i) => (
          <div
            key={i}
            className={
              row.kind === 'added'
                ? 'bg-green-50 px-3 text-green-900'
                : row.kind === 'removed'
                  ? 'bg-red-50 px-3 text-red-900'
                  : 'px-3 text-slate-700'
            }
          >
            <span aria-hidden className="mr-2 inline-block w-3 select-none">
              {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' '}
            </span>
            <span className="sr-only">
              {row.kind === 'added' ? 'added: ' : row.kind === 'removed' ? 'removed: ' : ''}
            </span>
            {row.line}
          </div>
        ))}
      </pre>
    </figure>
  );
}
