/**
 * XML plumbing for GEXF and GraphML
 * =================================
 *
 * Reading: saxes, a conforming streaming parser, in Node and in the browser
 * alike, into a light element tree. Every complaint becomes a
 * DatasetParseError with the file, line and column.
 *
 * Writing: escaping for text and attribute values that survives a parser's
 * normalisation (CR, tab and newline in attributes, CR in text), and a check
 * for characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE,
 * U+FFFF, unpaired surrogates). JSON-valued columns never contain those
 * (`xmlSafeJson` escapes them); plain ones (ids, labels) are refused with the
 * field named, rather than written as a file no tool can open.
 */

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

/** An element of a parsed XML file: what the GEXF and GraphML readers walk. */
export interface XmlElement {
  /** As written, with any prefix: `viz:color`. */
  name: string;
  /** Without the prefix: `color`. */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, in order (not its children's). */
  text: string;
  /** 1-based position of the start tag, for messages. */
  line: number;
  column: number;
}

/**
 * Parses XML text strictly into a light element tree; throws a
 * DatasetParseError naming the file, the line and column, and the fix.
 * saxes is a conforming parser: unlike a forgiving DOM parser it never
 * recovers from a mismatched tag by dropping elements, and it does not
 * expand entities declared in a DTD (no "billion laughs"). The tree holds
 * plain objects, several times lighter than a DOM, which matters for a
 * 40 MB graph file.
 */
export function parseXmlTree(content: string, file: string, formatName: string): XmlElement {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (!text.trim()) {
    throw parseFailure(file, { code: 'empty-file', path: '', message: 'the file is empty', fix: `choose the ${formatName} file itself` });
  }
  const ampersand = firstBareAmpersand(text);
  if (ampersand !== undefined) {
    throw notWellFormed(file, formatName, ampersand, 'a bare "&" (not the start of an entity such as &amp; or &#38;)');
  }
  const parser = new SaxesParser({ position: true });
  let firstError: string | undefined;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  parser.on('error', (error: Error) => {
    firstError ??= error.message;
  });
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const element: XmlElement = {
      name: tag.name,
      local: colon >= 0 ? tag.name.slice(colon + 1) : tag.name,
      attributes: plainAttributes(tag.attributes),
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (firstError !== undefined) {
    const position = /^(\d+):(\d+): (.*)$/s.exec(firstError);
    throw position
      ? notWellFormed(file, formatName, { line: Number(position[1]), column: Number(position[2]) }, position[3]!.replace(/\.$/, ''))
      : notWellFormed(file, formatName, undefined, firstError);
  }
  if (!root) {
    throw parseFailure(file, { code: 'wrong-top-level', path: '', message: 'no XML element found', fix: `check this is a ${formatName} file (it should start with <?xml … ?> and a root element)` });
  }
  return root;
}

function plainAttributes(attributes: Record<string, string | { value: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) out[name] = typeof value === 'string' ? value : value.value;
  return out;
}

/** All text inside an element, its children's included (DOM `textContent`). */
export function textContent(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  let out = element.text;
  for (const child of element.children) out += textContent(child);
  return out;
}

/** `<node id="x"> (line 12)`. */
export function describeXmlElement(element: XmlElement, idAttribute = 'id'): string {
  const id = element.attributes[idAttribute];
  return `<${element.name}${id ? ` ${idAttribute}=${JSON.stringify(id)}` : ''}> (line ${element.line})`;
}

/** Children with a local name (`viz:color` matches `color`). */
export function childrenNamed(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((child) => child.local === local);
}

/** Descendants with a local name, in document order, not looking inside elements `skip` names. */
export function descendantsNamed(parent: XmlElement, local: string, skip: ReadonlySet<string> = new Set()): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.local === local) out.push(child);
      if (!skip.has(child.local)) visit(child);
    }
  };
  visit(parent);
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
