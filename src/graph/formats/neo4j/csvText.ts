/**
 * CSV text for neo4j-admin
 * ========================
 *
 * Quoting as RFC 4180 and as `neo4j-admin database import` reads it (Operations
 * Manual, "Full import", option `--quote`: `"` by default, a literal `"` inside
 * a quoted field doubled, never escaped with `\`): a field is quoted when it
 * holds the delimiter `,`, a `"`, a CR or LF, or starts or ends with white
 * space. Two differences from csvCodec.ts, on purpose:
 *
 *  - no formula-injection `'`: these files are read by neo4j-admin, not a
 *    spreadsheet, and the `'` would end up inside the stored values;
 *  - rows end with LF, not CRLF: neo4j's CSV reader ends a line at either, and
 *    the manual's examples use LF.
 *
 * An unquoted empty field is no property (null); a present empty string is
 * written `""`.
 *
 * Arrays (`name:string[]`) are one field whose elements are separated by the
 * array delimiter — `;` by default (Operations Manual, "Import header format",
 * "Property data types": "By default, array values are separated by `;`") —
 * and neo4j-admin has no way to escape it inside an element. Evidence
 * sentences often contain `;`, so `chooseArrayDelimiter` takes the first of
 * ARRAY_DELIMITERS that no element contains, and the printed import command
 * passes it with `--array-delimiter` when it is not `;`.
 */

/** Candidates, in order of preference: the default, then characters news text does not use (unit/record separators, private use). */
export const ARRAY_DELIMITERS: readonly string[] = [';', '|', '\u001F', '\u001E', '\u001D', '\u001C', ...Array.from({ length: 64 }, (_, i) => String.fromCharCode(0xe000 + i))];

/** The first candidate that no element contains; undefined if every one is used (a file of private-use characters). */
export function chooseArrayDelimiter(elements: Iterable<string>): string | undefined {
  const free = new Set(ARRAY_DELIMITERS);
  for (const element of elements) {
    for (const candidate of free) if (element.includes(candidate)) free.delete(candidate);
    if (free.size === 0) return undefined;
  }
  return ARRAY_DELIMITERS.find((c) => free.has(c));
}

/** How neo4j-admin's `--array-delimiter` is written for `delimiter`: as itself if printable ASCII, else `U+XXXX` (the manual's Unicode form). */
export function arrayDelimiterOption(delimiter: string): string {
  return /^[!-~]$/.test(delimiter) ? delimiter : `U+${delimiter.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const LINE_BREAK = /[\r\n]/;
/** A `\"` that neo4j-admin would read as an escaped quote with `--legacy-style-quoting=true` (the default before Neo4j 5). */
const BACKSLASH_QUOTE = /\\"/;

/** A field's CSV text; `null` is an empty, unquoted field (no property). */
export function csvField(value: string | null): string {
  if (value === null) return '';
  if (value === '' || NEEDS_QUOTES.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Builds one file's text in parts of `rowsPerPart` rows, and notes whether any field spans lines (needs `--multiline-fields=true`). */
export class CsvFileBuilder {
  readonly parts: string[] = [];
  rows = 0;
  multiline = false;
  /** Some field holds `\"`: the import command then says `--legacy-style-quoting=false`. */
  backslashQuote = false;
  private pending: string[] = [];

  constructor(
    readonly name: string,
    header: readonly string[],
    private readonly rowsPerPart = 1000,
  ) {
    this.pending.push(header.map(csvField).join(',') + '\n');
  }

  /** Adds a data row (the header is not counted in `rows`). */
  add(fields: readonly (string | null)[]): void {
    for (const field of fields) {
      if (field === null) continue;
      if (LINE_BREAK.test(field)) this.multiline = true;
      if (BACKSLASH_QUOTE.test(field)) this.backslashQuote = true;
    }
    this.pending.push(fields.map(csvField).join(',') + '\n');
    this.rows++;
    if (this.pending.length >= this.rowsPerPart) this.flush();
  }

  /** The finished parts. */
  finish(): readonly string[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(this.pending.join(''));
    this.pending = [];
  }
}
