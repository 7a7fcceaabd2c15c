/**
 * Corpus mode: the searched words inside a found sentence
 * =======================================================
 *
 * A sentence found by the full-text search is shown with the words of the
 * query marked, so the reader sees at a glance why it matched. Runs of
 * plain and marked text that join back to the sentence exactly (rendered as
 * React text, never as HTML). Matching ignores case; a word matches at the
 * start of a word in the sentence ("sanction" marks "sanctions"), as a
 * full-text index matches prefixes.
 */

export interface TextRun {
  text: string;
  marked: boolean;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markedRuns(sentence: string, query: string): TextRun[] {
  const words = [...new Set(query.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2))];
  if (words.length === 0 || sentence === '') return [{ text: sentence, marked: false }];
  // Longest first, so "sanctions" wins over "sanction" where both would match.
  words.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of sentence.matchAll(pattern)) {
    const start = match.index;
    if (start > at) runs.push({ text: sentence.slice(at, start), marked: false });
    runs.push({ text: match[0], marked: true });
    at = start + match[0].length;
  }
  if (at < sentence.length) runs.push({ text: sentence.slice(at), marked: false });
  return runs.length === 0 ? [{ text: sentence, marked: false }] : runs;
}
