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
 * then ambiguous. Reading is linear in the file's size whatever its shape
 * (fields are sliced, never built a character at a time).
 *
 * Formula injection (OWASP "CSV Injection")
 * -----------------------------------------
 * A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-`,
 * `@`, a tab or a CR — also after leading white space or quote marks. So the
 * writer puts a `'` in front of every field matching
 *
 *     ^[\s"']*[=+\-@\t\r]          (FORMULA_TRIGGER)
 *
 * and always quotes that field. Spreadsheets show such a cell as text. The
 * reader removes exactly that `'` again: from a *quoted* field that starts
 * with `'` and whose rest matches FORMULA_TRIGGER. Because `'` is itself in
 * the leading class, a field that starts with `'` and whose rest matches
 * also matches, so it was escaped when written: the reader never removes a
 * `'` the writer did not add, and export → import is the identity for every
 * string (a genuine `'=x` is written `"''=x"` and read back as `'=x`).
 * Negative numbers (`-3`) are escaped too: newsgraph's CSV columns are all
 * text (names, ids, types, true/false flags, sentences), so nothing numeric
 * is lost.
 */

import { parseFailure } from './errors.ts';
import { stripBom } from './jsonText.ts';

export interface CsvRow {
  /** 1-based line where the row starts (a quoted field may make a row span several lines). */
  line: number;
  fields: string[];
}

/** A field a spreadsheet would evaluate as a formula (see the comment at the top). */
export const FORMULA_TRIGGER = /^[\s"']*[=+\-@\t\r]/;
/** A field our writer escaped: `'` followed by a FORMULA_TRIGGER field. */
const ESCAPED_FORMULA = /^'[\s"']*[=+\-@\t\r]/;

/** The field with a `'` in front if a spreadsheet would run it as a formula (always quoted by `quoteField`). */
export function escapeFormula(field: string): string {
  return FORMULA_TRIGGER.test(field) ? `'${field}` : field;
}

/** The inverse of `escapeFormula`, for quoted fields: takes off exactly the `'` the writer added. */
export function unescapeFormula(field: string): string {
  return ESCAPED_FORMULA.test(field) ? field.slice(1) : field;
}

function quoteField(field: string, delimiter: string): string {
  const escaped = escapeFormula(field);
  // A leading U+FEFF in the file's first field would be taken for a byte-order mark: quoting keeps it.
  const quote = escaped !== field || field.includes(delimiter) || /["\r\n]/.test(field) || field.charCodeAt(0) === 0xfeff;
  return quote ? `"${escaped.replace(/"/g, '""')}"` : field;
}

/** RFC 4180 text of `rows`, formulas neutralised, every row ended by CRLF (so the texts of consecutive row chunks concatenate). */
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

/** Line ends (LF, or CR not followed by LF) in `text`: one cheap pass, an upper bound on the rows. */
export function countLineEnds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  if (count === 0) for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) count++;
  return count;
}

/**
 * The number of rows `parseCsv` would return, without building them (blank
 * lines are no rows; line breaks inside quoted fields do not end one).
 * Stops counting past `stopAfter`.
 */
export function countCsvRows(content: string, delimiter: string, stopAfter = Infinity): number {
  const text = stripBom(content);
  const sep = delimiter.charCodeAt(0);
  let rows = 0;
  let inQuotes = false;
  let fieldStart = true;
  let hasContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 10 || c === 13) {
      if (hasContent && ++rows > stopAfter) return rows;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      hasContent = false;
      fieldStart = true;
    } else if (c === sep) {
      hasContent = true;
      fieldStart = true;
    } else {
      if (c === 34 && fieldStart) inQuotes = true;
      hasContent = true;
      fieldStart = false;
    }
  }
  if (hasContent || inQuotes) rows++;
  return rows;
}

export function parseCsv(content: string, file: string, delimiter?: string): CsvRow[] {
  const text = stripBom(content);
  const sep = delimiter ?? sniffDelimiter(text);
  const sepCode = sep.charCodeAt(0);
  const n = text.length;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let line = 1;
  let lineStart = 0;
  let rowLine = 1;
  let i = 0;
  if (n === 0) return rows;

  for (;;) {
    // One field, starting at i.
    let field: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted field: runs to the next quote not doubled.
      const startLine = line;
      const startColumn = i - lineStart + 1;
      const pieces: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          throw parseFailure(file, {
            code: 'invalid-value',
            path: '',
            line: startLine,
            column: startColumn,
            message: 'a quoted field is never closed (the file ends inside it)',
            fix: 'add the closing " at the end of the field, and double every " inside it ("")',
          });
        }
        for (let k = j; k < q; k++) {
          if (text.charCodeAt(k) === 10) {
            line++;
            lineStart = k + 1;
          }
        }
        if (q > j) pieces.push(text.slice(j, q));
        if (text.charCodeAt(q + 1) === 34) {
          pieces.push('"');
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = j;
      field = unescapeFormula(pieces.length === 1 ? pieces[0]! : pieces.join(''));
      const next = text.charCodeAt(i);
      if (i < n && next !== sepCode && next !== 13 && next !== 10) {
        throw parseFailure(file, {
          code: 'invalid-value',
          path: '',
          line,
          column: i - lineStart + 1,
          message: `text ${JSON.stringify(text.slice(i, i + 20))} follows a closing quote in the same field`,
          fix: 'put the whole field inside the quotes and double any " within it ("")',
        });
      }
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sepCode || c === 13 || c === 10) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    fields.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sepCode) {
      i++;
      continue;
    }
    // A line end: the row is complete. A line with nothing on it is no row (spreadsheets add one at the end).
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    lineStart = i;
    rowLine = line;
    if (i >= n) return rows;
  }
  if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
  return rows;
}
