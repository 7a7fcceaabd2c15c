/**
 * A name in a sentence
 * ====================
 *
 * Where a CSV row's evidence sentence names one of the row's entities: as a
 * whole word (not inside another: "Iran" is not in "Iranian"), in the case
 * written first, then in any case. Used to record mentions and aliases.
 */

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `index` / starting at `index` is a letter or digit. */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(start)!));
}
function wordAt(text: string, index: number): boolean {
  return index < text.length && WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(index)!));
}

function findWhole(haystack: string, needle: string, original: string): number {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!wordBefore(original, at) && !wordAt(original, at + needle.length)) return at;
  }
  return -1;
}

/**
 * First occurrence of `name` in `sentence` as a whole word: exact case first, then any case.
 * A string search, not a regular expression built per call (compiling a Unicode
 * regular expression for every row cost milliseconds a row).
 */
export function findName(sentence: string, name: string): { index: number; asWritten: string } | undefined {
  if (!name) return undefined;
  const exact = findWhole(sentence, name, sentence);
  if (exact >= 0) return { index: exact, asWritten: name };
  const lowerSentence = sentence.toLowerCase();
  const lowerName = name.toLowerCase();
  // Lower-casing that changes a length (İ → i̇) would shift offsets: such names match only as written.
  if (lowerSentence.length !== sentence.length || lowerName.length !== name.length) return undefined;
  const any = findWhole(lowerSentence, lowerName, sentence);
  return any >= 0 ? { index: any, asWritten: sentence.slice(any, any + name.length) } : undefined;
}