import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAny, readAnyWithWarnings, writeFormat, writtenText } from '../../../src/graph/formats/index.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');
const entity = (d: Dataset, id: string) => d.entities.find((e) => e.id === id)!;
const relation = (d: Dataset, id: string) => d.relations.find((r) => r.id === id)!;

describe('a GEXF 1.3 file as Gephi 0.10 writes it', () => {
  it('imports nodes as entities and edges as relations, with no evidence', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('gephi-0.10.gexf', fixture('gephi-0.10.gexf'));
    expect(validateDataset(dataset).ok).toBe(true);
    expect(dataset.title).toBe('Sanctions & alliances, hand-curated in Gephi');
    expect(dataset.documents).toEqual([]);
    expect(dataset.entities.map((e) => [e.id, e.label, e.type])).toEqual([
      ['russia', 'Russia', 'country'],
      ['eu', 'European Union', 'organisation'],
      ['belarus', 'Belarus', 'country'],
      ['brics-2023', 'BRICS summit 2023', 'event'],
      ['putin', 'Vladimir Putin', 'person'],
    ]);
    expect(dataset.relations.every((r) => r.evidence.length === 0)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reads a liststring of aliases and keeps Gephi columns and viz data as attributes', async () => {
    const dataset = await readAny('gephi-0.10.gexf', fixture('gephi-0.10.gexf'));
    const russia = entity(dataset, 'russia');
    expect(russia.aliases).toEqual(['Moscow', 'the Kremlin']);
    expect(russia.attributes).toEqual({ modularity_class: 0, color: 'rgba(0,114,178,1.0)', size: 24, x: -120.5, y: 88.25, z: 0 });
  });

  it('maps type synonyms and registry phrases, keeping the original name', async () => {
    const dataset = await readAny('gephi-0.10.gexf', fixture('gephi-0.10.gexf'));
    expect(entity(dataset, 'eu').attributes?.originalType).toBe('Organization');
    expect(entity(dataset, 'brics-2023').attributes?.originalType).toBe('Summit');
    expect(relation(dataset, '0')).toMatchObject({ type: 'sanctioned', source: 'eu', target: 'russia', hedged: false });
    expect(relation(dataset, '0').attributes).toMatchObject({ label: 'sanctions', weight: 3 });
    expect(relation(dataset, '1')).toMatchObject({ type: 'allied-with', hedged: true, attributes: { originalType: 'ally', weight: 1 } });
    // The edge label "did not attend" is the registry's negated phrase for attended.
    expect(relation(dataset, '2')).toMatchObject({ type: 'attended', negated: true, attributes: { originalType: 'did not attend' } });
    expect(relation(dataset, '3').type).toBe('leader-of');
  });
});

describe('a GEXF 1.2 file as Gephi 0.9 writes it (numeric attribute ids)', () => {
  it('reads columns by their titles and says the untyped node has no type', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('old.gexf', fixture('gephi-0.9-numeric-ids.gexf'));
    expect(entity(dataset, '1')).toMatchObject({ label: 'Sergei Lavrov', type: 'person', attributes: { pagerank: 0.21 } });
    // Not guessed: the declared type "Unknown type", not "organisation".
    expect(entity(dataset, '3').type).toBe('unknown');
    expect(dataset.entityTypes).toEqual([{ id: 'unknown', label: 'Unknown type', color: '#A0A0A0' }]);
    expect(relation(dataset, '0')).toMatchObject({ type: 'met-with', source: '1', target: '2' });
    expect(relation(dataset, '1')).toMatchObject({ type: 'official-of', source: '3', target: '1' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('<node id="3"> (line 31)');
    expect(warnings[0]!.message).toBe('1 entity without a type: Unknown type');
  });
});

describe('a GraphML file as networkx writes it', () => {
  it('imports keys by attr.name, gives id-less edges stable ids, and keeps parallel edges', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('actors.graphml', fixture('networkx.graphml'));
    expect(dataset.title).toBe('Ukraine war actors & warrants');
    expect(dataset.entities.map((e) => [e.id, e.label, e.type])).toEqual([
      ['ICC', 'International Criminal Court', 'organisation'],
      ['Putin', 'Vladimir Putin', 'person'],
      ['Ukraine', 'Ukraine', 'country'],
      ['Russia', 'Russia', 'country'],
      ['Armenia', 'Armenia', 'unknown'],
    ]);
    // spaCy-style labels are mapped, the original kept.
    expect(entity(dataset, 'ICC').attributes).toEqual({ mentions: 2, originalType: 'ORG' });
    expect(dataset.relations.map((r) => [r.id, r.type, r.source, r.target])).toEqual([
      ['e0', 'issued-warrant', 'ICC', 'Putin'],
      ['e1', 'attacked', 'Russia', 'Ukraine'],
      ['e2', 'abducted-from', 'Russia', 'Ukraine'],
      ['e3', 'threatened-arrest', 'Armenia', 'Putin'],
    ]);
    // networkx writes Python booleans ("False").
    expect(relation(dataset, 'e3').negated).toBe(false);
    expect(warnings.map((w) => w.path)).toEqual(['<node id="Armenia"> (line 29)']);
  });

  it('keeps a relation name it does not know as the dataset\'s own type, and maps it when asked', async () => {
    const text = fixture('networkx.graphml').replace('<data key="d4">attacked</data>', '<data key="d4">trade partner</data>');
    const { dataset: kept, types } = await readAnyWithWarnings('actors.graphml', text);
    expect(relation(kept, 'e1')).toMatchObject({ type: 'trade-partner', attributes: { weight: 3 } });
    expect(relation(kept, 'e1').attributes?.originalType).toBeUndefined();
    // The file's edges are undirected (edgedefault="undirected"), so the kept type is symmetric.
    expect(kept.relationTypes).toEqual([{ id: 'trade-partner', label: 'trade partner', directed: false }]);
    expect(types?.relations.find((row) => row.name === 'trade partner')).toEqual({ name: 'trade partner', count: 1, choice: 'keep', type: 'trade-partner', automatic: false });

    const dataset = await readAny('actors.graphml', text, { relationTypeMap: { 'Trade Partner': 'seeks-ties-with' } });
    expect(relation(dataset, 'e1')).toMatchObject({ type: 'seeks-ties-with', attributes: { originalType: 'trade partner', weight: 3 } });
    expect(dataset.relationTypes).toBeUndefined();
  });

  it('gives edges with no type at all the declared type related-to, or the catch-all mapping', async () => {
    const text = fixture('networkx.graphml').replace('<data key="d4">issued_warrant</data>', '');
    const untyped = await readAny('a.graphml', text);
    expect(relation(untyped, 'e0')).toMatchObject({ type: 'related-to', attributes: { weight: 1 } });
    expect(untyped.relationTypes).toEqual([{ id: 'related-to', label: 'related to', directed: false }]);
    const dataset = await readAny('a.graphml', text, { relationTypeMap: { '*': 'accused' } });
    expect(relation(dataset, 'e0').type).toBe('accused');
    expect(relation(dataset, 'e0').attributes?.originalType).toBeUndefined();
  });
});

describe('a GraphML file as yEd writes it', () => {
  it('takes labels from the yEd graphics, key defaults as values, and ignores port keys', async () => {
    const dataset = await readAny('drawing.graphml', fixture('yed.graphml'));
    expect(dataset.entities).toEqual([
      { id: 'n0', label: 'Austria', type: 'country', aliases: [], mentions: [] },
      { id: 'n1', label: 'Vladimir Putin', type: 'person', aliases: [], mentions: [] },
    ]);
    expect(dataset.relations).toEqual([
      {
        id: 'e0',
        type: 'threatened-arrest',
        source: 'n0',
        target: 'n1',
        evidence: [],
        // "would arrest" is the built-in type's own phrase: nothing to keep as originalType.
        attributes: { description: 'Austria said it would arrest him' },
      },
    ]);
  });
});

describe('a CSV of triples as Excel saves it (BOM, CRLF, quoted fields, a two-line cell)', () => {
  it('imports every row, reads TRUE/FALSE, and maps header and type synonyms', async () => {
    const { dataset, warnings } = await readAnyWithWarnings('triples.csv', fixture('spreadsheet-excel.csv'));
    expect(validateDataset(dataset).ok).toBe(true);
    expect(warnings).toEqual([]);
    expect(dataset.relations.map((r) => [r.type, r.source, r.target, r.hedged, r.negated])).toEqual([
      ['sanctioned', 'european-union', 'russia', false, undefined],
      ['accused', 'zelensky', 'russia', true, undefined],
      ['allied-with', 'russia', 'belarus', undefined, undefined],
      ['attended', 'vladimir-putin', 'brics-summit', undefined, true],
      ['threatened-arrest', 'austria', 'putin', undefined, undefined],
    ]);
  });

  it('turns the quoted sentences into documents the evidence points into, names found as mentions', async () => {
    const dataset = await readAny('triples.csv', fixture('spreadsheet-excel.csv'));
    const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
    const quoted = (id: number) => {
      const e = dataset.relations[id]!.evidence[0]!;
      return texts.get(e.document)!.slice(e.start, e.end);
    };
    expect(quoted(1)).toBe('Zelensky accused Russia of "weaponizing" grain, a claim Moscow denies.');
    expect(quoted(2)).toBe('Russia and Belarus reaffirmed their alliance.\nBelarus hosted Russian troops.');
    expect(dataset.relations[4]!.evidence).toEqual([]);
    const zelensky = entity(dataset, 'zelensky');
    expect(zelensky.mentions.map((m) => texts.get(m.document)!.slice(m.start, m.end))).toEqual(['Zelensky']);
  });

  it('reads a semicolon-separated file (spreadsheets in comma-decimal locales)', async () => {
    const text = 'source;type;target;evidence\r\nRussia;attacked;Ukraine;"Russia attacked Ukraine; again."\r\n';
    const dataset = await readAny('de.csv', text);
    expect(dataset.relations[0]).toMatchObject({ type: 'attacked', source: 'russia', target: 'ukraine' });
    expect(dataset.documents[0]).toMatchObject({ id: 'de', text: 'Russia attacked Ukraine; again.' });
  });

  it('notes evidence whose sentence does not name an end as written', async () => {
    const text = 'source,type,target,evidence\nRussia,attacked,Ukraine,"Moscow attacked Kyiv."\n';
    const dataset = await readAny('notes.csv', text);
    expect(dataset.relations[0]!.evidence[0]!.note).toBe('imported from CSV; the sentence does not name "Russia" or "Ukraine" as written');
  });

  it('finds a name written in another case and records that form as an alias', async () => {
    const dataset = await readAny('case.csv', 'source,type,target,evidence\nRussia,attacked,Ukraine,"RUSSIA attacked Ukraine."\n');
    expect(entity(dataset, 'russia').aliases).toEqual(['RUSSIA']);
    expect(dataset.relations[0]!.evidence[0]!.note).toBeUndefined();
  });
});

describe('files from elsewhere survive a second trip through newsgraph', () => {
  it.each([
    ['gephi-0.10.gexf', 'gexf'],
    ['networkx.graphml', 'graphml'],
    ['spreadsheet-excel.csv', 'json'],
  ] as const)('%s → dataset → %s → dataset is unchanged', async (name, format) => {
    const imported = await readAny(name, fixture(name));
    const written = await writeFormat(imported, format);
    expect(await readAny(`again.${written.extension}`, writtenText(written))).toStrictEqual(imported);
  });
});
