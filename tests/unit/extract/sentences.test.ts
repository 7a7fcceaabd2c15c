import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/extract/sentences.ts';
import { isSentenceEnd, isSentenceStart } from '../../../src/model/spans.ts';

const seed = readFileSync(new URL('../../../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8');

/** The sentences as text, after checking every span against the model's own boundary rules. */
function sentences(text: string): string[] {
  return splitSentences(text).map((s) => {
    expect(isSentenceStart(text, s.start), `start of ${JSON.stringify(text.slice(s.start, s.end))}`).toBe(true);
    expect(isSentenceEnd(text, s.end), `end of ${JSON.stringify(text.slice(s.start, s.end))}`).toBe(true);
    return text.slice(s.start, s.end);
  });
}

describe('splitSentences', () => {
  it('keeps a sentence that opens with a typographic quote, with exact offsets', () => {
    const text = 'He arrived. “Everything is fine,” Lavrov said. Then he left.';
    expect(sentences(text)).toEqual(['He arrived.', '“Everything is fine,” Lavrov said.', 'Then he left.']);
    const [, second] = splitSentences(text);
    expect(second!.start).toBe(text.indexOf('“'));
  });

  it('ends a sentence after a period inside closing quotes (.”)', () => {
    expect(sentences('He called it “absurd.” The summit went on.')).toEqual(['He called it “absurd.”', 'The summit went on.']);
    expect(sentences('She said "no." It ended.')).toEqual(['She said "no."', 'It ended.']);
  });

  it('does not break after titles, initials or month abbreviations', () => {
    expect(sentences('Mr. Smith met Dr. Jones and Gen. Milley on Jan. 5 in Washington. They spoke.')).toEqual([
      'Mr. Smith met Dr. Jones and Gen. Milley on Jan. 5 in Washington.',
      'They spoke.',
    ]);
    expect(sentences('J. R. Smith and Prof. A. Ivanova signed it. It passed.')).toEqual(['J. R. Smith and Prof. A. Ivanova signed it.', 'It passed.']);
  });

  it('keeps U.S. and U.N. inside a sentence, but breaks when a new sentence follows them', () => {
    expect(sentences('Claims U.S. officials have made were repeated at the U.N. Security Council. It met.')).toEqual([
      'Claims U.S. officials have made were repeated at the U.N. Security Council.',
      'It met.',
    ]);
    expect(sentences('The sanctions were imposed by the U.S. The EU followed.')).toEqual(['The sanctions were imposed by the U.S.', 'The EU followed.']);
  });

  it('ends a sentence at every line break, LF, CRLF or CR, and skips blank lines', () => {
    const text = 'Headline without a full stop\r\n\r\nFirst line. Second sentence\nThird\rFourth.';
    expect(sentences(text)).toEqual(['Headline without a full stop', 'First line.', 'Second sentence', 'Third', 'Fourth.']);
    expect(splitSentences(text).map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 3]);
  });

  it('takes trailing spaces of a line without punctuation so the end is a valid boundary', () => {
    const text = 'A headline   \r\nBody text.';
    const [first] = sentences(text);
    expect(first!.startsWith('A headline')).toBe(true);
  });

  it('keeps an emoji before a name at the start of its sentence', () => {
    const text = 'It rained. 🇺🇦 Zelensky spoke! 😀 Then — silence?';
    expect(sentences(text)).toEqual(['It rained.', '🇺🇦 Zelensky spoke!', '😀 Then — silence?']);
    expect(splitSentences(text)[1]!.start).toBe(text.indexOf('🇺🇦'));
  });

  it('does not break before a lower-case word or inside numbers', () => {
    expect(sentences('Growth was 3.5 per cent, e.g. in Asia. Exports rose.')).toEqual(['Growth was 3.5 per cent, e.g. in Asia.', 'Exports rose.']);
    expect(sentences('“Why?” he asked. Nobody knew.')).toEqual(['“Why?” he asked.', 'Nobody knew.']);
  });

  it('splits the seed article into 19 sentences in 13 paragraphs, every one a valid evidence span', () => {
    const spans = splitSentences(seed);
    expect(sentences(seed)).toHaveLength(19);
    expect(new Set(spans.map((s) => s.paragraph)).size).toBe(13);
    // The curated dataset's evidence sentences are among them, exactly.
    const gold = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8')) as {
      relations: Array<{ evidence: Array<{ start: number; end: number }> }>;
    };
    const keys = new Set(spans.map((s) => `${s.start}-${s.end}`));
    for (const relation of gold.relations) for (const e of relation.evidence) expect(keys.has(`${e.start}-${e.end}`)).toBe(true);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\r\n\t')).toEqual([]);
  });
});
