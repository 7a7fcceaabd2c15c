/**
 * Entity identity (issue 15): Wikidata ids on gazetteer entities, in every
 * format and the corpus store; spelling variants of one person as one
 * entity, in an article, across articles and in a merge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticles, extractDataset } from '../../src/extract/index.ts';
import { gazetteerEntries } from '../../src/extract/gazetteer/index.ts';
import { WIKIDATA_TABLE } from '../../src/extract/gazetteer/wikidata.ts';
import { readAnyWithWarnings, writeFormat, writtenText, type FormatId } from '../../src/graph/formats/index.ts';
import { assertValidDataset, isWikidataId, validateDataset, wikidataUrl, type Dataset, type Entity } from '../../src/model/index.ts';
import { joinedNames, mergeDatasetsWithReport } from '../../src/model/merge.ts';
import { wellFormedEntity } from '../../src/model/wellFormed.ts';
import { openNew, tempFolder, validAnswer } from './store/corpusFixtures.ts';

const seed = assertValidDataset(JSON.parse(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8')), 'seed');

const entity = (d: Dataset, label: string): Entity | undefined => d.entities.find((e) => e.label === label);

describe('the wikidata field', () => {
  it('accepts Q and digits only', () => {
    expect(isWikidataId('Q159')).toBe(true);
    for (const bad of ['q159', 'Q', 'Q0', 'Q012', 'P31', 'Q159 ', 'https://www.wikidata.org/wiki/Q159', 159]) expect(isWikidataId(bad)).toBe(false);
    expect(wikidataUrl('Q159')).toBe('https://www.wikidata.org/wiki/Q159');
  });

  it('is validated by the schema and by the fast path alike', () => {
    const withId = { ...seed, entities: seed.entities.map((e, i) => (i === 0 ? { ...e, wikidata: 'Q159' } : e)) };
    expect(validateDataset(withId).ok).toBe(true);
    const wrong = { ...seed, entities: seed.entities.map((e, i) => (i === 0 ? { ...e, wikidata: 'Russia' } : e)) };
    const result = validateDataset(wrong);
    expect(result.ok).toBe(false);
    expect(wellFormedEntity({ ...seed.entities[0], wikidata: 'Russia' })).toBeUndefined();
    expect(wellFormedEntity({ ...seed.entities[0], wikidata: 'Q159' })?.wikidata).toBe('Q159');
  });
});

describe('gazetteer Wikidata ids', () => {
  it('names only gazetteer labels, each once, each a well-formed id', () => {
    const labels = new Set(gazetteerEntries().map((e) => e.label));
    const seen = new Set<string>();
    for (const line of WIKIDATA_TABLE.split('\n').filter((l) => l.includes('|'))) {
      const [label, id] = line.split('|').map((c) => c.trim());
      expect(labels.has(label!), label).toBe(true);
      expect(isWikidataId(id), line).toBe(true);
      expect(seen.has(label!), label).toBe(false);
      seen.add(label!);
    }
    // Ids are unique: two entries never share an item.
    const ids = gazetteerEntries().flatMap((e) => (e.wikidata ? [e.wikidata] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the extractor puts them on countries, organisations and courts', () => {
    const d = extractDataset('Russia accused Ukraine of shelling. The International Criminal Court issued a warrant for Vladimir Putin. NATO condemned Moscow.', { minMentions: 1 });
    expect(entity(d, 'Russia')?.wikidata).toBe('Q159');
    expect(entity(d, 'Ukraine')?.wikidata).toBe('Q212');
    expect(entity(d, 'International Criminal Court')?.wikidata).toBe('Q47488');
    expect(entity(d, 'NATO')?.wikidata).toBe('Q7184');
    expect(entity(d, 'Vladimir Putin')?.wikidata).toBe('Q7747');
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('office-holders’ Wikidata ids', () => {
  it('are found by full name in any spelling the name key folds, never by a surname alone', () => {
    const d = extractDataset('Turkish President Recep Tayyip Erdogan met Vladimir Putin and Volodymyr Zelenskyy. Putin left.', { minMentions: 1 });
    expect(entity(d, 'Recep Tayyip Erdogan')?.wikidata).toBe('Q39259');
    expect(entity(d, 'Vladimir Putin')?.wikidata).toBe('Q7747');
    expect(entity(d, 'Volodymyr Zelenskyy')?.wikidata).toBe('Q3874799');
    const alone = extractDataset('Putin said Russia would respond, Putin added.', { minMentions: 1 });
    expect(alone.entities.filter((e) => e.type === 'person').every((e) => e.wikidata === undefined)).toBe(true);
  });

  it('give every spelling of the person one id ("Volodymyr Zelenskyy" → volodymyr-zelensky)', () => {
    const d = extractDataset('President Volodymyr Zelenskyy asked for air defence. Zelenskyy said Russia attacked Ukraine.', { minMentions: 1 });
    const zelensky = d.entities.find((e) => e.type === 'person')!;
    expect(zelensky).toMatchObject({ id: 'volodymyr-zelensky', label: 'Volodymyr Zelenskyy', wikidata: 'Q3874799' });
  });

  it('a different person with a near name gets none', () => {
    const d = extractDataset('Volodymyr Putin, a farmer, said the harvest was poor.', { minMentions: 1 });
    expect(d.entities.every((e) => e.wikidata === undefined || e.type !== 'person')).toBe(true);
  });
});

describe('every format carries the wikidata field', () => {
  const dataset = (): Dataset => ({ ...seed, entities: seed.entities.map((e) => (e.id === 'russia' ? { ...e, wikidata: 'Q159' } : e)) });

  it.each(['gexf', 'graphml', 'json', 'dataset'] as FormatId[])('through %s', async (format) => {
    const written = await writeFormat(dataset(), format);
    const { dataset: back, warnings } = await readAnyWithWarnings(`x.${written.extension}`, writtenText(written));
    expect(back).toStrictEqual(dataset());
    expect(warnings).toEqual([]);
  });

  it('through CSV, as source_wikidata and target_wikidata', async () => {
    const written = await writeFormat(dataset(), 'csv');
    const text = writtenText(written);
    expect(text.split('\r\n')[0]!.endsWith(',source_wikidata,target_wikidata')).toBe(true);
    const { dataset: back } = await readAnyWithWarnings('x.csv', text);
    expect(back.entities.find((e) => e.id === 'russia')?.wikidata).toBe('Q159');
  });

  it('another tool’s GraphML node attribute "wikidata" is read when it is an item id', async () => {
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="t" for="node" attr.name="type" attr.type="string"/><key id="w" for="node" attr.name="wikidata" attr.type="string"/><key id="r" for="edge" attr.name="type" attr.type="string"/>
<graph edgedefault="directed"><node id="a"><data key="t">country</data><data key="w">Q159</data></node><node id="b"><data key="t">country</data><data key="w">not an id</data></node>
<edge source="a" target="b"><data key="r">accused</data></edge></graph></graphml>`;
    const { dataset: back } = await readAnyWithWarnings('x.graphml', graphml);
    expect(back.entities.find((e) => e.id === 'a')?.wikidata).toBe('Q159');
    expect(back.entities.find((e) => e.id === 'b')?.wikidata).toBeUndefined();
  });
});

describe('spelling variants of one person are one entity', () => {
  it('in one article: the first full form is the label, the others aliases', () => {
    const d = extractDataset('President Volodymyr Zelensky met Emmanuel Macron in Paris. Zelenskyy said Russia attacked Ukraine. Zelenskiy later left.', { minMentions: 1 });
    const people = d.entities.filter((e) => e.type === 'person');
    expect(people.map((p) => p.label).sort()).toEqual(['Emmanuel Macron', 'Volodymyr Zelensky']);
    expect(entity(d, 'Volodymyr Zelensky')!.aliases).toEqual(expect.arrayContaining(['Zelenskyy', 'Zelenskiy']));
  });

  it('diacritics folded: Erdoğan and Erdogan', () => {
    const d = extractDataset('Turkish President Recep Tayyip Erdoğan met Vladimir Putin. Erdogan said the talks went well.', { minMentions: 1 });
    expect(d.entities.filter((e) => e.type === 'person').map((p) => p.label).sort()).toEqual(['Recep Tayyip Erdoğan', 'Vladimir Putin']);
  });

  it('across the articles of one extraction', () => {
    const d = extractArticles([
      { title: 'a', text: 'President Volodymyr Zelensky met Emmanuel Macron in Paris.' },
      { title: 'b', text: 'President Volodymyr Zelenskyy said Russia attacked Ukraine.' },
    ], { minMentions: 1 });
    const zelensky = d.entities.filter((e) => e.type === 'person' && /zelensk/i.test(e.label));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0]!.aliases).toContain('Volodymyr Zelenskyy');
  });

  it('in a merged corpus, and the report names the names it joined', () => {
    const a = extractDataset('Defence Minister Oleksiy Reznikov met Lloyd Austin in Brussels.', { title: 'a', minMentions: 1 });
    const b = extractDataset('Defence Minister Oleksii Reznikov said Russia attacked Ukraine.', { title: 'b', minMentions: 1 });
    const { dataset, report } = mergeDatasetsWithReport(a, b);
    expect(dataset.entities.filter((e) => e.type === 'person' && /reznikov/i.test(e.label))).toHaveLength(1);
    expect(report.mergedEntities).toContainEqual({ from: 'oleksii-reznikov', into: 'oleksiy-reznikov', by: 'name-variant', fromLabel: 'Oleksii Reznikov', intoLabel: 'Oleksiy Reznikov' });
    expect(joinedNames(report)).toEqual(['joined Oleksiy Reznikov and Oleksii Reznikov']);
    expect(validateDataset(dataset).ok).toBe(true);
  });

  it('the issue’s example: Zelensky and Zelenskyy merged are one person, by their Wikidata id', () => {
    const a = extractDataset('President Volodymyr Zelensky met Emmanuel Macron in Paris.', { title: 'a', minMentions: 1 });
    const b = extractDataset('President Volodymyr Zelenskyy said Russia attacked Ukraine.', { title: 'b', minMentions: 1 });
    const { dataset, report } = mergeDatasetsWithReport(a, b);
    expect(dataset.entities.filter((e) => e.type === 'person' && /zelensk/i.test(e.label))).toHaveLength(1);
    expect(joinedNames(report)).toEqual(['joined Volodymyr Zelensky and Volodymyr Zelenskyy']);
  });

  it('a lone surname variant joins the person whose alias it spells', () => {
    const first: Dataset = { version: 1, documents: [], entities: [{ id: 'vz', label: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky'], mentions: [] }], relations: [] };
    const second: Dataset = { version: 1, documents: [], entities: [{ id: 'z', label: 'Zelenskyy', type: 'person', aliases: [], mentions: [] }], relations: [] };
    const { report } = mergeDatasetsWithReport(first, second);
    expect(report.mergedEntities).toEqual([{ from: 'z', into: 'vz', by: 'name-variant', fromLabel: 'Zelenskyy', intoLabel: 'Volodymyr Zelensky' }]);
  });

  it('different people stay apart in a merge', () => {
    const one: Dataset = { version: 1, documents: [], entities: [{ id: 'vp', label: 'Vladimir Putin', type: 'person', aliases: [], mentions: [] }, { id: 'kju', label: 'Kim Jong Un', type: 'person', aliases: [], mentions: [] }], relations: [] };
    const two: Dataset = { version: 1, documents: [], entities: [{ id: 'volp', label: 'Volodymyr Putin', type: 'person', aliases: [], mentions: [] }, { id: 'kji', label: 'Kim Jong Il', type: 'person', aliases: [], mentions: [] }], relations: [] };
    const { dataset, report } = mergeDatasetsWithReport(one, two);
    expect(report.mergedEntities).toEqual([]);
    expect(dataset.entities).toHaveLength(4);
  });
});

describe('merge identity order: wikidata, id, name key, shared name', () => {
  const base = (entities: Entity[]): Dataset => ({ version: 1, documents: [], entities, relations: [] });

  it('the same Wikidata id joins different names and ids', () => {
    const { report, dataset } = mergeDatasetsWithReport(
      base([{ id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [], wikidata: 'Q159' }]),
      base([{ id: 'rf', label: 'Russian Federation', type: 'country', aliases: [], mentions: [], wikidata: 'Q159' }]),
    );
    expect(report.mergedEntities).toEqual([{ from: 'rf', into: 'russia', by: 'wikidata', fromLabel: 'Russian Federation', intoLabel: 'Russia' }]);
    expect(dataset.entities).toHaveLength(1);
    expect(joinedNames(report)).toEqual(['joined Russia and Russian Federation']);
  });

  it('different Wikidata ids never merge, even with the same id and name', () => {
    const { report, dataset } = mergeDatasetsWithReport(
      base([{ id: 'georgia', label: 'Georgia', type: 'place', aliases: [], mentions: [], wikidata: 'Q1428' }]),
      base([{ id: 'georgia', label: 'Georgia', type: 'place', aliases: [], mentions: [], wikidata: 'Q230' }]),
    );
    expect(report.mergedEntities).toEqual([]);
    expect(dataset.entities.map((e) => e.wikidata)).toEqual(['Q1428', 'Q230']);
  });

  it('the addition’s Wikidata id fills a gap', () => {
    const { dataset } = mergeDatasetsWithReport(
      base([{ id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [] }]),
      base([{ id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [], wikidata: 'Q159' }]),
    );
    expect(dataset.entities[0]!.wikidata).toBe('Q159');
  });
});

describe('the corpus store keeps the wikidata field', () => {
  const path = tempFolder();

  it('among the entity’s external ids, given back on the entity', async () => {
    const store = openNew(path());
    try {
      const d = extractDataset('Russia accused Ukraine of shelling. Russia denied it.', { title: 'a' });
      await store.addDataset(d);
      const answer = validAnswer(await store.overview(10));
      expect(answer.entities.find((e) => e.id === 'russia')?.wikidata).toBe('Q159');
      expect(answer.entities.find((e) => e.id === 'ukraine')?.wikidata).toBe('Q212');
    } finally {
      await store.close();
    }
  });
});
