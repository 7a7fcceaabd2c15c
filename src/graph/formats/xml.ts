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
import { formatCount, type Dataset, type DatasetParseError } from '../../model/index.ts';
import { FormatWriteError, parseFailure } from './errors.ts';
import { XML_LIMIT_DESCRIPTIONS, resolveXmlLimits, type XmlReaderLimits } from './xmlLimits.ts';

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

/** `&amp;`, `&#38;`, `&#x26;`: an entity reference, matched at one position (sticky). */
const ENTITY_REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;

/** What the linear pre-scan of an XML text found (see `scanXmlText`). */
export interface XmlTextScan {
  /** Index of the first `&` that starts no entity reference, outside comments and CDATA. */
  bareAmpersand?: number;
  /** Start tags (`<` then a name) outside comments and CDATA, counted up to `maxStartTags + 1`. */
  startTags: number;
  /** Index of start tag number `maxStartTags + 1`, when the text has that many. */
  pastLimit?: number;
  /** Index of a comment or CDATA section that is never closed; the scan stops there. */
  unclosed?: { index: number; what: 'comment' | 'CDATA' };
}

/**
 * One pass over an XML text before it is parsed, linear in its length: finds
 * the first bare `&` and counts start tags, skipping comments and CDATA.
 * Hand-edited files have bare ampersands ("Tom & Jerry"); saxes reports them
 * only where its entity scan gives up, often lines later. The count lets the
 * reader refuse a file of millions of tiny elements before building anything.
 *
 * Linear even on hostile input: the cursor only moves forward, and each
 * `indexOf` starts past the previous find. An unclosed comment or CDATA ends
 * the scan (and is reported where it starts), where a lazy regex
 * (`<!--[\s\S]*?-->`) rescanned to the end of the text from every `<!--`:
 * quadratic, 16 s for 400 KB of `<!--`.
 */
export function scanXmlText(text: string, maxStartTags = Infinity): XmlTextScan {
  let startTags = 0;
  let lt = text.indexOf('<');
  let amp = text.indexOf('&');
  for (;;) {
    if (amp >= 0 && (lt < 0 || amp < lt)) {
      ENTITY_REFERENCE.lastIndex = amp;
      if (!ENTITY_REFERENCE.test(text)) return { bareAmpersand: amp, startTags };
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    if (lt < 0) return { startTags };
    let resume = lt + 1;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : undefined;
      if (close !== undefined) {
        const end = text.indexOf(close, lt + (close === '-->' ? 4 : 9));
        if (end < 0) return { startTags, unclosed: { index: lt, what: close === '-->' ? 'comment' : 'CDATA' } };
        resume = end + 3;
      }
    } else if (next !== 0x2f /* / */ && next !== 0x3f /* ? */ && lt + 1 < text.length) {
      startTags++;
      if (startTags > maxStartTags) return { startTags, pastLimit: lt };
    }
    lt = text.indexOf('<', resume);
    if (amp >= 0 && amp < resume) amp = text.indexOf('&', resume);
  }
}

/** 1-based line and column (UTF-16 units) of an index, for messages. */
export function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Where the first `&` that starts no entity reference is, outside comments and
 * CDATA (see `scanXmlText`).
 */
export function firstBareAmpersand(text: string): { line: number; column: number } | undefined {
  const { bareAmpersand } = scanXmlText(text);
  return bareAmpersand === undefined ? undefined : positionAt(text, bareAmpersand);
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
  /**
   * A record with no Object.prototype in its chain (see `XmlAttributes`): an
   * attribute named `__proto__` or `constructor` is an own value like any
   * other, an absent one reads undefined, and nothing reaches Object.prototype.
   */
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlElement[];
  /** The element's own text and CDATA, in order (not its children's). */
  text: string;
  /** 1-based position of the start tag, for messages. */
  line: number;
  column: number;
}

export interface XmlTreeOptions {
  /** Lower (or raise) the reader limits for this call (xmlLimits.ts). */
  limits?: Partial<XmlReaderLimits>;
  /**
   * The local names the reader looks at. An element with any other name that
   * is an empty leaf (no attributes read, no children, no text) is not kept:
   * ten million `<a/>` cost the tree nothing. Without it every element is kept.
   */
  keep?: ReadonlySet<string>;
}

const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/**
 * Attribute records: instances of a constructor whose prototype is a frozen
 * null-prototype object, so `__proto__` is a plain property name (its setter
 * lives on Object.prototype, which is not in the chain) and `constructor` or
 * `toString` read undefined unless the file sets them. Unlike saxes' own
 * `Object.create(null)` records (dictionary mode in V8, 216 bytes with two
 * attributes), these are fast objects: 72 bytes.
 */
const XmlAttributes = function XmlAttributes() {} as unknown as new () => Record<string, string>;
XmlAttributes.prototype = Object.freeze(Object.create(null) as object);
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(new XmlAttributes());

function attributeRecord(attributes: Record<string, string>): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined;
  for (const name in attributes) (out ??= new XmlAttributes())[name] = attributes[name]!;
  return out ?? NO_ATTRIBUTES;
}
/** Interned names: one string per distinct tag name, not one per element. */
const MAX_INTERNED_NAMES = 4096;

function limitExceeded(file: string, limit: keyof XmlReaderLimits, max: number, at: { line: number; column: number }, formatName: string): DatasetParseError {
  const { noun, limit: name, fix } = XML_LIMIT_DESCRIPTIONS[limit];
  return parseFailure(file, {
    code: 'limit-exceeded',
    path: '',
    ...at,
    message: `too large for a ${formatName} file: more than ${formatCount(max)} ${noun} (${name})`,
    fix,
  });
}

/**
 * Parses XML text strictly into a light element tree; throws a
 * DatasetParseError naming the file, the line and column, and the fix.
 * saxes is a conforming parser: unlike a forgiving DOM parser it never
 * recovers from a mismatched tag by dropping elements, and it does not
 * expand entities declared in a DTD (no "billion laughs").
 *
 * Bounded before anything large is built (xmlLimits.ts): a linear pre-scan
 * counts the start tags; while streaming, the nesting depth and the <node>
 * and <edge> elements are counted, and the first one past a limit stops the
 * parse with a problem at its line and column. No reader then recurses
 * deeper than `maxDepth`.
 *
 * The tree is light (it matters for a 100 MB file): elements the reader
 * ignores are not kept when empty (`keep`), attributes are compact records
 * without Object.prototype, childless elements share one empty array and
 * tag names are interned.
 */
export function parseXmlTree(content: string, file: string, formatName: string, options: XmlTreeOptions = {}): XmlElement {
  const limits = resolveXmlLimits(options.limits);
  const keep = options.keep;
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (!text.trim()) {
    throw parseFailure(file, { code: 'empty-file', path: '', message: 'the file is empty', fix: `choose the ${formatName} file itself` });
  }
  const scan = scanXmlText(text, limits.maxElements);
  if (scan.bareAmpersand !== undefined) {
    throw notWellFormed(file, formatName, positionAt(text, scan.bareAmpersand), 'a bare "&" (not the start of an entity such as &amp; or &#38;)');
  }
  if (scan.pastLimit !== undefined) throw limitExceeded(file, 'maxElements', limits.maxElements, positionAt(text, scan.pastLimit), formatName);

  const parser = new SaxesParser({ position: true });
  let firstError: string | undefined;
  let root: XmlElement | undefined;
  /** Thrown from the error handler: the first error is the one reported, and saxes recovering from 250,000 more (each an Error with a stack) took seconds per MB. */
  const stop = Symbol('stop');
  const stack: XmlElement[] = [];
  let nodes = 0;
  let edges = 0;
  const names = new Map<string, { name: string; local: string }>();
  const at = () => ({ line: parser.line, column: parser.column });
  parser.on('error', (error: Error) => {
    firstError ??= error.message;
    throw stop;
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= limits.maxDepth) throw limitExceeded(file, 'maxDepth', limits.maxDepth, at(), formatName);
    let interned = names.get(tag.name);
    if (!interned) {
      const colon = tag.name.indexOf(':');
      interned = { name: tag.name, local: colon >= 0 ? tag.name.slice(colon + 1) : tag.name };
      if (names.size < MAX_INTERNED_NAMES) names.set(tag.name, interned);
    }
    const { name, local } = interned;
    if (local === 'node' && ++nodes > limits.maxNodes) throw limitExceeded(file, 'maxNodes', limits.maxNodes, at(), formatName);
    if (local === 'edge' && ++edges > limits.maxEdges) throw limitExceeded(file, 'maxEdges', limits.maxEdges, at(), formatName);
    const parent = stack[stack.length - 1];
    // An ignored, self-closing element is never kept: build nothing for it.
    if (tag.isSelfClosing && parent && keep && !keep.has(local)) return;
    const attributes = attributeRecord(tag.attributes as Record<string, string>);
    const element: XmlElement = { name, local, attributes, children: NO_CHILDREN, text: '', line: parser.line, column: parser.column };
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      (parent.children as XmlElement[]).push(element);
    } else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const element = stack.pop();
    const parent = stack[stack.length - 1];
    // An ignored element that stayed empty is dropped (it is its parent's last child).
    if (element && parent && keep && !keep.has(element.local) && element.children === NO_CHILDREN && element.text === '') {
      (parent.children as XmlElement[]).pop();
    }
  });
  const addText = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    // Up to an unclosed comment or CDATA only: an error before it comes first; saxes would report it at the end of the file.
    if (scan.unclosed) parser.write(text.slice(0, scan.unclosed.index));
    else parser.write(text).close();
  } catch (error) {
    if (error !== stop) throw error;
  }
  if (firstError === undefined && scan.unclosed) {
    const { index, what } = scan.unclosed;
    throw notWellFormed(file, formatName, positionAt(text, index), what === 'comment' ? 'a comment "<!--" that is never closed by "-->"' : 'a CDATA section "<![CDATA[" that is never closed by "]]>"');
  }
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
    // A declared type's id is a plain column value too (its label and the rest travel as JSON in the header).
    check(entity.type, `entities[${i}].type`);
  });
  dataset.relations.forEach((relation, i) => {
    check(relation.id, `relations[${i}].id`);
    check(relation.type, `relations[${i}].type`);
    check(relation.attributedTo, `relations[${i}].attributedTo`);
  });
}

/** Text for a derived, display-only field: characters XML cannot carry become U+FFFD. */
export function xmlDisplayText(text: string): string {
  return text.replace(new RegExp(INVALID_XML_CHAR.source, 'g'), '\uFFFD');
}
