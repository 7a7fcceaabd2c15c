/**
 * Sentence splitting with exact offsets
 * =====================================
 *
 * Every relation's evidence is a whole sentence, quoted by offsets into the
 * original text, so the splitter must never lose or shift a character. Off-the
 * shelf splitters fail in ways that matter for news prose: compromise reports
 * wrong offsets for sentences that open with a quote mark, and
 * `Intl.Segmenter` breaks after "Mr." and "U.N.". This one is small and
 * rule-based:
 *
 *  - every line break ends a paragraph, and so a sentence (CRLF and CR too);
 *  - inside a paragraph, a sentence ends after `.`, `!`, `?` or `…` (plus any
 *    closing quotes or brackets) when white space follows and the next word
 *    can start a sentence (not lower case);
 *  - a period does not end a sentence after a title (Mr., Dr., Gen.), an
 *    initial (J. R. Smith), a month before a number (Jan. 5), or a dotted
 *    acronym (U.S., U.N.) unless the next word is one that commonly opens a
 *    sentence ("… by the U.S. The EU followed").
 *
 * Each span satisfies `isSentenceStart`/`isSentenceEnd` from the model, the
 * checks the validator applies to evidence.
 */

import { isSentenceEnd, isSentenceStart } from '../model/spans.ts';

export interface SentenceSpan {
  /** Position in the document, from 0. */
  index: number;
  /** Paragraph (line) number, from 0, counting only non-blank lines. */
  paragraph: number;
  start: number;
  /** Exclusive. */
  end: number;
}

/** Abbreviations after which a period never ends a sentence: they always precede a name or a number. */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr', 'cdr', 'brig',
  'sen', 'rep', 'gov', 'rev', 'fr', 'st', 'mt', 'ft', 'pres', 'amb', 'hon', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'no', 'nos', 'vol', 'art', 'fig', 'p', 'pp', 'vs', 'v', 'cf', 'approx', 'ca', 'ave', 'blvd', 'dept', 'est', 'sr', 'jr',
]);

/** Month abbreviations: no break when a number follows ("Jan. 5"). */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Abbreviations that may end a sentence; treated like dotted acronyms. */
const SOFT_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros']);

/**
 * Words that commonly open a sentence. After an acronym or a soft
 * abbreviation, a capitalised next word breaks only when it is one of these:
 * "U.S. officials" and "U.S. President" stay whole, "the U.S. The EU" splits.
 */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'after', 'before', 'since', 'while', 'when', 'if', 'as',
  'however', 'meanwhile', 'still', 'also', 'last', 'earlier', 'later', 'then', 'his', 'her', 'their', 'our', 'my',
  'some', 'many', 'most', 'both', 'all', 'no', 'not', 'what', 'why', 'how', 'who', 'officials', 'during', 'despite',
]);

const TERMINAL = /[.!?…]/;
const CLOSER = /[”’"')\]»]/;
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;

/** Splits `text` into sentences; spans never include surrounding white space. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (splitParagraph(text, lineStart, lineEnd, paragraph, sentences)) paragraph++;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  return sentences;
}

/** Appends the sentences of one line; returns false for a blank line. */
function splitParagraph(text: string, from: number, to: number, paragraph: number, out: SentenceSpan[]): boolean {
  let start = from;
  while (start < to && SPACE.test(text[start]!)) start++;
  let end = to;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (start >= end) return false;

  let sentenceStart = start;
  let i = start;
  while (i < end) {
    // TERMINAL by code, without a one-character string and a regex test per character.
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026) {
      i++;
      continue;
    }
    // Take the whole run of terminal marks and closing quotes/brackets ("?!", ".”").
    let j = i + 1;
    while (j < end && (TERMINAL.test(text[j]!) || CLOSER.test(text[j]!))) j++;
    if (j < end && SPACE.test(text[j]!) && breaksHere(text, i, j, end)) {
      pushSentence(text, sentenceStart, j, paragraph, out);
      let next = j;
      while (next < end && SPACE.test(text[next]!)) next++;
      sentenceStart = next;
      i = next;
    } else {
      i = j;
    }
  }
  pushSentence(text, sentenceStart, end, paragraph, out);
  return true;
}

function pushSentence(text: string, start: number, end: number, paragraph: number, out: SentenceSpan[]): void {
  if (start >= end) return;
  const previous = out[out.length - 1];
  // A span the model would not accept as a sentence start (a line broken by a
  // lone CR after a line without punctuation) joins the sentence before it.
  if (previous && !isSentenceStart(text, start)) {
    previous.end = validEnd(text, end);
    return;
  }
  out.push({ index: out.length, paragraph, start, end: validEnd(text, end) });
}

/**
 * A line without closing punctuation ends a sentence only right before its
 * line feed or at the end of the text; when spaces or a CR come first, the
 * span takes them in, so the model's `isSentenceEnd` holds.
 */
function validEnd(text: string, end: number): number {
  if (isSentenceEnd(text, end)) return end;
  for (let i = end; i < text.length && SPACE.test(text[i]!); i++) {
    if (isSentenceEnd(text, i + 1)) return i + 1;
  }
  return end;
}

/** Decides whether the terminal mark at `mark` (run ending at `runEnd`, then white space) ends a sentence. */
function breaksHere(text: string, mark: number, runEnd: number, lineEnd: number): boolean {
  let next = runEnd;
  while (next < lineEnd && SPACE.test(text[next]!)) next++;
  if (next >= lineEnd) return true;
  const nextChar = text[next]!;
  if (LOWER.test(nextChar)) return false;
  if (text[mark] !== '.' || runEnd > mark + 1) return true; // ?, !, …, or a period inside quotes: always a break before a capital.
  const word = wordBefore(text, mark);
  if (word === '') return true;
  const lower = word.toLowerCase();
  const nextWord = wordAt(text, next).toLowerCase();
  if (/^\p{L}$/u.test(word)) return false; // an initial: "J. R. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_OPENERS.has(nextWord); // U.S, U.N, e.g
  if (TITLE_ABBREVIATIONS.has(lower) && /^\p{Lu}/u.test(word)) return false; // "Mr. Smith", "No. 5"

  if (MONTH_ABBREVIATIONS.has(lower) && /^\p{Lu}/u.test(word)) return !DIGIT.test(nextChar);
  if (SOFT_ABBREVIATIONS.has(lower)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/** The word (letters and inner periods) ending just before `index`. */
function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && /[\p{L}\p{M}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, index).replace(/^\.+/, '');
}

function wordAt(text: string, index: number): string {
  let i = index;
  while (i < text.length && !/[\p{L}\p{M}]/u.test(text[i]!) && !SPACE.test(text[i]!)) i++;
  let j = i;
  while (j < text.length && /[\p{L}\p{M}]/u.test(text[j]!)) j++;
  return text.slice(i, j);
}
