// The one CSV writer for every export (Ngopi Bareng summaries, open data, the desk's queue):
// RFC 4180 lines (CRLF, every text cell quoted) with cells a spreadsheet would run as a
// formula defused. OWASP "CSV Injection": a cell starting with = + - @, tab or CR is read by
// Excel/LibreOffice as a formula (=HYPERLINK(…) leaks data, DDE runs programs), so such a text
// cell gets a leading apostrophe. A number is written bare: it is data, never a formula, and
// a latitude (-7.15) must stay a number for whoever loads the file.

export type CsvValue = string | number | null;

/** Makes Excel read the file as UTF-8 (desa names, Bahasa Indonesia text). */
export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
