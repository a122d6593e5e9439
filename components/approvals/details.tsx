/**
 * A request's Details for people, on the task page and the email-link page alike (the mail draws
 * the same model, lib/mail/templates/details.ts): labelled fields, nested objects as labelled
 * sections, arrays of objects as tables, arrays of scalars as lists, long text folded (a native
 * <details>, no script), numbers and dates in the viewer's locale. React escapes every value.
 */
import {
  detailsModel,
  elidedText,
  LONG_TEXT_CHARS,
  moreText,
  type DetailField,
  type DetailNode,
} from '@/lib/approvals/details-model';
import { DetailValue } from './detail-value';

const isBlock = (node: DetailNode) =>
  node.kind === 'section' || node.kind === 'table' || node.kind === 'list';

function More({ count, noun }: { count: number; noun: string }) {
  if (count <= 0) return null;
  return <p className="mt-1 text-xs text-slate-600">{moreText(count, noun)}</p>;
}

function LongText({ text }: { text: string }) {
  return (
    <div className="group/fold">
      <p className="whitespace-pre-wrap group-has-[details[open]]/fold:hidden">
        {text.slice(0, LONG_TEXT_CHARS).trimEnd()}…
      </p>
      <details className="group/more">
        <summary className="cursor-pointer text-sm font-medium text-blue-700 hover:underline">
          <span className="group-open/more:hidden">
            Show all {text.length.toLocaleString('en')} characters
          </span>
          <span className="hidden group-open/more:inline">Show less</span>
        </summary>
        <p className="mt-1 whitespace-pre-wrap">{text}</p>
      </details>
    </div>
  );
}

function Table({ node, label }: { node: Extract<DetailNode, { kind: 'table' }>; label: string }) {
  return (
    <div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              {node.columns.map((c) => (
                <th key={c.key} scope="col" className="px-2 py-1.5 font-semibold">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {node.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={node.columns[c].key} className="px-2 py-1.5 align-top break-words">
                    <Value node={cell} label={node.columns[c].label} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More count={node.moreColumns} noun="column" />
      <More count={node.more} noun="row" />
    </div>
  );
}

function Value({ node, label }: { node: DetailNode; label: string }) {
  switch (node.kind) {
    case 'empty':
      return <span className="text-slate-500">—</span>;
    case 'text':
      return node.long ? (
        <LongText text={node.text} />
      ) : (
        <span className="whitespace-pre-wrap">{node.text}</span>
      );
    case 'boolean':
      return <>{node.value ? 'Yes' : 'No'}</>;
    case 'number':
      return <DetailValue kind="number" value={node.value} plain={node.plain} />;
    case 'date':
      return <DetailValue kind="date" iso={node.iso} dateOnly={node.dateOnly} />;
    case 'elided':
      return <span className="text-slate-600 italic">{elidedText(node)}</span>;
    case 'list':
      return (
        <>
          <ul aria-label={label} className="list-disc space-y-0.5 pl-5">
            {node.items.map((item, i) => (
              <li key={i}>
                <Value node={item} label={label} />
              </li>
            ))}
          </ul>
          <More count={node.more} noun="item" />
        </>
      );
    case 'table':
      return <Table node={node} label={label} />;
    case 'section':
      return (
        <div className="border-l-2 border-slate-200 pl-3">
          <Fields fields={node.fields} more={node.more} />
        </div>
      );
  }
}

function Fields({ fields, more }: { fields: DetailField[]; more: number }) {
  return (
    <>
      <dl className="divide-y divide-slate-100">
        {fields.map((field) => (
          <div
            key={field.key}
            className={
              isBlock(field.value)
                ? 'space-y-1 py-2'
                : 'py-2 sm:grid sm:grid-cols-[minmax(7rem,2fr)_5fr] sm:gap-4'
            }
          >
            <dt className="font-medium break-words text-slate-600">{field.label}</dt>
            <dd className="min-w-0 break-words text-slate-900">
              <Value node={field.value} label={field.label} />
            </dd>
          </div>
        ))}
      </dl>
      <More count={more} noun="field" />
    </>
  );
}

/** The details of a request, or nothing when it has none. */
export function Details({ details }: { details: unknown }) {
  const model = detailsModel(details);
  if (model.fields.length === 0) return null;
  return (
    <section
      aria-label="Details"
      className="rounded-lg border border-slate-200 bg-white px-3 text-sm sm:px-4"
    >
      <Fields fields={model.fields} more={model.more} />
    </section>
  );
}
