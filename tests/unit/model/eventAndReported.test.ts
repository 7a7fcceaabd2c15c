/**
 * The validator on the two time fields: an evidence's event date (`event`,
 * its phrase inside the evidence sentence) and a relation's declared
 * reporting days (`reported`, spells from <= to, sorted, not overlapping).
 * Each mistake gives one problem naming the place and the fix.
 */

import { describe, expect, it } from 'vitest';
import { formatProblem, PROBLEM_CODES, validateDataset, type Problem } from '../../../src/model/index.ts';
import { smallDataset } from '../../fixtures/bad/generate.ts';

type Json = Record<string, any>;

function problemsOf(input: unknown): Problem[] {
  const result = validateDataset(input);
  return result.ok ? [] : result.problems;
}

function broken(edit: (d: Json) => void): Problem[] {
  const d: Json = structuredClone(smallDataset());
  edit(d);
  return problemsOf(d);
}

function only(problems: Problem[]): Problem {
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  const problem = problems[0]!;
  expect(Object.keys(PROBLEM_CODES)).toContain(problem.code);
  expect(formatProblem(problem)).not.toContain('\n');
  return problem;
}

const text = (d: Json): string => d.documents[0].text;
/** Offsets of `needle` in the small dataset's article. */
function at(d: Json, needle: string): { start: number; end: number } {
  const start = text(d).indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in the article`);
  return { start, end: start + needle.length };
}

describe('event dates in evidence', () => {
  it('are accepted inside the sentence, as a year, month or day, and kept in the dataset', () => {
    const d: Json = structuredClone(smallDataset());
    d.relations[0].evidence[0].event = { date: '2023-09-21', ...at(d, 'on Thursday') };
    d.relations[1].evidence[0].event = { date: '2023-09', ...at(d, 'officials said') };
    d.relations[2].evidence[0].event = { date: '2023', ...at(d, 'Ukraine and') };
    const result = validateDataset(d);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.dataset.relations[0]!.evidence[0]!.event).toEqual({ date: '2023-09-21', ...at(d, 'on Thursday') });
    // The whole sentence is a phrase inside it, too.
    const whole = structuredClone(smallDataset()) as Json;
    const evidence = whole.relations[0].evidence[0];
    evidence.event = { date: '2023', start: evidence.start, end: evidence.end };
    expect(problemsOf(whole)).toEqual([]);
  });

  it('empty-span when the phrase covers no text', () => {
    const problem = only(
      broken((d) => {
        const { start } = at(d, 'on Thursday');
        d.relations[0].evidence[0].event = { date: '2023-09-21', start, end: start };
      }),
    );
    expect(problem.code).toBe('empty-span');
    expect(problem.path).toBe('relations[0].evidence[0].event.start');
    expect(problem.fix).toMatch(/date phrase/);
  });

  it('invalid-value when the phrase starts before its sentence, naming both spans', () => {
    const problem = only(
      broken((d) => {
        const sentence = d.relations[1].evidence[0];
        d.relations[1].evidence[0].event = { date: '2023', start: sentence.start - 5, end: sentence.start + 3 };
      }),
    );
    expect(problem.code).toBe('invalid-value');
    expect(problem.path).toBe('relations[1].evidence[0].event.start');
    expect(problem.message).toMatch(/must lie inside its evidence sentence/);
    expect(problem.fix).toMatch(/move start and end onto the date phrase|offsets count from the start of the document/);
  });

  it('invalid-value at .end when only the end runs past the sentence', () => {
    const problem = only(
      broken((d) => {
        const sentence = d.relations[0].evidence[0];
        d.relations[0].evidence[0].event = { date: '2023', start: sentence.end - 3, end: sentence.end + 2 };
      }),
    );
    expect(problem.code).toBe('invalid-value');
    expect(problem.path).toBe('relations[0].evidence[0].event.end');
  });

  it('suggests the document offsets when the phrase was counted from the sentence start', () => {
    const problem = only(
      broken((d) => {
        const sentence = d.relations[2].evidence[0];
        const phrase = at(d, 'are allies');
        // Relative offsets, which land in the first sentence: outside this one.
        d.relations[2].evidence[0].event = { date: '2023', start: phrase.start - sentence.start, end: phrase.end - sentence.start };
      }),
    );
    const phrase = at(structuredClone(smallDataset()), 'are allies');
    expect(problem.path).toBe('relations[2].evidence[0].event.start');
    expect(problem.fix).toContain(`"are allies", use start ${phrase.start} and end ${phrase.end}`);
  });

  it('split-character when the phrase cuts the flag emoji in two', () => {
    const problem = only(
      broken((d) => {
        const sentence = d.relations[3].evidence[0];
        d.relations[3].evidence[0].event = { date: '2023', start: sentence.start + 1, end: sentence.end };
      }),
    );
    expect(problem.code).toBe('split-character');
    expect(problem.path).toBe('relations[3].evidence[0].event.start');
  });

  it('a malformed date is a schema problem at event.date', () => {
    for (const date of ['2023-13', '2023-02-30', '23', 'last year']) {
      const problem = only(
        broken((d) => {
          d.relations[0].evidence[0].event = { date, ...at(d, 'on Thursday') };
        }),
      );
      expect(problem.path).toBe('relations[0].evidence[0].event.date');
      expect(problem.message + problem.fix).toMatch(/YYYY/);
    }
  });

  it('are not judged when the evidence span itself is wrong (no cascade)', () => {
    const problems = broken((d) => {
      d.relations[0].evidence[0].end = 10_000;
      d.relations[0].evidence[0].event = { date: '2023', start: 9_000, end: 9_001 };
    });
    expect(problems.map((p) => p.path)).toEqual(['relations[0].evidence[0].end']);
  });
});

describe('reported spells', () => {
  const spells = (list: Array<[string, string]>) => list.map(([from, to]) => ({ from, to }));

  it('are accepted sorted, one day long, touching, and kept in the dataset', () => {
    const d: Json = structuredClone(smallDataset());
    d.relations[0].reported = spells([
      ['2023-01-01', '2023-01-01'],
      ['2023-01-02', '2023-01-10'],
      ['2024-02-29', '2024-03-01'],
    ]);
    d.relations[1].reported = [];
    const result = validateDataset(d);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.dataset.relations[0]!.reported).toEqual(d.relations[0].reported);
  });

  it('invalid-value for a spell that runs backwards, with the swap as fix', () => {
    const problem = only(
      broken((d) => {
        d.relations[1].reported = spells([
          ['2023-01-01', '2023-01-02'],
          ['2023-03-05', '2023-03-01'],
        ]);
      }),
    );
    expect(problem.code).toBe('invalid-value');
    expect(problem.path).toBe('relations[1].reported[1]');
    expect(problem.message).toContain('from 2023-03-05 is after to 2023-03-01');
    expect(problem.fix).toBe('swap the two days: "from": "2023-03-01", "to": "2023-03-05"');
  });

  it('invalid-value for spells out of order, once per relation', () => {
    const problem = only(
      broken((d) => {
        d.relations[2].reported = spells([
          ['2023-05-01', '2023-05-02'],
          ['2023-04-01', '2023-04-02'],
          ['2023-03-01', '2023-03-02'],
          ['2023-02-01', '2023-02-02'],
        ]);
      }),
    );
    expect(problem.code).toBe('invalid-value');
    expect(problem.path).toBe('relations[2].reported[1]');
    expect(problem.message).toContain('starts before the one before it (relations[2].reported[0]: 2023-05-01 to 2023-05-02)');
    expect(problem.fix).toMatch(/sort the spells by "from"/);
  });

  it('invalid-value for overlapping spells, with the joined spell as fix', () => {
    const problem = only(
      broken((d) => {
        d.relations[0].reported = spells([
          ['2023-01-01', '2023-01-10'],
          ['2023-01-10', '2023-01-12'],
        ]);
      }),
    );
    expect(problem.path).toBe('relations[0].reported[1]');
    expect(problem.message).toContain('overlaps the one before it');
    expect(problem.fix).toBe('join the two into one spell: "from": "2023-01-01", "to": "2023-01-12"');
    // A spell inside the one before: the join keeps the later end.
    const inside = only(broken((d) => (d.relations[0].reported = spells([['2023-01-01', '2023-01-31'], ['2023-01-05', '2023-01-06']]))));
    expect(inside.fix).toBe('join the two into one spell: "from": "2023-01-01", "to": "2023-01-31"');
  });

  it('a malformed day is a schema problem at its field; the well-formed spells around it are still checked', () => {
    const problems = broken((d) => {
      d.relations[0].type = 'attacks'; // the relation no longer parses: its spells are read one by one
      d.relations[0].reported = [...spells([['2023-02-01', '2023-02-05']]), { from: '2023-02-30', to: '2023-03-01' }, ...spells([['2023-01-01', '2023-01-02']])];
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toContain('relations[0].type');
    expect(paths).toContain('relations[0].reported[1].from');
    expect(problems.find((p) => p.path === 'relations[0].reported[2]')?.message).toMatch(/starts before the one before it \(relations\[0\]\.reported\[0\]/);
    expect(problems).toHaveLength(3);
  });

  it('must be a list of spells', () => {
    const problem = only(broken((d) => (d.relations[0].reported = { from: '2023-01-01', to: '2023-01-02' })));
    expect(problem.path).toBe('relations[0].reported');
    expect(problem.code).toBe('wrong-type');
  });
});
