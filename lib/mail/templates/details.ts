/**
 * A task's Details in the approval mail: the same display model as the pages
 * (lib/approvals/details-model.ts), as escaped HTML tables and sections and as plain text.
 * Mail has no viewer's locale: numbers and dates are written en-GB, date-times in UTC. Long
 * text cannot fold in mail, so it is cut with a pointer to the request page.
 */
import {
  detailsModel,
  elidedText,
  formatDetailDate,
  formatDetailNumber,
  moreText,
  type DetailField,
  type DetailFormat,
  type DetailNode,
} from '../../approvals/details-model';
import { escapeHtml } from './html';

const MAIL_FORMAT: DetailFormat = { locale: 'en-GB', timeZone: 'UTC' };
/** Text longer than this is cut in mail; the page shows it whole. */
const MAIL_TEXT_CHARS = 1000;

const LABEL_STYLE = 'padding:4px 12px 4px 0;color:#475569;font-weight:600;vertical-align:top;text-align:left';
const CELL_STYLE = 'padding:4px 8px;border:1px solid #e2e8f0;vertical-align:top;text-align:left';

function cut(text: string): string {
  return text.length > MAIL_TEXT_CHARS
    ? `${text.slice(0, MAIL_TEXT_CHARS)}… (the rest is on the request page)`
    : text;
}

/** A scalar node in words; null for lists, tables and sections. */
function scalarText(node: DetailNode): string | null {
  switch (node.kind) {
    case 'empty':
      return '—';
    case 'text':
      return cut(node.text);
    case 'number':
      return formatDetailNumber(node.value, node.plain, MAIL_FORMAT);
    case 'boolean':
      return node.value ? 'Yes' : 'No';
    case 'date':
      return formatDetailDate(node.iso, node.dateOnly, MAIL_FORMAT);
    case 'elided':
      return elidedText(node);
    default:
      return null;
  }
}

const moreHtml = (count: number, noun: string) =>
  count > 0
    ? `<p style="margin:4px 0;color:#64748b;font-size:13px">${escapeHtml(moreText(count, noun))}</p>`
    : '';

function fieldsHtml(fields: DetailField[], more: number): string {
  const rows = fields
    .map(
      (f) =>
        `<tr><th scope="row" style="${LABEL_STYLE}">${escapeHtml(f.label)}</th><td style="padding:4px 0;vertical-align:top">${nodeHtml(f.value)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;font-size:14px">${rows}</table>${moreHtml(more, 'field')}`;
}

function nodeHtml(node: DetailNode): string {
  const scalar = scalarText(node);
  if (scalar !== null) return `<span style="white-space:pre-wrap">${escapeHtml(scalar)}</span>`;
  if (node.kind === 'section') return fieldsHtml(node.fields, node.more);
  if (node.kind === 'list')
    return `<ul style="margin:0;padding-left:20px">${node.items.map((item) => `<li>${nodeHtml(item)}</li>`).join('')}</ul>${moreHtml(node.more, 'item')}`;
  if (node.kind === 'table') {
    const head = node.columns.map(
      (c) => `<th style="${CELL_STYLE};background:#f8fafc">${escapeHtml(c.label)}</th>`,
    );
    const body = node.rows.map(
      (row) => `<tr>${row.map((cell) => `<td style="${CELL_STYLE}">${nodeHtml(cell)}</td>`).join('')}</tr>`,
    );
    return (
      `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>` +
      moreHtml(node.moreColumns, 'column') +
      moreHtml(node.more, 'row')
    );
  }
  return '';
}

/** The details as HTML for the mail body ('' when there are none). Every value is escaped. */
export function detailsMailHtml(details: unknown): string {
  const model = detailsModel(details);
  if (model.fields.length === 0) return '';
  return `<div style="margin:12px 0">${fieldsHtml(model.fields, model.more)}</div>`;
}

/** A nested value on one line (a table cell in text). */
function inlineText(node: DetailNode): string {
  const scalar = scalarText(node);
  if (scalar !== null) return scalar.replace(/\s*\n\s*/g, ' ');
  if (node.kind === 'list') return node.items.map(inlineText).join(', ');
  if (node.kind === 'section') return node.fields.map((f) => `${f.label}: ${inlineText(f.value)}`).join(', ');
  if (node.kind === 'table') return `${node.rows.length + node.more} rows`;
  return '';
}

function nodeLines(label: string, node: DetailNode, indent: string): string[] {
  const scalar = scalarText(node);
  if (scalar !== null) return [`${indent}${label}: ${scalar.replace(/\n/g, `\n${indent}  `)}`];
  const inner = `${indent}  `;
  const more = (count: number, noun: string) => (count > 0 ? [`${inner}${moreText(count, noun)}`] : []);
  if (node.kind === 'section')
    return [
      `${indent}${label}:`,
      ...node.fields.flatMap((f) => nodeLines(f.label, f.value, inner)),
      ...more(node.more, 'field'),
    ];
  if (node.kind === 'list')
    return [
      `${indent}${label}:`,
      ...node.items.map((item) => `${inner}- ${inlineText(item)}`),
      ...more(node.more, 'item'),
    ];
  if (node.kind === 'table')
    return [
      `${indent}${label}:`,
      ...node.rows.map(
        (row, i) =>
          `${inner}${i + 1}. ${row
            .flatMap((cell, c) =>
              cell.kind === 'empty' ? [] : [`${node.columns[c].label}: ${inlineText(cell)}`],
            )
            .join('; ')}`,
      ),
      ...more(node.more, 'row'),
    ];
  return [];
}

/** The details as indented plain text for the mail's text part ('' when there are none). */
export function detailsMailText(details: unknown): string {
  const model = detailsModel(details);
  return [
    ...model.fields.flatMap((f) => nodeLines(f.label, f.value, '  ')),
    ...(model.more > 0 ? [`  ${moreText(model.more, 'field')}`] : []),
  ].join('\n');
}
