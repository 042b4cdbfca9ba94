/**
 * A spreadsheet's reading of RFC 4180 CSV (quoted fields, doubled quotes, CRLF lines), for tests
 * that read an uploaded export back. Throws on a file that does not end its last line.
 */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('the CSV does not end with a line break');
  return rows;
};

/** The audit trail's rows as the export must list them: time, action, subject id. */
export const trailKeys = (events: { at: Date; action: string; subjectId: string }[]) =>
  events.map((e) => [e.at.toISOString(), e.action, e.subjectId]);

/** The same three columns of an export's rows (header dropped). */
export const csvKeys = (csv: string) =>
  parseCsv(csv)
    .slice(1)
    .map((r) => [r[0], r[3], r[5]]);
