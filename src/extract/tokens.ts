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
 * Groups: 1 acronym, 2 number, 3 word, 4 anything else but white space. Numbered, not named: a named group's
 * `groups` object per token was a tenth of the tokenizer's time. White space matches nothing, so `exec` passes over it.
 */
const TOKEN =
  /((?:\p{L}\.){2,})|(\p{N}+(?:[.,:]\p{N}+)*%?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|([\uD800-\uDBFF][\uDC00-\uDFFF][\p{M}\u200D\uFE0F]*|[^\s])/gu;

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
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    const at = start + match.index;
    const raw = match[0];
    if (match[3] !== undefined) {
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
    if (match[1] !== undefined) {
      tokens.push(makeToken(raw, 'word', at));
      continue;
    }
    if (match[2] !== undefined) {
      tokens.push(makeToken(raw, 'number', at));
      continue;
    }
    const previous = tokens[tokens.length - 1];
    // "U.S.-led": the affix after an acronym, as after a name.
    const affix = raw === '-' && previous && previous.end === at ? AFFIX_AFTER.exec(slice.slice(match.index)) : null;
    if (affix) {
      tokens.push(makeToken(affix[0], 'word', at));
      TOKEN.lastIndex = match.index + affix[0].length;
      continue;
    }
    // A plural possessive ("the countries’ leaders") is not a closing quote.
    if ((raw === '’' || raw === "'") && previous && previous.end === at && /s$/i.test(previous.text) && /^\s+\p{Ll}/u.test(slice.slice(match.index + 1))) {
      tokens.push(makeToken(raw, 'possessive', at));
      continue;
    }
    tokens.push(makeToken(raw, quoteKind(raw, slice, match.index), at));
  }
  return tokens;
}

function makeToken(text: string, kind: TokenKind, start: number): Token {
  const first = text.charAt(0);
  return { text, norm: normalise(text), kind, start, end: start + text.length, capitalised: first !== first.toLowerCase() };
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
