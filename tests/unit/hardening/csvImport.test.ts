/**
 * Issue #11, hardening round 2 — CSV import.
 *
 *  - Cells are kept exactly (white space is data): `x` and `x ` are two
 *    entities, `r` and `r ` two relations, each pair with a warning; only
 *    header names, flags and type names are compared without surrounding
 *    white space.
 *  - Adversarial 1 MB inputs read in time proportional to their size: the
 *    test compares each with reading an ordinary CSV of the same size (a
 *    ratio, never an absolute time).
 *  - More rows than the limit allows is refused before any row is built.
 */

import { describe, expect, it } from 'vitest';
import { read } from '../../../src/graph/formats/csv.ts';
import { DEFAULT_LIMITS, formatProblem, type DatasetValidationError } from '../../../src/model/index.ts';

function failure(run: () => unknown): Error & { problems?: unknown[] } {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('CSV import keeps cells exact', () => {
  it('"x" and "x " are two entities, with a warning naming both', () => {
    const { dataset, warnings } = read('source,type,target\nx,met-with,y\n"x ",met-with,y\n', 'ws.csv');
    expect(dataset.entities.map((e) => e.label).sort()).toEqual(['x', 'x ', 'y']);
    expect(dataset.relations).toHaveLength(2);
    const warning = warnings.find((w) => w.message.includes('differ only in white space'));
    expect(warning, JSON.stringify(warnings)).toBeDefined();
    expect(warning!.message).toContain('"x"');
    expect(warning!.message).toContain('"x "');
    expect(warning!.path).toBe('line 3');
  });

  it('given ids "a" and " a" stay two entities, with a warning', () => {
    const { dataset, warnings } = read('source,type,target,source_id,target_id\nA,met-with,B,a,b\nA,met-with,B, a,b\n', 'ids.csv');
    expect(dataset.entities.map((e) => e.id).sort()).toEqual([' a', 'a', 'b']);
    expect(warnings.some((w) => w.message.includes('white space') && w.message.includes('" a"'))).toBe(true);
  });

  it('relation ids "r" and "r " are two relations, with a warning', () => {
    const { dataset, warnings } = read('source,type,target,relation_id\nA,met-with,B,r\nA,met-with,B,"r "\n', 'rel.csv');
    expect(dataset.relations.map((r) => r.id)).toEqual(['r', 'r ']);
    expect(warnings.some((w) => w.message.includes('white space') && w.message.includes('"r "'))).toBe(true);
  });

  it('document ids keep their white space too', () => {
    const { dataset } = read('source,type,target,document,evidence\nA,met-with,B,d,A met B.\nA,met-with,B,"d ",A met B again.\n', 'docs.csv');
    expect(dataset.documents.map((d) => d.id)).toEqual(['d', 'd ']);
  });

  it('header names, flags and type names are still read without their surrounding white space', () => {
    const { dataset, warnings } = read(' Source , Type ,Target, hedged ,source_type\nA, met-with ,B, yes , person \n', 'loose.csv');
    expect(dataset.relations[0]).toMatchObject({ type: 'met-with', hedged: true });
    expect(dataset.entities[0]).toMatchObject({ label: 'A', type: 'person' });
    // " B" would be a different name: the cell here is "B", exactly.
    expect(dataset.entities[1]!.label).toBe('B');
    expect(warnings.filter((w) => w.message.includes('white space'))).toEqual([]);
  });

  it('a name padded with white space is kept as written (no silent trim), and its row warns', () => {
    const { dataset, warnings } = read('source,type,target\n Alpha ,met-with,Beta\n', 'pad.csv');
    expect(dataset.entities.map((e) => e.label)).toEqual([' Alpha ', 'Beta']);
    expect(warnings.some((w) => w.message.includes('" Alpha "') && /white space/.test(w.message))).toBe(true);
    expect(warnings.map(formatProblem).join('\n')).toContain('line 2');
  });
});

/** Median time of `runs` calls, in ms. */
function time(run: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const MB = 1 << 20;

/** An ordinary triple file of about `size` characters: distinct names, a sentence per row. */
function ordinaryCsv(size: number): string {
  const rows = ['source,type,target,evidence'];
  let length = rows[0]!.length;
  for (let i = 0; length < size; i++) {
    const row = `Alpha ${i},met-with,Beta ${i},"Alpha ${i} met Beta ${i} in the capital, officials said."`;
    rows.push(row);
    length += row.length + 1;
  }
  return rows.join('\n') + '\n';
}

/** One relation, one row per sentence: the same two entities in every row. */
function hubCsv(size: number): string {
  const rows = ['source,type,target,evidence'];
  let length = rows[0]!.length;
  for (let i = 0; length < size; i++) {
    const row = `Alpha,met-with,Beta,Alpha met Beta on day ${i}.`;
    rows.push(row);
    length += row.length + 1;
  }
  return rows.join('\n') + '\n';
}

const tryRead = (csv: string) => () => {
  try {
    read(csv, 'adversarial.csv');
  } catch {
    // Refusing is fine; the time is what is measured.
  }
};

describe('CSV import: no quadratic behaviour on 1 MB adversarial input', () => {
  const ordinary = ordinaryCsv(MB);
  const cases: Array<[string, string]> = [
    ['one giant quoted cell of doubled quotes', `source,type,target,evidence\nA,met-with,B,"A met B ${'""'.repeat(MB / 2)}."\n`],
    ['a million empty lines', `source,type,target\n${'\n'.repeat(MB)}A,met-with,B\n`],
    ['a 1 MB line of commas', `source,type,target\nA,met-with,B${','.repeat(MB)}\n`],
    ['a 1 MB header of commas', `source${','.repeat(MB)}\nA\n`],
    ['an unbalanced quote at the start', `"source,type,target\n${'A,met-with,B\n'.repeat(MB / 13)}`],
    ['a 1 MB unquoted cell', `source,type,target\nA,met-with,${'B'.repeat(MB)}\n`],
    ['one relation with many sentences (a hub)', hubCsv(MB)],
    ['many rows of a too-short header', `a,b,c\n${'x,y,z\n'.repeat(MB / 6)}`],
    ['many rows with an empty source', `source,type,target\n${',met-with,B\n'.repeat(MB / 12)}`],
  ];

  it.each(cases)('%s reads in at most 3× the time of an ordinary CSV of the same size', (_name, csv) => {
    expect(Math.abs(csv.length - ordinary.length) / ordinary.length).toBeLessThan(0.1);
    const baseline = time(tryRead(ordinary), 3);
    const adversarial = time(tryRead(csv), 3);
    expect(adversarial / baseline, `adversarial ${adversarial.toFixed(1)} ms, ordinary ${baseline.toFixed(1)} ms`).toBeLessThan(3);
  }, 60_000);
});

describe('CSV import: bounded row count', () => {
  const limit = 2 * DEFAULT_LIMITS.maxRelations;

  it(`refuses more than ${limit.toLocaleString('en-US')} rows, naming the limit, before building them`, () => {
    const row = 'A,met-with,B\n';
    const tooMany = `source,type,target\n${row.repeat(limit + 1)}`;
    const error = failure(() => read(tooMany, 'huge.csv')) as DatasetValidationError;
    expect(error.message).toMatch(/huge\.csv: .*1,000,001 rows.*at most 1,000,000/);
    expect(error.problems?.[0]).toMatchObject({ code: 'limit-exceeded' });

    // Refusing costs a count of line ends: compare with parsing an ordinary file a tenth its size.
    const ordinary = ordinaryCsv(tooMany.length / 10);
    const refuse = time(tryRead(tooMany), 3);
    const baseline = time(tryRead(ordinary), 3);
    expect(refuse / baseline, `refusing ${refuse.toFixed(1)} ms, reading a tenth as much ${baseline.toFixed(1)} ms`).toBeLessThan(1);
  }, 60_000);

  it('counts rows, not line ends: blank lines and line breaks inside quotes do not count', () => {
    const blank = `source,type,target,evidence\n${'\n'.repeat(limit + 5)}A,met-with,B,"A met B.${'\n'.repeat(10)}"\n`;
    expect(read(blank, 'blank.csv').dataset.relations).toHaveLength(1);
  }, 60_000);
});
