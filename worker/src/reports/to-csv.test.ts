import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv.js';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends, quoting commas, quotes and line breaks', () => {
    expect(
      toCsv(
        ['customer', 'hours'],
        [
          ['Acme, Inc.', 1.5],
          ['Say "hi"', 2],
          ['two\nlines', null],
        ],
      ),
    ).toBe('customer,hours\r\n"Acme, Inc.",1.5\r\n"Say ""hi""",2\r\n"two\nlines",\r\n');
  });

  it('keeps text a spreadsheet would run as a formula as text, and negative numbers as numbers', () => {
    expect(
      toCsv(
        ['customer', 'seconds'],
        [
          ['=HYPERLINK("x")', -900],
          ['@sum', 1],
          ['+1', 2],
        ],
      ),
    ).toBe('customer,seconds\r\n"\'=HYPERLINK(""x"")",-900\r\n\'@sum,1\r\n\'+1,2\r\n');
  });
});
