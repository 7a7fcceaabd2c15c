import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import { validateDataset } from '../../../src/model/index.ts';

/** Text that looks like news often enough to produce entities and relations, mixed with anything at all. */
const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Russia', 'Ukraine', 'the Kremlin', 'U.S.', 'US', 'us', 'NATO', 'the EU', 'Russian President Vladimir Putin', 'Putin', 'Lavrov’s', 'accused', 'imposed sanctions on',
        'invaded', 'met', 'attended the BRICS summit in', 'South Africa', 'said', '“', '”', '"', '.', ',', ' ', '\n', '\r\n', 'which', 'while', 'they', 'him', 'us',
        'didn’t', 'Mr.', 'U.N.', '🇺🇦', '\u0301', '\u200d', 'é', 'the president himself', 'a Moscow-led alliance', 'Foreign Ministry Spokesperson Maria Zakharova',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

describe('extractDataset on arbitrary text', () => {
  it('never throws, always validates, and every span lies in its document and quotes a name of its entity', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }), newsish), (text) => {
        const dataset = extractDataset(text, { documentId: 'doc', minMentions: 1 });
        const result = validateDataset(dataset);
        expect(result.ok ? [] : result.problems).toEqual([]);
        for (const entity of dataset.entities) {
          const names = new Set([entity.label, ...entity.aliases]);
          for (const m of entity.mentions) {
            expect(m.document).toBe('doc');
            expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
            expect(names.has(text.slice(m.start, m.end))).toBe(true);
          }
        }
        for (const relation of dataset.relations) {
          expect(relation.evidence.length).toBeGreaterThan(0);
          for (const e of relation.evidence) expect(0 <= e.start && e.start < e.end && e.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
