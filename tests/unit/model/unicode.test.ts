/**
 * Unicode and line endings: offsets are UTF-16 code units; emoji, combining
 * marks, right-to-left names and CRLF text validate when the offsets are
 * right, and a span that cuts a character in two is `split-character`.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { characterSplitAt, isSentenceEnd, isSentenceStart, spanText, validateDataset, type Dataset, type Problem } from '../../../src/model/index.ts';
import { fixtureJson } from './fixtureBuilder.ts';
import { UNICODE_FIXTURES } from '../../fixtures/unicode/generate.ts';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/unicode/${name}`, import.meta.url), 'utf8'));
}

function problemsOf(input: unknown): Problem[] {
  const result = validateDataset(input);
  return result.ok ? [] : result.problems;
}

describe('unicode fixtures', () => {
  it('are what the generator writes (regenerate with npx tsx tests/fixtures/unicode/generate.ts)', () => {
    for (const [name, build] of Object.entries(UNICODE_FIXTURES)) {
      expect(readFileSync(new URL(`../../fixtures/unicode/${name}`, import.meta.url), 'utf8'), name).toBe(fixtureJson(build()));
    }
  });

  it('unicode-dataset.json is valid, and every mention quotes its name', () => {
    const dataset = fixture('unicode-dataset.json') as Dataset;
    expect(problemsOf(dataset)).toEqual([]);
    const text = (id: string) => dataset.documents.find((d) => d.id === id)!.text;
    const quoted = (entityId: string) => dataset.entities.find((e) => e.id === entityId)!.mentions.map((m) => spanText(text(m.document), m));
    expect(quoted('mohammed-bin-salman')).toEqual(['محمد بن سلمان', 'محمد بن سلمان']);
    expect(quoted('jerusalem')).toEqual(['ירושלים']);
    // The text writes Zoë with a combining diaeresis; the label is precomposed; both are the same name.
    expect(quoted('zoe-muller')).toEqual(['Zoe\u0308 Mu\u0308ller']);
    expect(dataset.entities.find((e) => e.id === 'zoe-muller')!.label).toBe('Zoë Müller');
    // UTF-16: the flag before "Volodymyr" is 4 code units, the ZWJ sequence before "Ngozi" 7.
    const lf = text('unicode-lf');
    expect(lf.indexOf('Volodymyr')).toBe('🇺🇦 '.length);
    expect('🇺🇦 '.length).toBe(5);
    expect(text('crlf')).toContain('\r\n');
  });

  it('split-surrogate.json: split-character at the mention start, with both whole-character offsets', () => {
    const [problem, ...rest] = problemsOf(fixture('split-surrogate.json'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'split-character', path: 'entities[0].mentions[0].start', value: 1 });
    expect(problem!.message).toContain('surrogates');
    expect(problem!.fix).toContain('move start to 0 or 4');
  });

  it('split-combining.json: split-character between a letter and its accent', () => {
    const [problem, ...rest] = problemsOf(fixture('split-combining.json'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'split-character', path: 'entities[1].mentions[0].end' });
    expect(problem!.message).toContain('U+0308');
  });

  it('crlf-shifted.json: offsets counted with LF over CRLF text point at the real positions', () => {
    const problems = problemsOf(fixture('crlf-shifted.json'));
    expect(problems.map((p) => p.code)).toEqual(['mention-not-a-name', 'mention-not-a-name', 'evidence-not-sentence', 'evidence-not-sentence']);
    expect(problems[0]!.fix).toContain('(+1 from here)');
    expect(problems[0]!.fix).toContain('CRLF as one');
  });
});

describe('characterSplitAt', () => {
  const cases: Array<[string, string, number, boolean]> = [
    ['plain text', 'abc', 1, false],
    ['surrogate pair', 'a🦊b', 2, true],
    ['before a surrogate pair', 'a🦊b', 1, false],
    ['after a surrogate pair', 'a🦊b', 3, false],
    ['combining mark', 'Zoe\u0308', 3, true],
    ['before the base letter', 'Zoe\u0308', 2, false],
    ['skin-tone modifier', '👋🏽', 2, true],
    ['after a zero-width joiner', '👩‍💼', 3, true],
    ['before a zero-width joiner', '👩‍💼', 2, true],
    ['inside a flag', '🇺🇦🇫🇷', 2, true],
    ['between two flags', '🇺🇦🇫🇷', 4, false],
    ['inside the second flag', '🇺🇦🇫🇷', 6, true],
    ['Arabic letters', 'محمد', 2, false],
    ['Arabic with a vowel mark', 'مُحمد', 1, true],
    ['text edges', '🦊', 0, false],
  ];
  for (const [name, text, offset, split] of cases) {
    it(`${name}: ${split ? 'splits' : 'does not split'}`, () => {
      expect(characterSplitAt(text, offset) !== undefined).toBe(split);
    });
  }
});

describe('sentence boundaries with CRLF and right-to-left punctuation', () => {
  it('a CRLF line ends a paragraph, even without punctuation (headlines)', () => {
    const text = 'Zelensky meets al-Gheit\r\nThey talked.\r\n';
    expect(isSentenceEnd(text, 'Zelensky meets al-Gheit'.length)).toBe(true);
    expect(isSentenceStart(text, text.indexOf('They'))).toBe(true);
    expect(isSentenceEnd(text, text.indexOf('talked.') + 'talked.'.length)).toBe(true);
  });

  it('the Arabic question mark and full stop end sentences', () => {
    const text = 'هل حضر؟ نعم حضر۔ ثم غادر.';
    expect(isSentenceEnd(text, text.indexOf('؟') + 1)).toBe(true);
    expect(isSentenceStart(text, text.indexOf('نعم'))).toBe(true);
    expect(isSentenceEnd(text, text.indexOf('۔') + 1)).toBe(true);
  });

  it('stays as lenient as before for ordinary prose', () => {
    const text = 'He said “yes.” Then he left.\nA headline\nMr. Smith came.';
    expect(isSentenceEnd(text, text.indexOf('”') + 1)).toBe(true);
    expect(isSentenceStart(text, text.indexOf('Then'))).toBe(true);
    expect(isSentenceEnd(text, text.indexOf('A headline') + 'A headline'.length)).toBe(true);
    // Not stricter: the abbreviation "Mr." still counts as a possible boundary, as before.
    expect(isSentenceStart(text, text.indexOf('Smith'))).toBe(true);
  });
});
