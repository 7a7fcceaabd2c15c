/**
 * Prototype pollution (issue #11, hardening round 2)
 * ==================================================
 *
 * Ids and keys come from files. graphology keeps each node's neighbours in
 * plain objects keyed by node key, so a node "__proto__" once made it write
 * `Object.prototype.previous` (and "constructor", "toString" … break its
 * edge lists); zod's records drop an attribute key "__proto__" and refuse one
 * named "constructor". The policy pinned here:
 *
 *  - ids that every JavaScript object already carries (`__proto__`,
 *    `constructor`, `toString`, `hasOwnProperty` … the own properties of
 *    Object.prototype) are refused — by validate, by every importer before it
 *    builds a graph, by buildGraph — with a `reserved-id` problem naming the
 *    place and the fix; any other id (`prototype` included) works;
 *  - attribute keys are kept exactly, `__proto__` and `constructor` included;
 *  - nothing ever reaches Object.prototype.
 */

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/buildGraph.ts';
import { readAny, readAnyWithWarnings, writeFormat, type FormatId } from '../../../src/graph/formats/index.ts';
import { writtenText } from '../../../src/graph/formats/types.ts';
import { mergeDatasets } from '../../../src/model/merge.ts';
import { checkDatasetJson, DatasetError, NewsgraphError, validateDataset, type Attributes, type Dataset, type Entity, type Problem, type Relation } from '../../../src/model/index.ts';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
/** The names the issue asks about: as ids, labels and attribute keys. */
const AWKWARD = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;
const REFUSED: ReadonlySet<string> = new Set(PROTOTYPE_NAMES);

function expectPrototypeUntouched(): void {
  const polluted = ({} as Record<string, unknown>).previous !== undefined || Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_NAMES.join();
  const functionsTouched = PROTOTYPE_NAMES.filter((name) => {
    const value: unknown = Object.getOwnPropertyDescriptor(Object.prototype, name)?.value;
    return typeof value === 'function' && Object.hasOwn(value, 'previous');
  });
  expect({ polluted, functionsTouched }).toEqual({ polluted: false, functionsTouched: [] });
}

afterEach(() => {
  // Leave a clean runtime for the other tests even when one here failed.
  for (const name of Object.getOwnPropertyNames(Object.prototype)) if (!PROTOTYPE_NAMES.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
  for (const name of PROTOTYPE_NAMES) {
    const value: unknown = Object.getOwnPropertyDescriptor(Object.prototype, name)?.value;
    if (typeof value === 'function' && Object.hasOwn(value, 'previous')) delete (value as unknown as Record<string, unknown>).previous;
  }
  if (Object.hasOwn(Object, 'previous')) delete (Object as unknown as Record<string, unknown>).previous;
});

/** Attributes built with data properties, as JSON.parse builds them: an own "__proto__" key is a key like any other. */
function attributes(entries: Array<[string, string | number | boolean | null]>): Attributes {
  return Object.fromEntries(entries);
}

/** Entities named by their ids, one sentence per relation "‹source› met ‹target›.", mentions and evidence at exact offsets. */
function dataset(options: { documentId?: string; ids: string[]; labels?: string[]; relations: Array<{ id: string; source: number; target: number; attributes?: Attributes }>; entityAttributes?: Array<Attributes | undefined>; title?: string }): Dataset {
  const documentId = options.documentId ?? 'd';
  const labels = options.labels ?? options.ids;
  const entities: Entity[] = options.ids.map((id, k) => {
    const entity: Entity = { id, label: labels[k]!, type: 'person', aliases: [], mentions: [] };
    const extra = options.entityAttributes?.[k];
    if (extra !== undefined) entity.attributes = extra;
    return entity;
  });
  let text = '';
  const relations: Relation[] = options.relations.map((plan) => {
    if (text) text += '\n';
    const start = text.length;
    const source = entities[plan.source]!;
    const target = entities[plan.target]!;
    source.mentions.push({ document: documentId, start, end: start + source.label.length });
    text += `${source.label} met `;
    target.mentions.push({ document: documentId, start: text.length, end: text.length + target.label.length });
    text += `${target.label}.`;
    const relation: Relation = { id: plan.id, type: 'met-with', source: source.id, target: target.id, evidence: [{ document: documentId, start, end: text.length }] };
    if (plan.attributes !== undefined) relation.attributes = plan.attributes;
    return relation;
  });
  const out: Dataset = { version: 1, documents: [{ id: documentId, title: 'an article', text }], entities, relations };
  if (options.title !== undefined) out.title = options.title;
  return out;
}

function problemsOf(result: { ok: true } | { ok: false; problems: Problem[] }): Problem[] {
  return result.ok ? [] : result.problems;
}

async function importProblems(file: string, content: string): Promise<Problem[]> {
  try {
    await readAny(file, content);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error(`${file} imported, but it should have been refused`);
}

const LOSSLESS_FORMATS: FormatId[] = ['gexf', 'graphml', 'json', 'dataset'];

describe('ids that name a property of every object are refused, clearly, before any graph is built', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('an entity id %j: validate refuses it with the path, the value and a rename', (id) => {
    const d = dataset({ ids: [id, 'b'], relations: [{ id: 'r', source: 1, target: 0 }] });
    const problems = problemsOf(validateDataset(d));
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([['reserved-id', 'entities[0].id', id]]);
    expect(problems[0]!.fix).toContain(`${id}-1`);
    expectPrototypeUntouched();
  });

  it('relation and document ids too, all at once', () => {
    const d = dataset({ documentId: 'constructor', ids: ['a', 'b'], relations: [{ id: '__proto__', source: 0, target: 1 }] });
    expect(problemsOf(validateDataset(d)).map((p) => [p.code, p.path])).toEqual([
      ['reserved-id', 'documents[0].id'],
      ['reserved-id', 'relations[0].id'],
    ]);
  });

  it('the same from JSON text (where "__proto__" is an own key, as JSON.parse makes it)', () => {
    const text = JSON.stringify(dataset({ ids: ['__proto__', 'b'], relations: [{ id: 'r', source: 1, target: 0 }] }));
    expect(text).toContain('"id":"__proto__"');
    const result = checkDatasetJson(text);
    expect(problemsOf(result).map((p) => [p.code, p.path])).toEqual([['reserved-id', 'entities[0].id']]);
    expectPrototypeUntouched();
  });

  it('buildGraph, given such a dataset unvalidated, throws a named error before graphology sees the key', () => {
    const d = dataset({ ids: ['b', '__proto__'], relations: [{ id: 'r', source: 0, target: 1 }, { id: 'r2', source: 0, target: 1 }] });
    expect(() => buildGraph(d)).toThrow(NewsgraphError);
    expect(() => buildGraph(d)).toThrow(/"__proto__"/);
    expectPrototypeUntouched();
  });

  it('a graphology JSON node key "__proto__" is refused where it is, before the graph is built', async () => {
    const json = JSON.stringify({
      nodes: [{ key: 'b', attributes: { type: 'person' } }, { key: '__proto__', attributes: { type: 'person' } }],
      edges: [
        { key: 'e1', source: 'b', target: '__proto__', attributes: { type: 'met-with' } },
        { key: 'e2', source: 'b', target: '__proto__', attributes: { type: 'met-with' } },
      ],
    });
    const problems = await importProblems('graph.json', json);
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([['reserved-id', 'nodes[1] (key "__proto__")', '__proto__']]);
    expectPrototypeUntouched();
  });

  it('a graphology JSON edge key "constructor" likewise', async () => {
    const json = JSON.stringify({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ key: 'constructor', source: 'a', target: 'b', attributes: { type: 'met-with' } }] });
    expect((await importProblems('graph.json', json)).map((p) => [p.code, p.path])).toEqual([['reserved-id', 'edges[0] (key "constructor")']]);
  });

  it('a GEXF node id "__proto__" is refused, and nothing is polluted on the way', async () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes><node id="b" label="B"/><node id="__proto__" label="P"/></nodes>
    <edges><edge id="e1" source="b" target="__proto__" label="met-with"/><edge id="e2" source="b" target="__proto__" label="met-with"/></edges>
  </graph>
</gexf>`;
    const problems = await importProblems('graph.gexf', gexf);
    expect(problems.map((p) => p.code)).toEqual(['reserved-id']);
    expect(problems[0]!.value).toBe('__proto__');
    expectPrototypeUntouched();
  });

  it('a GraphML node id "constructor" likewise', async () => {
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="b"/><node id="constructor"/>
    <edge source="b" target="constructor"><data key="t">met-with</data></edge>
    <edge source="b" target="constructor"><data key="t">met-with</data></edge>
  </graph>
</graphml>`;
    const problems = await importProblems('graph.graphml', graphml);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['reserved-id', 'constructor']]);
    expectPrototypeUntouched();
  });
});

describe('other awkward names work and survive every format', () => {
  it('an id "prototype" (not a property of plain objects) is kept exactly', async () => {
    const d = dataset({ documentId: 'prototype', ids: ['prototype', 'b'], relations: [{ id: 'prototype', source: 1, target: 0 }] });
    const result = validateDataset(d);
    expect(problemsOf(result)).toEqual([]);
    for (const format of LOSSLESS_FORMATS) {
      const written = await writeFormat(d, format);
      expect((await readAnyWithWarnings(`file.${written.extension}`, writtenText(written))).dataset).toStrictEqual(d);
    }
  });

  it('attribute keys "__proto__" and "constructor" are kept, not dropped or refused', () => {
    const kept = attributes([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', 1],
      ['hasOwnProperty', null],
    ]);
    const d = dataset({ ids: ['a', 'b'], relations: [{ id: 'r', source: 0, target: 1, attributes: kept }], entityAttributes: [kept] });
    const result = validateDataset(d);
    expect(problemsOf(result)).toEqual([]);
    const back = result.ok ? result.dataset : d;
    expect(Object.keys(back.entities[0]!.attributes!)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(back.relations[0]!.attributes!, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(back.relations[0]!.attributes!)).toBe(Object.prototype);
    const fromText = checkDatasetJson('{"version":1,"documents":[],"entities":[{"id":"a","label":"A","type":"person","aliases":[],"mentions":[],"attributes":{"__proto__":{"polluted":true}}}],"relations":[]}');
    // An object value is refused as any attribute object is, and the refusal itself pollutes nothing.
    expect(problemsOf(fromText).map((p) => [p.code, p.path])).toEqual([['wrong-type', 'entities[0].attributes.__proto__']]);
    expectPrototypeUntouched();
  });

  it('foreign graph attributes named "__proto__" and "constructor" are kept in attributes', async () => {
    const json = '{"nodes":[{"key":"a","attributes":{"type":"person","__proto__":"p","constructor":"c"}},{"key":"b"}],"edges":[{"source":"a","target":"b","attributes":{"type":"met-with","__proto__":7}}]}';
    const { dataset: d } = await readAnyWithWarnings('graph.json', json);
    expect(Object.getOwnPropertyDescriptor(d.entities[0]!.attributes!, '__proto__')?.value).toBe('p');
    expect(d.entities[0]!.attributes!.constructor).toBe('c');
    expect(Object.getOwnPropertyDescriptor(d.relations[0]!.attributes!, '__proto__')?.value).toBe(7);
    expectPrototypeUntouched();
  });
});

describe('names a user types on the command line', () => {
  it('--map-type "__proto__=accused" maps an edge type literally named __proto__, and pollutes nothing', async () => {
    const { relationTypeMap } = await import('../../../src/cli/commands/import.ts');
    const map = relationTypeMap(['__proto__=accused', 'constructor=sanctioned']);
    expect(Object.keys(map).sort()).toEqual(['__proto__', 'constructor']);
    const json = '{"nodes":[{"key":"a","attributes":{"type":"person"}},{"key":"b","attributes":{"type":"country"}}],"edges":[{"source":"a","target":"b","attributes":{"type":"__proto__"}},{"source":"b","target":"a","attributes":{"type":"constructor"}}]}';
    const { dataset: d } = await readAnyWithWarnings('graph.json', json, { relationTypeMap: map });
    expect(d.relations.map((r) => r.type)).toEqual(['accused', 'sanctioned']);
    expectPrototypeUntouched();
  });
});

// ─── The property ────────────────────────────────────────────────────────────

const POOL = [...AWKWARD, 'plain', 'other'];
const attributeValue = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
const attributesArbitrary = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...AWKWARD, 'k'), attributeValue), { maxLength: 4, selector: ([key]) => key })
  .map((entries) => attributes(entries));
const optionalAttributes = fc.option(attributesArbitrary, { nil: undefined });

const awkwardDataset = fc
  .record({
    documentId: fc.constantFrom(...POOL),
    title: fc.option(fc.constantFrom(...AWKWARD), { nil: undefined }),
    entities: fc.uniqueArray(fc.record({ id: fc.constantFrom(...POOL), label: fc.constantFrom(...AWKWARD, 'Plain Name'), attributes: optionalAttributes }), {
      minLength: 2,
      maxLength: 4,
      selector: (e) => e.id,
    }),
    relations: fc.uniqueArray(fc.record({ id: fc.constantFrom(...POOL), source: fc.nat(), step: fc.nat(), attributes: optionalAttributes }), {
      minLength: 1,
      maxLength: 3,
      selector: (r) => r.id,
    }),
  })
  .map(({ documentId, title, entities, relations }) =>
    dataset({
      documentId,
      ids: entities.map((e) => e.id),
      labels: entities.map((e) => e.label),
      entityAttributes: entities.map((e) => e.attributes),
      relations: relations.map((r) => {
        const source = r.source % entities.length;
        return { id: r.id, source, target: (source + 1 + (r.step % (entities.length - 1))) % entities.length, ...(r.attributes ? { attributes: r.attributes } : {}) };
      }),
      ...(title !== undefined ? { title } : {}),
    }),
  );

function idsOf(d: Dataset): Array<[string, string]> {
  return [
    ...d.documents.map((x, i): [string, string] => [`documents[${i}].id`, x.id]),
    ...d.entities.map((x, i): [string, string] => [`entities[${i}].id`, x.id]),
    ...d.relations.map((x, i): [string, string] => [`relations[${i}].id`, x.id]),
  ];
}

describe('property: awkward ids, labels and keys through validate → buildGraph → every format → import → merge', () => {
  it('either refused with one reserved-id problem per refused id, or kept exactly; Object.prototype untouched throughout', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardDataset, async (d) => {
        const refused = idsOf(d).filter(([, id]) => REFUSED.has(id));
        const result = checkDatasetJson(JSON.stringify(d));
        expectPrototypeUntouched();
        if (refused.length > 0) {
          expect(problemsOf(result).map((p) => [p.code, p.path])).toEqual(refused.map(([path]) => ['reserved-id', path]));
          expect(problemsOf(validateDataset(d)).map((p) => p.path)).toEqual(refused.map(([path]) => path));
          // buildGraph holds entity and relation ids as keys (document ids only as values).
          if (refused.some(([path]) => !path.startsWith('documents'))) expect(() => buildGraph(d)).toThrow(NewsgraphError);
          mergeDatasets(d, d);
          expectPrototypeUntouched();
          return;
        }
        expect(problemsOf(result)).toEqual([]);
        const valid = result.ok ? result.dataset : d;
        expect(valid).toStrictEqual(d);
        const graph = buildGraph(valid);
        expect(graph.order).toBe(d.entities.length);
        expect(graph.size).toBe(d.relations.length);
        for (const format of [...LOSSLESS_FORMATS, 'csv'] as FormatId[]) {
          const written = await writeFormat(valid, format);
          const { dataset: back } = await readAnyWithWarnings(`file.${written.extension}`, writtenText(written));
          expectPrototypeUntouched();
          if (format !== 'csv') expect(back).toStrictEqual(d);
          expect(problemsOf(validateDataset(mergeDatasets(back, valid)))).toEqual([]);
        }
        // Merging a dataset into itself keeps every entity and attribute key as it was (parallel relations of one type fold into one).
        const merged = mergeDatasets(valid, valid);
        expect(problemsOf(validateDataset(merged))).toEqual([]);
        expect(merged.entities).toStrictEqual(d.entities);
        for (const relation of d.relations) {
          const kept = merged.relations.find((m) => m.id === relation.id)?.attributes ?? {};
          for (const [key, value] of Object.entries(relation.attributes ?? {})) expect(Object.getOwnPropertyDescriptor(kept, key)?.value).toBe(value);
        }
        expectPrototypeUntouched();
      }),
      { numRuns: 120 },
    );
  });
});
