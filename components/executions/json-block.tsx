/**
 * A JSON payload, indented, as text in a <pre> (never as markup). A long one folds into a
 * closed <details> that says how long it is; a huge one is cut (the API returns it whole).
 */
const FOLD_LINES = 16;
const FOLD_CHARS = 1500;
const MAX_CHARS = 100_000;

/** Indented JSON from JSON text (kept as it is when it does not parse) or from a value. */
export function prettyJson(source: { text: string } | { value: unknown }): string {
  if ('value' in source) return JSON.stringify(source.value, null, 2) ?? 'undefined';
  try {
    return JSON.stringify(JSON.parse(source.text), null, 2);
  } catch {
    return source.text;
  }
}

/** `fold`: 'auto' folds long payloads only, 'always' folds every one (lists of many). */
interface JsonBlockProps {
  label: string;
  json: string;
  /** 'auto' folds long payloads only, 'always' folds every one (lists of many) */
  fold?: 'auto' | 'always';
  /** characters shown at most; the rest is cut with a note */
  maxChars?: number;
}

export function JsonBlock({ label, json, fold = 'auto', maxChars = MAX_CHARS }: JsonBlockProps) {
  const clipped =
    json.length > maxChars
      ? `${json.slice(0, maxChars)}\n… (cut after ${maxChars} of ${json.length} characters)`
      : json;
  const lines = json.split('\n').length;
  const pre = (
    <pre
      tabIndex={0}
      className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs break-words whitespace-pre-wrap text-slate-800"
    >
      {clipped}
    </pre>
  );
  if (fold === 'auto' && lines <= FOLD_LINES && json.length <= FOLD_CHARS)
    return (
      <div className="min-w-0 space-y-1">
        <h3 className="text-sm font-medium text-slate-800">{label}</h3>
        {pre}
      </div>
    );
  return (
    <details className="min-w-0 space-y-1">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">
        {label}{' '}
        <span className="font-normal text-slate-600">
          ({lines} {lines === 1 ? 'line' : 'lines'})
        </span>
      </summary>
      {pre}
    </details>
  );
}
