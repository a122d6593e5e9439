/** CSV text for spreadsheets: RFC 4180 quoting, CRLF line ends, and no cell a spreadsheet would run as a formula. */

/** One cell: quoted when it holds a quote, comma or line break; a leading = + - @ (or tab, CR) gets a ' first. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header and the rows, each line ended by CRLF. */
export function csvText(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return [header.map(csvCell), ...rows.map((row) => row.map(csvCell))]
    .map((cells) => `${cells.join(',')}\r\n`)
    .join('');
}
