/**
 * Tokens with offsets
 * ===================
 *
 * The extractor matches names and patterns over tokens, never over a
 * rewritten copy of the text, so every match maps straight back to exact
 * offsets. Choices that matter for news prose:
 *
 *  - dotted acronyms are one token ("U.S.", "U.N."), so the gazetteer can list them;
 *  - hyphenated and apostrophe'd words stay whole ("al-Gheit", "didn’t");
 *  - a possessive is split off ("Lavrov’s" → "Lavrov" + "’s"), so the mention
 *    is the name as written without the suffix;
 *  - quote marks are their own tokens, marked opening or closing, because a
 *    relation never reaches across a quotation boundary.
 *
 * `norm` is the lower-cased form with typographic apostrophes made straight:
 * the key the gazetteer and the rules match on.
 */

export type TokenKind = 'word' | 'number' | 'possessive' | 'open-quote' | 'close-quote' | 'punct';

export interface Token {
  text: string;
  norm: string;
  kind: TokenKind;
  /** Offsets in the document. */
  start: number;
  end: number;
  /** First letter is upper case. */
  capitalised: boolean;
}

/**
 * What a token is, as a regular expression: groups 1 acronym, 2 number, 3 word, 4 anything else but white
 * space (white space matches nothing, so `exec` passes over it). `scanToken` below reads exactly these
 * matches by hand, four times faster; this stays as its specification (tests compare the two).
 */
export const TOKEN_PATTERN =
  /((?:\p{L}\.){2,})|(\p{N}+(?:[.,:]\p{N}+)*%?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|([\uD800-\uDBFF][\uDC00-\uDFFF][\p{M}\u200D\uFE0F]*|[^\s])/gu;

/** What `scanToken` found: the group of TOKEN_PATTERN that would have matched (0: no token is left). */
export type TokenClass = 0 | 1 | 2 | 3 | 4;
export const NO_TOKEN = 0;
export const ACRONYM = 1;
export const NUMBER = 2;
export const WORD = 3;
export const OTHER = 4;

// Character classes by code point, as the pattern's \p{L}, \p{M}, \p{N} and \s read them: computed once per
// code point of the Basic Multilingual Plane met, by the same Unicode properties.
const LETTER = 1;
const MARK = 2;
const DIGIT = 4;
const SPACE = 8;
const KNOWN = 16;
const bmpClasses = new Uint8Array(0x10000);

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{N}/u.test(ch) ? DIGIT : 0) | (/\s/u.test(ch) ? SPACE : 0) | KNOWN;
}

function classOf(cp: number): number {
  if (cp >= 0x10000) return classifyCodePoint(cp);
  let c = bmpClasses[cp]!;
  if (c === 0) bmpClasses[cp] = c = classifyCodePoint(cp);
  return c;
}

/** The code point at `i` of `s` (below `end`), as the `u` flag reads it: a surrogate pair is one. */
function codePointAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number) => (cp >= 0x10000 ? 2 : 1);

/** The end of a run of code points of `classes` from `i`. */
function runOf(s: string, i: number, end: number, classes: number): number {
  while (i < end) {
    const cp = codePointAt(s, i, end);
    if ((classOf(cp) & classes) === 0) break;
    i += width(cp);
  }
  return i;
}

/** Where the last token found by `scanToken` starts and ends. */
export const scanned = { start: 0, end: 0 };

/**
 * The next match of TOKEN_PATTERN in `s` at or after `from` (below `end`): its class, and its offsets in
 * `scanned`. Each alternative is greedy and nothing follows it, so the longest run each allows is the match.
 */
export function scanToken(s: string, from: number, end: number): TokenClass {
  let i = from;
  // White space matches no alternative: the search moves on by a code point.
  while (i < end) {
    const cp = codePointAt(s, i, end);
    if ((classOf(cp) & SPACE) === 0) break;
    i += width(cp);
  }
  if (i >= end) return NO_TOKEN;
  scanned.start = i;
  const first = codePointAt(s, i, end);
  const firstClass = classOf(first);
  if (firstClass & LETTER) {
    // An acronym: two or more letter-and-full-stop pairs.
    let pairs = 0;
    let j = i;
    while (j < end) {
      const cp = codePointAt(s, j, end);
      if ((classOf(cp) & LETTER) === 0) break;
      const w = width(cp);
      if (j + w >= end || s.charCodeAt(j + w) !== 0x2e) break;
      j += w + 1;
      pairs++;
    }
    if (pairs >= 2) {
      scanned.end = j;
      return ACRONYM;
    }
  }
  if (firstClass & DIGIT) {
    let j = runOf(s, i, end, DIGIT);
    for (;;) {
      const c = j < end ? s.charCodeAt(j) : -1;
      if (c !== 0x2e && c !== 0x2c && c !== 0x3a) break;
      const after = runOf(s, j + 1, end, DIGIT);
      if (after === j + 1) break;
      j = after;
    }
    if (j < end && s.charCodeAt(j) === 0x25) j++;
    scanned.end = j;
    return NUMBER;
  }
  if (firstClass & (LETTER | MARK)) {
    let j = runOf(s, i + width(first), end, LETTER | MARK | DIGIT);
    for (;;) {
      const c = j < end ? s.charCodeAt(j) : -1;
      // - ‐ ' ’
      if (c !== 0x2d && c !== 0x2010 && c !== 0x27 && c !== 0x2019) break;
      const after = runOf(s, j + 1, end, LETTER | MARK | DIGIT);
      if (after === j + 1) break;
      j = after;
    }
    scanned.end = j;
    return WORD;
  }
  // [^\s]: one code point. (The lone-surrogate-pair alternative cannot match under the `u` flag, where a pair is one code point.)
  scanned.end = i + width(first);
  return OTHER;
}

const POSSESSIVE = /^(.+?)([’']s)$/u;
/** "Moscow-led", "Iran-backed": the name is a token of its own, so the gazetteer finds it. */
const AFFIXES = 'led|backed|based|allied|brokered|aligned|sponsored|supported|funded|controlled|occupied|held|friendly|dominated|annexed|run|installed';
const AFFIXED_NAME = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M}.]*)(-(?:${AFFIXES}))$`, 'u');
const AFFIX_AFTER = new RegExp(`^-(?:${AFFIXES})(?![\\p{L}\\p{N}])`, 'u');
const DOUBLE_QUOTES_OPEN = new Set(['“', '„', '«', '‘', '‹']);
const DOUBLE_QUOTES_CLOSE = new Set(['”', '»', '’', '›']);

/** Normal form used as a match key: lower case, straight apostrophes, one kind of hyphen. */
export function normalise(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') || lower.includes('‐') ? lower.replace(/’/g, "'").replace(/‐/g, '-') : lower;
}

/** Tokens of `text.slice(start, end)`, with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (let kind = scanToken(slice, 0, slice.length), next = 0; kind !== NO_TOKEN; kind = scanToken(slice, next, slice.length)) {
    const index = scanned.start;
    next = scanned.end;
    const at = start + index;
    const raw = slice.slice(index, next);
    if (kind === WORD) {
      // Each regex only where it can match: an affix needs a hyphen, a possessive an apostrophe before a final "s".
      const affixed = raw.includes('-') ? AFFIXED_NAME.exec(raw) : null;
      if (affixed) {
        tokens.push(makeToken(affixed[1]!, 'word', at));
        tokens.push(makeToken(affixed[2]!, 'word', at + affixed[1]!.length));
        continue;
      }
      const possessive = raw.endsWith("'s") || raw.endsWith('’s') ? POSSESSIVE.exec(raw) : null;
      if (possessive) {
        const stem = possessive[1]!;
        tokens.push(makeToken(stem, 'word', at));
        tokens.push(makeToken(possessive[2]!, 'possessive', at + stem.length));
        continue;
      }
      tokens.push(makeToken(raw, 'word', at));
      continue;
    }
    if (kind === ACRONYM) {
      tokens.push(makeToken(raw, 'word', at));
      continue;
    }
    if (kind === NUMBER) {
      tokens.push(makeToken(raw, 'number', at));
      continue;
    }
    const previous = tokens[tokens.length - 1];
    // "U.S.-led": the affix after an acronym, as after a name.
    const affix = raw === '-' && previous && previous.end === at ? AFFIX_AFTER.exec(slice.slice(index)) : null;
    if (affix) {
      tokens.push(makeToken(affix[0], 'word', at));
      next = index + affix[0].length;
      continue;
    }
    // A plural possessive ("the countries’ leaders") is not a closing quote.
    if ((raw === '’' || raw === "'") && previous && previous.end === at && /s$/i.test(previous.text) && /^\s+\p{Ll}/u.test(slice.slice(index + 1))) {
      tokens.push(makeToken(raw, 'possessive', at));
      continue;
    }
    tokens.push(makeToken(raw, quoteKind(raw, slice, index), at));
  }
  return tokens;
}

function makeToken(text: string, kind: TokenKind, start: number): Token {
  const code = text.charCodeAt(0);
  // ASCII without making a lower-cased copy; any other first letter by its lower-case form.
  const capitalised = code < 0x80 ? code >= 0x41 && code <= 0x5a : text.charAt(0) !== text.charAt(0).toLowerCase();
  return { text, norm: normalise(text), kind, start, end: start + text.length, capitalised };
}

/** Straight quotes open after white space or an opening bracket, and close otherwise. */
function quoteKind(mark: string, slice: string, index: number): TokenKind {
  if (DOUBLE_QUOTES_OPEN.has(mark)) return 'open-quote';
  if (DOUBLE_QUOTES_CLOSE.has(mark)) return 'close-quote';
  if (mark === '"' || mark === "'") {
    const before = index > 0 ? slice[index - 1]! : ' ';
    return /[\s([{—–-]/u.test(before) ? 'open-quote' : 'close-quote';
  }
  return 'punct';
}
