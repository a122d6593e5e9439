/**
 * The tables under the charts: the same numbers as links, for screen readers, keyboards and
 * anyone who wants the figures rather than the picture. Compact, and scrolling sideways at 390 px.
 */
import Link from 'next/link';

export function ViewAsTable({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="w-fit cursor-pointer rounded text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        {summary}
      </summary>
      <div className="mt-2 overflow-x-auto">{children}</div>
    </details>
  );
}

export function DataTable({
  caption,
  head,
  children,
  foot,
}: {
  caption: string;
  head: React.ReactNode[];
  children: React.ReactNode;
  foot?: React.ReactNode;
}) {
  return (
    <table className="w-full text-left text-xs tabular-nums">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-600">
        <tr className="border-b border-slate-200">
          {head.map((h, i) => (
            <th key={i} scope="col" className={`px-2 py-1.5 font-medium ${i > 0 ? 'text-right' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 text-slate-800">{children}</tbody>
      {foot ? <tfoot className="border-t border-slate-200 font-medium text-slate-900">{foot}</tfoot> : null}
    </table>
  );
}

/** A count that opens the list it counts; zero is plain text (an empty list is not worth a click). */
export function CountLink({ href, count, context }: { href: string; count: number; context: string }) {
  if (count === 0) return <span className="text-slate-500">0</span>;
  return (
    <Link href={href} className="text-blue-700 underline-offset-2 hover:underline">
      {count}
      <span className="sr-only"> {context}</span>
    </Link>
  );
}
