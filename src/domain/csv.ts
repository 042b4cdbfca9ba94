/**
 * CSV as spreadsheets read it (RFC 4180: commas, CRLF, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled). A text cell that starts like a formula (= + - @, tab,
 * carriage return) gets a leading apostrophe, so an email or a name someone typed never runs in
 * the auditor's spreadsheet; numbers are written as numbers.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

const field = (c: CsvCell): string => {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const text = FORMULA_START.test(c) ? `'${c}` : c;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(field).join(',')}\r\n`;
