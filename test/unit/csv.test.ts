import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/domain/csv.ts';

describe('CSV lines as spreadsheets read them', () => {
  it('plain cells as they are, CRLF at the end, empty for null', () => {
    expect(csvLine(['seat.assigned', 3, null, 'ana@example.com'])).toBe(
      'seat.assigned,3,,ana@example.com\r\n',
    );
  });
  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
  it('a text cell that starts like a formula is kept as text; numbers stay numbers', () => {
    expect(csvLine(['=1+1', '+33 6', '-x', '@SUM(A1)', '\tx', -250])).toBe(
      "'=1+1,'+33 6,'-x,'@SUM(A1),'\tx,-250\r\n",
    );
  });
});
