/**
 * XML plumbing for GEXF and GraphML
 * =================================
 *
 * Reading: @xmldom/xmldom in Node and in the browser alike (the graphology
 * parsers take its Document), after saxes has checked the text is
 * well-formed — xmldom on its own recovers from broken markup with a partial
 * tree, which would import half a file silently. Every complaint becomes a
 * DatasetParseError with the file, line and column.
 *
 * Writing: escaping for text and attribute values that survives a parser's
 * normalisation (CR, tab and newline in attributes, CR in text), and a check
 * for characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE,
 * U+FFFF, unpaired surrogates). JSON-valued columns never contain those
 * (`xmlSafeJson` escapes them); plain ones (ids, labels) are refused with the
 * field named, rather than written as a file no tool can open.
 */

import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import type { Dataset, DatasetParseError } from '../../model/index.ts';
import { FormatWriteError, parseFailure } from './errors.ts';

const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character XML 1.0 cannot represent, as `U+0001`, or undefined. */
export function invalidXmlCharacter(text: string): string | undefined {
  const match = INVALID_XML_CHAR.exec(text);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A value as JSON that is also safe XML character data: JSON.stringify leaves U+FFFE, U+FFFF and the line separators raw. */
export function xmlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029\uFFFE\uFFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * NEL (U+0085) and LINE SEPARATOR (U+2028) written raw are turned into a
 * newline by some parsers (xmldom applies XML 1.1's line-end rules), so they
 * are always written as character references. Safe on a whole serialized
 * document: outside values these characters never occur in markup.
 */
export function escapeLineSeparators(xml: string): string {
  return xml.replace(/[\u0085\u2028]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`);
}

export function escapeXmlText(text: string): string {
  return escapeLineSeparators(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;'));
}

export function escapeXmlAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/[\u0085\u2028]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`);
}

/** Line of an element in its file (xmldom records it when parsing with a locator). */
export function lineOf(element: Element): number | undefined {
  const line = (element as Element & { lineNumber?: unknown }).lineNumber;
  return typeof line === 'number' ? line : undefined;
}

/** `<node id="x"> (line 12)`. */
export function describeElement(element: Element, idAttribute = 'id'): string {
  const id = element.getAttribute(idAttribute);
  const line = lineOf(element);
  return `<${element.tagName}${id ? ` ${idAttribute}=${JSON.stringify(id)}` : ''}>${line !== undefined ? ` (line ${line})` : ''}`;
}

/**
 * Where the first `&` that starts no entity reference is, outside comments and
 * CDATA. Hand-edited files have these ("Tom & Jerry"); saxes reports them only
 * where its entity scan gives up, often lines later.
 */
export function firstBareAmpersand(text: string): { line: number; column: number } | undefined {
  const pattern = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|&(?!(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] !== '&') continue;
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    return { line, column: match.index - before.lastIndexOf('\n') };
  }
  return undefined;
}

function notWellFormed(file: string, formatName: string, at: { line: number; column: number } | undefined, reason: string): DatasetParseError {
  return parseFailure(file, {
    code: 'invalid-value',
    path: '',
    ...(at ?? {}),
    message: `not well-formed XML: ${reason}`,
    fix: `repair the markup there (every tag closed, attribute values quoted, & written as &amp;), or re-export the ${formatName} file from the tool that made it`,
  });
}

/**
 * Parses XML text strictly; throws DatasetParseError naming the file, the
 * line and column, and the fix. saxes (a conforming parser) checks
 * well-formedness first, because xmldom alone skips a mismatched end tag
 * without a word and would import the file with elements missing.
 */
export function parseXml(content: string, file: string, formatName: string): Document {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (!text.trim()) {
    throw parseFailure(file, { code: 'empty-file', path: '', message: 'the file is empty', fix: `choose the ${formatName} file itself` });
  }
  const ampersand = firstBareAmpersand(text);
  if (ampersand !== undefined) {
    throw notWellFormed(file, formatName, ampersand, 'a bare "&" (not the start of an entity such as &amp; or &#38;)');
  }
  const checker = new SaxesParser({ position: true });
  let firstError: string | undefined;
  checker.on('error', (error: Error) => {
    firstError ??= error.message;
  });
  checker.write(text).close();
  if (firstError !== undefined) {
    const position = /^(\d+):(\d+): (.*)$/s.exec(firstError);
    throw position
      ? notWellFormed(file, formatName, { line: Number(position[1]), column: Number(position[2]) }, position[3]!.replace(/\.$/, ''))
      : notWellFormed(file, formatName, undefined, firstError);
  }

  const complaints: string[] = [];
  const parser = new DOMParser({
    locator: {},
    errorHandler: {
      warning: (message: unknown) => complaints.push(String(message)),
      error: (message: unknown) => complaints.push(String(message)),
      fatalError: (message: unknown) => complaints.push(String(message)),
    },
  });
  let document: Document | undefined;
  try {
    document = parser.parseFromString(text, 'application/xml');
  } catch (error) {
    complaints.push(error instanceof Error ? error.message : String(error));
  }
  if (complaints.length > 0) {
    const first = complaints[0]!;
    const position = /@#\[line:(\d+),col:(\d+)\]/.exec(first);
    const reason = first
      .replace(/\[xmldom (warning|error|fatalError)\]\s*/g, '')
      .replace(/element parse error: Error: /, '')
      .replace(/\s*@#\[line:\d+,col:\d+\]/g, '')
      .trim();
    throw notWellFormed(file, formatName, position ? { line: Number(position[1]), column: Number(position[2]) } : undefined, reason);
  }
  if (!document?.documentElement) {
    throw parseFailure(file, { code: 'wrong-top-level', path: '', message: 'no XML element found', fix: `check this is a ${formatName} file (it should start with <?xml … ?> and a root element)` });
  }
  return document;
}

/** Child elements with a local name, ignoring namespace prefixes (`viz:color` matches `color`). */
export function childElements(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if ((element.localName ?? element.tagName) === localName) out.push(element);
    }
  }
  return out;
}

/**
 * Refuses a dataset whose plain-text fields (ids, labels) hold characters XML
 * cannot carry. Everything else is written as JSON, which escapes them.
 */
export function assertXmlWritable(dataset: Dataset, format: string): void {
  const check = (value: string | undefined, path: string) => {
    if (value === undefined) return;
    const bad = invalidXmlCharacter(value);
    if (bad) {
      throw new FormatWriteError(
        format,
        path,
        `contains ${bad}, a character XML 1.0 cannot represent`,
        'remove the control character from that field, or export as JSON (json or dataset), which carries any text',
      );
    }
  };
  dataset.entities.forEach((entity, i) => {
    check(entity.id, `entities[${i}].id`);
    check(entity.label, `entities[${i}].label`);
  });
  dataset.relations.forEach((relation, i) => {
    check(relation.id, `relations[${i}].id`);
    check(relation.attributedTo, `relations[${i}].attributedTo`);
  });
}

/** Text for a derived, display-only field: characters XML cannot carry become U+FFFD. */
export function xmlDisplayText(text: string): string {
  return text.replace(new RegExp(INVALID_XML_CHAR.source, 'g'), '\uFFFD');
}
