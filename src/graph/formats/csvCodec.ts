/**
 * CSV (RFC 4180) reading and writing
 * ==================================
 *
 * Writing follows RFC 4180 exactly: CRLF line ends, a field quoted when it
 * holds a comma, a quote, CR or LF, quotes doubled inside.
 *
 * Reading takes what spreadsheets actually save: a UTF-8 BOM, LF or CRLF,
 * quoted fields spanning lines, and — for locales whose decimal mark is a
 * comma — `;` or tab as the separator, sniffed from the header line. A stray
 * quote inside an unquoted field is kept as text (hand-written files do
 * that); text after a closing quote is an error, since the field's end is
 * then ambiguous.
 */

import { parseFailure } from './errors.ts';
import { stripBom } from './jsonText.ts';

export interface CsvRow {
  /** 1-based line where the row starts (a quoted field may make a row span several lines). */
  line: number;
  fields: string[];
}

function quoteField(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function writeCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((row) => row.map((field) => quoteField(field, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** The separator the header line uses: `,` unless it has none and has `;` or a tab. */
export function sniffDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  if (counts.get(',')! > 0) return ',';
  if (counts.get(';')! > 0) return ';';
  if (counts.get('\t')! > 0) return '\t';
  return ',';
}

export function parseCsv(content: string, file: string, delimiter?: string): CsvRow[] {
  const text = stripBom(content);
  const sep = delimiter ?? sniffDelimiter(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let lineStart = 0;
  let rowLine = 1;
  let i = 0;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // A line with nothing on it is no row (spreadsheets add one at the end).
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !fieldStarted) {
      // Quoted field: runs to the next quote not doubled.
      const startLine = line;
      const startColumn = i - lineStart + 1;
      i++;
      for (;;) {
        if (i >= text.length) {
          throw parseFailure(file, {
            code: 'invalid-value',
            path: '',
            line: startLine,
            column: startColumn,
            message: 'a quoted field is never closed (the file ends inside it)',
            fix: 'add the closing " at the end of the field, and double every " inside it ("")',
          });
        }
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        field += c;
        i++;
      }
      fieldStarted = true;
      const next = text[i];
      if (next !== undefined && next !== sep && next !== '\r' && next !== '\n') {
        throw parseFailure(file, {
          code: 'invalid-value',
          path: '',
          line,
          column: i - lineStart + 1,
          message: `text ${JSON.stringify(text.slice(i, i + 20))} follows a closing quote in the same field`,
          fix: 'put the whole field inside the quotes and double any " within it ("")',
        });
      }
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      rowLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || fields.length > 0) endRow();
  return rows;
}
