import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter, writeCsv } from '../../../src/graph/formats/csvCodec.ts';

describe('CSV codec (RFC 4180)', () => {
  it('quotes exactly the fields that need it and ends every row with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 'cr\r', ' spaced ', '']])).toBe('a,"b,c","say ""hi""","two\nlines","cr\r", spaced ,\r\n');
  });

  it('reads back what it writes, for any fields (property)', () => {
    const row = fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        // A row of one empty field is a blank line, which readers skip: not a row a triple file can have.
        const written = writeCsv(rows);
        expect(parseCsv(written, 'p.csv', ',').map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers rows by the line they start on, across quoted line breaks, LF or CRLF', () => {
    const rows = parseCsv('h1,h2\r\n"a\r\nb",c\r\n\r\nd,e', 'x.csv');
    expect(rows).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb', 'c'] },
      { line: 5, fields: ['d', 'e'] },
    ]);
  });

  it('strips a byte-order mark and keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('\uFEFFsource,note\nA,he said "no"\n', 'x.csv').map((r) => r.fields)).toEqual([
      ['source', 'note'],
      ['A', 'he said "no"'],
    ]);
  });

  it('sniffs the separator from the header line, ignoring quoted ones', () => {
    expect(sniffDelimiter('a,b\n1;2')).toBe(',');
    expect(sniffDelimiter('a;b;"c,d"\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('single\n')).toBe(',');
  });

  it('refuses text after a closing quote, at its line and column', () => {
    expect(() => parseCsv('a,b\n"x"y,z\n', 'x.csv')).toThrow('x.csv: line 2, column 4: text "y,z\\n" follows a closing quote in the same field');
  });
});
