/**
 * Where is the JSON broken?
 * =========================
 *
 * `JSON.parse` says *that* a file is not JSON, but on Node 20 often not where
 * ("Unexpected token '}', …is not valid JSON") and never why in words a
 * curator knows (trailing comma, comment, single quotes, truncated file). This
 * scanner runs only after `JSON.parse` has failed, walks the text once with an
 * explicit stack (no recursion, so nesting depth cannot overflow it) and
 * returns the first offset that breaks the grammar of RFC 8259, with the
 * reason and the fix.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset into the text. */
  offset: number;
  reason: string;
  fix: string;
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and column of `offset`; CRLF counts as one line break, columns count UTF-16 code units as editors do. */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

type Expect = 'value' | 'first-value-or-end' | 'key' | 'first-key-or-end' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function where(text: string, offset: number): string {
  const { line, column } = lineColumnAt(text, offset);
  return `line ${line}, column ${column}`;
}

function describeChar(ch: string): string {
  if (ch === '\u00a0') return 'a non-breaking space';
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x2000 && code <= 0x206f) || code === 0xfeff) {
    return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return JSON.stringify(ch);
}

/** The first syntax error in `text`, or undefined if it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<{ kind: '{' | '['; offset: number }> = [];
  let expect: Expect = 'value';
  let lastComma = -1;
  let i = 0;
  const n = text.length;
  const fail = (offset: number, reason: string, fix: string): JsonSyntaxError => ({ offset, reason, fix });

  for (;;) {
    // White space, and comments (not JSON, but common in hand-edited files).
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i < n && text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail(i, 'comments are not allowed in JSON', 'delete the comment (or move the remark into an "attributes" value)');
    }
    if (i >= n) {
      if (expect === 'after-value' && stack.length === 0) return undefined;
      if (stack.length === 0 && expect === 'value') {
        return fail(i, 'there is no JSON value in the text', 'the file should hold one JSON object: { "version": 1, … }');
      }
      const open = stack[stack.length - 1];
      return fail(
        i,
        `the text ends before the JSON is complete (${stack.length} unclosed ${stack.length === 1 ? 'bracket' : 'brackets'}${open ? `, the last "${open.kind}" opened at ${where(text, open.offset)}` : ''}): the file looks truncated`,
        'save or download the file again in full; a complete dataset ends with "}"',
      );
    }
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'first-value-or-end':
      case 'value': {
        if (expect === 'first-value-or-end' && ch === ']') {
          stack.pop();
          i++;
          expect = 'after-value';
          break;
        }
        if (ch === ']' || ch === '}') {
          return lastComma >= 0 && expect === 'value' && stack.length > 0
            ? fail(lastComma, `trailing comma before "${ch}"`, 'delete the comma after the last item (JSON allows no trailing commas)')
            : fail(i, `unexpected "${ch}" where a value should be`, 'put a value here, or delete the bracket');
        }
        if (ch === '{') {
          stack.push({ kind: '{', offset: i });
          i++;
          expect = 'first-key-or-end';
          break;
        }
        if (ch === '[') {
          stack.push({ kind: '[', offset: i });
          i++;
          expect = 'first-value-or-end';
          break;
        }
        if (ch === '"') {
          const error = scanString(text, i);
          if (typeof error !== 'number') return error;
          i = error;
          expect = 'after-value';
          break;
        }
        if (ch === '-' || (ch >= '0' && ch <= '9')) {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          const endOfNumber = match ? i + match[0].length : i;
          if (!match || /[0-9.eE+\-]/.test(text[endOfNumber] ?? '')) {
            return fail(i, 'malformed number', 'write numbers as JSON does: no leading zeros, no "+", digits on both sides of "." (offsets are whole numbers like 42)');
          }
          i = endOfNumber;
          expect = 'after-value';
          break;
        }
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal) {
          i += literal.length;
          expect = 'after-value';
          break;
        }
        if (ch === "'") return fail(i, 'strings must be in double quotes, not single quotes', 'replace the single quotes around the string with double quotes');
        if (/^(NaN|-?Infinity|undefined)/.test(text.slice(i, i + 9))) {
          return fail(i, 'NaN, Infinity and undefined are not JSON values', 'use a number, or null');
        }
        return fail(i, `unexpected ${describeChar(ch)} where a value should start`, 'a value is a "string", a number, true, false, null, an object {…} or an array […]');
      }
      case 'first-key-or-end':
      case 'key': {
        if (ch === '}' && expect === 'first-key-or-end') {
          stack.pop();
          i++;
          expect = 'after-value';
          break;
        }
        if (ch === '}') return fail(lastComma, 'trailing comma before "}"', 'delete the comma after the last field (JSON allows no trailing commas)');
        if (ch === '"') {
          const error = scanString(text, i);
          if (typeof error !== 'number') return error;
          i = error;
          expect = 'colon';
          break;
        }
        if (ch === "'") return fail(i, 'field names must be in double quotes, not single quotes', 'replace the single quotes around the field name with double quotes');
        if (/[A-Za-z_$]/.test(ch)) return fail(i, 'field names must be in double quotes', `write the field name as "${/^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0] ?? ch}"`);
        return fail(i, `unexpected ${describeChar(ch)} where a field name should be`, 'each field is "name": value, separated by commas');
      }
      case 'colon': {
        if (ch !== ':') return fail(i, `expected ":" after the field name, found ${describeChar(ch)}`, 'write each field as "name": value');
        lastComma = -1;
        i++;
        expect = 'value';
        break;
      }
      case 'after-value': {
        if (!top) {
          return fail(i, `unexpected text after the end of the JSON value (${describeChar(ch)})`, 'a dataset file holds exactly one JSON object: delete what follows its closing "}" (two datasets must be merged into one, or kept in two files)');
        }
        if (ch === ',') {
          lastComma = i;
          i++;
          expect = top.kind === '{' ? 'key' : 'value';
          break;
        }
        if ((ch === '}' && top.kind === '{') || (ch === ']' && top.kind === '[')) {
          stack.pop();
          i++;
          expect = 'after-value';
          break;
        }
        if (ch === '}' || ch === ']') {
          return fail(i, `"${ch}" does not match the "${top.kind}" opened at ${where(text, top.offset)}`, `close the ${top.kind === '{' ? 'object with "}"' : 'array with "]"'} first`);
        }
        const closer = top.kind === '{' ? '}' : ']';
        return fail(i, `expected "," or "${closer}" after a ${top.kind === '{' ? 'field value' : 'list item'}, found ${describeChar(ch)}`, `a comma is probably missing before this point`);
      }
    }
  }
}

/** Scans the string starting at the quote at `start`; returns the offset after its closing quote, or the error. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, reason: 'a "\\u" escape needs four hex digits', fix: 'write the character as \\u followed by 4 hex digits (\\u00e9), or type it directly' };
        }
        i += 6;
        continue;
      }
      if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i += 2;
        continue;
      }
      if (next === undefined) break;
      return { offset: i, reason: `invalid escape "\\${next}" in a string`, fix: 'the escapes JSON knows are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX: write a backslash as \\\\' };
    }
    if (c < 0x20) {
      return {
        offset: i,
        reason: c === 10 || c === 13 ? 'a line break inside a string' : 'a raw control character inside a string',
        fix: c === 10 || c === 13 ? 'write line breaks inside strings as \\n (and \\r), or close the string: a quote may be missing' : 'escape the character as \\uXXXX',
      };
    }
    i++;
  }
  return {
    offset: start,
    reason: 'a string starts here but never ends: the file looks truncated or a closing quote is missing',
    fix: 'add the closing double quote, or save the file again in full',
  };
}
