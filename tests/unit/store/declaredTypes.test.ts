/**
 * A dataset's own types in the corpus (issue #16): relation and entity types
 * a dataset declares are kept in the corpus file (migration 3), come back
 * with every answer that names them (label, direction, colour), order the
 * ends of a declared symmetric relation, and survive closing and reopening;
 * the first declaration of an id wins, and a later one giving the other
 * direction (or the other kind) is never merged into it: it goes in under an
 * id of its own, with a note naming the input. A version-2 corpus file
 * upgrades.
 * All on real SQLite files.
 */

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.ts';
import { SearchResponseSchema, SubgraphQuerySchema, TimelineResponseSchema, CorpusInfoSchema } from '../../../src/model/corpusApi.ts';
import {
  BUILT_IN_RELATION_TYPE_IDS,
  typeCatalog,
  type Dataset,
  type EntityTypeDeclaration,
  type RelationTypeDeclaration,
} from '../../../src/model/index.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../src/store/sqlite/migrations.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, testCorpora } from './backends.ts';
import { article, openNew, RUSSIA, smallCorpus, tempFolder, UKRAINE, validAnswer, type EntitySpec } from './corpusFixtures.ts';

const newPath = tempFolder();

const DRONES: RelationTypeDeclaration = { id: 'supplies-drones-to', label: 'supplies drones to', negatedLabel: 'supplies no drones to', directed: true, description: 'As the spreadsheet says.' };
const RELATED: RelationTypeDeclaration = { id: 'related-to', label: 'related to', directed: false };
const MILITIA: EntityTypeDeclaration = { id: 'militia', label: 'Militia', color: '#123456' };
const IRAN: EntitySpec = { label: 'Iran', type: 'country' };
const WAGNER: EntitySpec = { label: 'Wagner Group', type: 'militia', aliases: ['Wagner'] };

/** An article that uses all three declared types; `reversed` states the symmetric relation the other way round. */
function drones(id: string, options: { reversed?: boolean; relationTypes?: RelationTypeDeclaration[]; published?: string } = {}): Dataset {
  const related = options.reversed ? { type: 'related-to', source: 'Russia', target: 'Wagner Group' } : { type: 'related-to', source: 'Wagner Group', target: 'Russia' };
  return article({
    id,
    published: options.published ?? '2023-10-02',
    source: 'Courier',
    relationTypes: options.relationTypes ?? [DRONES, RELATED],
    entityTypes: [MILITIA],
    entities: [IRAN, RUSSIA, WAGNER],
    sentences: [
      { text: `Iran supplied drones to Russia, the ${id} report said.`, relations: [{ type: 'supplies-drones-to', source: 'Iran', target: 'Russia' }] },
      { text: `The Wagner Group fought for Russia, the ${id} report added.`, relations: [related] },
    ],
  });
}

const q = (values: Record<string, string>) => SubgraphQuerySchema.parse(values);

describe.each(BACKENDS)('declared types in the corpus (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('stores the declarations as given and sends them with every answer that names the types', async () => {
    const c = await corpus();
    const { store } = c;
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    await store.addDataset(drones('first'));

    const rows = await c.rows('SELECT id, label, negated_label, directed, color, description FROM relation_types ORDER BY pk');
    expect(rows).toEqual([
      { id: 'supplies-drones-to', label: 'supplies drones to', negated_label: 'supplies no drones to', directed: 1, color: null, description: 'As the spreadsheet says.' },
      { id: 'related-to', label: 'related to', negated_label: null, directed: 0, color: null, description: null },
    ]);
    expect(await c.rows('SELECT id, label, color, description FROM entity_types')).toEqual([{ id: 'militia', label: 'Militia', color: '#123456', description: null }]);

    const answer = validAnswer(await store.subgraph(q({ entity: 'Russia' })));
    const catalog = typeCatalog(answer);
    expect(new Set(answer.relations.map((r) => r.type))).toEqual(new Set(['supplies-drones-to', 'related-to', 'leader-of', 'sanctioned']));
    expect(catalog.relation('supplies-drones-to')).toMatchObject({ builtIn: false, label: 'supplies drones to', negatedLabel: 'supplies no drones to', directed: true, description: 'As the spreadsheet says.' });
    expect(catalog.relation('related-to')).toMatchObject({ builtIn: false, label: 'related to', directed: false });
    expect(catalog.entity('militia')).toMatchObject({ builtIn: false, label: 'Militia', color: '#123456' });
    // Only what the answer names: built-in types are never declared.
    expect(answer.relationTypes!.map((d) => d.id)).toEqual(['supplies-drones-to', 'related-to']);
    expect(answer.entityTypes!.map((d) => d.id)).toEqual(['militia']);
    // An answer without declared types carries no declarations.
    const ukraine = validAnswer(await store.subgraph(q({ entity: 'Ukraine' })));
    expect(ukraine.relations.length).toBeGreaterThan(0);
    expect(ukraine.relationTypes).toBeUndefined();
    expect(ukraine.entityTypes).toBeUndefined();

    // The `types` filter takes a declared id.
    const only = validAnswer(await store.subgraph(q({ entity: 'Russia', types: 'supplies-drones-to' })));
    expect(only.relations.map((r) => [r.type, r.source, r.target])).toEqual([['supplies-drones-to', 'iran', 'russia']]);
    expect(only.relationTypes).toEqual([{ ...DRONES, color: typeCatalog({ relationTypes: [DRONES, RELATED] }).relation('supplies-drones-to').color }]);

    // Evidence, an article, the overview and search carry them too.
    const relation = answer.relations.find((r) => r.type === 'related-to')!;
    expect(validAnswer(await store.evidence([relation.id])).relationTypes!.map((d) => d.id)).toEqual(['related-to']);
    expect(validAnswer((await store.document('first'))!).entityTypes).toEqual([MILITIA]);
    expect(validAnswer(await store.overview(50)).relationTypes!.map((d) => d.id)).toEqual(['supplies-drones-to', 'related-to']);
    const search = SearchResponseSchema.parse(await store.search('Wagner', 10));
    expect(search.entities.map((e) => [e.label, e.type])).toEqual([['Wagner Group', 'militia']]);
    expect(search.evidence.map((e) => e.type)).toEqual(['related-to']);
    expect(search.entityTypes).toEqual([MILITIA]);
    expect(search.relationTypes!.map((d) => d.id)).toEqual(['related-to']);
    expect(SearchResponseSchema.parse(await store.search('Zelensky', 10)).relationTypes).toBeUndefined();
    await store.close();
  });

  it('orders the ends of a declared symmetric type, so the same relation stated either way is one', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first'));
    const second = await store.addDataset(drones('second', { reversed: true }));
    expect(second.relationsAdded).toBe(0);
    const relations = await c.rows("SELECT type, sentence_count FROM relations WHERE type = 'related-to'");
    expect(relations).toEqual([{ type: 'related-to', sentence_count: 2 }]);
    // A directed declared type keeps both directions apart.
    const back = article({
      id: 'back',
      relationTypes: [DRONES],
      entities: [IRAN, RUSSIA],
      sentences: [{ text: 'Russia supplied drones to Iran later.', relations: [{ type: 'supplies-drones-to', source: 'Russia', target: 'Iran' }] }],
    });
    expect((await store.addDataset(back)).relationsAdded).toBe(1);
    await store.close();
  });

  it('colours an uncoloured declared type alike in every answer, as the whole corpus’s catalog does', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first'));
    const all = typeCatalog({ relationTypes: [DRONES, RELATED] });
    const both = validAnswer(await store.subgraph(q({ entity: 'Russia' })));
    const relatedOnly = validAnswer(await store.subgraph(q({ entity: 'Wagner Group' })));
    expect(relatedOnly.relationTypes!.map((d) => d.id)).toEqual(['related-to']);
    // Alone in an answer, related-to would get the first palette colour; it keeps its corpus-wide one.
    expect(typeCatalog(relatedOnly).relation('related-to').color).toBe(all.relation('related-to').color);
    expect(typeCatalog(both).relation('related-to').color).toBe(all.relation('related-to').color);
    expect(all.relation('related-to').color).not.toBe(all.relation('supplies-drones-to').color);
    await store.close();
  });

  it('keeps the declarations when the corpus file is closed and opened again', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first'));
    await store.close();
    const again = await c.reopen();
    const declared = await again.declaredTypes();
    expect(declared.relationTypes.map(({ color: _color, ...d }) => d)).toEqual([DRONES, RELATED]);
    expect(declared.entityTypes).toEqual([MILITIA]);
    const info = CorpusInfoSchema.parse(await again.info());
    expect(info.relationTypes).toEqual(declared.relationTypes);
    expect(info.entityTypes).toEqual([MILITIA]);
    const answer = validAnswer(await again.subgraph(q({ entity: 'Iran' })));
    expect(typeCatalog(answer).relation('supplies-drones-to')).toMatchObject({ label: 'supplies drones to', directed: true });
    await again.close();
  });

  it('lists built-in then declared types in the timeline, with the declarations', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first', { published: '2023-10-02' }));
    await store.addDataset(drones('second', { published: '2023-10-20', reversed: true }));
    const timeline = TimelineResponseSchema.parse(await store.timeline('month'));
    expect(timeline.types).toEqual([...BUILT_IN_RELATION_TYPE_IDS, 'supplies-drones-to', 'related-to']);
    expect(timeline.relationTypes!.map((d) => d.id)).toEqual(['supplies-drones-to', 'related-to']);
    expect(timeline.starts).toEqual(['2023-10-01']);
    const at = (type: string) => timeline.counts[0]![timeline.types.indexOf(type)];
    expect([at('supplies-drones-to'), at('related-to'), at('sanctioned')]).toEqual([1, 1, 0]);
    await store.close();
  });

  it('keeps the first declaration of an id, and says when a later one words it otherwise', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first'));
    const same = await store.addDataset(drones('same'));
    expect(same.notes).toBeUndefined();
    const renamed = await store.addDataset(drones('renamed', { relationTypes: [{ ...DRONES, label: 'sends drones to', color: '#abcdef' }, RELATED] }));
    expect(renamed.documentsAdded).toBe(1);
    expect(renamed.notes).toEqual([`relation type "supplies drones to" ("supplies-drones-to") keeps ${store.name}'s first declaration; this input words or colours it otherwise`]);
    expect(await c.row("SELECT label, color FROM relation_types WHERE id = 'supplies-drones-to'")).toEqual({ label: 'supplies drones to', color: null });
    await store.close();
  });

  it('gives a type declared with the other direction a corpus id of its own, never merging it, and says so', async () => {
    const c = await corpus();
    const { store } = c;
    const name = store.name;
    await store.addDataset(drones('first'));

    const flipped = await store.addDataset(drones('flipped', { relationTypes: [{ ...DRONES, directed: false }, RELATED] }));
    expect(flipped.documentsAdded).toBe(1);
    expect(flipped.notes).toEqual([
      `relation type "supplies drones to" ("supplies-drones-to") is symmetric here but directed in ${name} (declared so by an earlier input), so this input's 1 relation of it went in as "supplies drones to (symmetric)" ("supplies-drones-to-2"), a type of its own`,
    ]);
    expect(await c.rows('SELECT id, label, directed FROM relation_types ORDER BY pk')).toEqual([
      { id: 'supplies-drones-to', label: 'supplies drones to', directed: 1 },
      { id: 'related-to', label: 'related to', directed: 0 },
      { id: 'supplies-drones-to-2', label: 'supplies drones to (symmetric)', directed: 0 },
    ]);
    expect(await c.rows('SELECT type, count(*) AS n FROM relations GROUP BY type ORDER BY type')).toEqual([
      { type: 'related-to', n: 1 },
      { type: 'supplies-drones-to', n: 1 },
      { type: 'supplies-drones-to-2', n: 1 },
    ]);
    const answer = validAnswer(await store.subgraph(q({ entity: 'Iran' })));
    const catalog = typeCatalog(answer);
    expect(answer.relations.map((r) => r.type).sort()).toEqual(['supplies-drones-to', 'supplies-drones-to-2']);
    expect(catalog.relation('supplies-drones-to')).toMatchObject({ label: 'supplies drones to', directed: true });
    expect(catalog.relation('supplies-drones-to-2')).toMatchObject({ label: 'supplies drones to (symmetric)', directed: false });
    expect(catalog.relation('supplies-drones-to-2').color).not.toBe(catalog.relation('supplies-drones-to').color);

    // The same input again finds the same id: nothing new.
    const again = await store.addDataset(drones('again', { relationTypes: [{ ...DRONES, directed: false }, RELATED] }));
    expect(again.relationsAdded).toBe(0);
    expect(again.notes).toEqual([expect.stringContaining('went in as "supplies drones to (symmetric)" ("supplies-drones-to-2")')]);
    expect(await c.row("SELECT sentence_count FROM relations WHERE type = 'supplies-drones-to-2'")).toEqual({ sentence_count: 2 });

    // An id the dataset declares itself is never taken for another of its types (and this one, held symmetric, is renamed in turn).
    const crowded = await store.addDataset(
      drones('crowded', { relationTypes: [{ ...DRONES, directed: false }, { id: 'supplies-drones-to-2', label: 'flies drones to', directed: true }, RELATED] }),
    );
    expect(crowded.notes).toEqual([
      expect.stringContaining(`so this input's 1 relation of it went in as "supplies drones to (symmetric)" ("supplies-drones-to-3")`),
      `relation type "flies drones to" ("supplies-drones-to-2") is directed here but symmetric in ${name} (declared so by an earlier input), so it went in as "flies drones to (directed)" ("supplies-drones-to-2-2"), a type of its own`,
    ]);
    expect(await c.row("SELECT count(*) AS n FROM relations WHERE type = 'supplies-drones-to-3'")).toEqual({ n: 1 });
    await store.close();
  });

  it('gives an entity type whose id the corpus holds as a relation type an id of its own', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(drones('first'));
    const kinds = article({
      id: 'kinds',
      entityTypes: [{ id: 'related-to', label: 'Relatives' }],
      entities: [{ label: 'The Cousins', type: 'related-to' }, RUSSIA],
      sentences: [{ text: 'The Cousins sanctioned Russia.', relations: [{ type: 'sanctioned', source: 'The Cousins', target: 'Russia' }] }],
    });
    const report = await store.addDataset(kinds);
    expect(report.notes).toEqual([
      `entity type "Relatives" ("related-to") is an id ${store.name} holds as a relation type (declared so by an earlier input), so this input's 1 entity of it went in as type "related-to-2"`,
    ]);
    // One answer naming both: still a valid dataset, each id declared once.
    const answer = validAnswer(await store.subgraph(q({ entity: 'Russia' })));
    expect(answer.entities.find((e) => e.label === 'The Cousins')!.type).toBe('related-to-2');
    expect(typeCatalog(answer).entity('related-to-2')).toMatchObject({ label: 'Relatives', builtIn: false });
    expect(typeCatalog(answer).relation('related-to')).toMatchObject({ label: 'related to', directed: false });
    await store.close();
  });

  it('ingest adds an input whose type is declared with the other direction, with a note naming it', async () => {
    const c = await corpus();
    const folder = dirname(newPath());
    const write = (name: string, dataset: Dataset) => {
      const file = join(folder, name);
      writeFileSync(file, JSON.stringify(dataset));
      return file;
    };
    const files = [
      write('first.json', drones('first')),
      write('flipped.json', drones('flipped', { relationTypes: [{ ...DRONES, directed: false }, RELATED] })),
      write('later.json', drones('later', { reversed: true })),
    ];
    const failures: string[] = [];
    const summary = await ingest(() => openCorpusStore(c.location, { create: true }), files, { workers: 1, onFailure: (f) => failures.push(`${f.origin}: ${f.reason}`) });
    expect(failures).toEqual([]);
    expect(summary.datasets).toBe(3);
    expect(summary.notes).toHaveLength(1);
    expect(summary.notes[0]).toMatch(/flipped\.json: relation type "supplies drones to" \("supplies-drones-to"\) is symmetric here but directed in (corpus-\d+\.db|ng_test_[0-9a-f]+) .* went in as "supplies drones to \(symmetric\)" \("supplies-drones-to-2"\)/);
    expect(summary.notes[0]).not.toContain('\n');
    const { store } = c;
    expect(await c.rows('SELECT id FROM documents ORDER BY pk')).toEqual([{ id: 'first' }, { id: 'flipped' }, { id: 'later' }]);
    const answer = validAnswer(await store.subgraph(q({ entity: 'Russia', types: 'related-to' })));
    expect(answer.relations).toHaveLength(1);
    expect(answer.relations[0]!.evidence).toHaveLength(3);
    await store.close();
  });
});

// SQLite only: a PostgreSQL corpus starts at the whole schema (postgres/migrations.ts), there is no version-2 database to upgrade.
describe('migration 3 upgrades a version-2 corpus', () => {
  it('adds the type tables to a version-2 file, which then answers as before and keeps declared types', async () => {
    const path = newPath();
    const built = openNew(path);
    for (const dataset of smallCorpus()) await built.addDataset(dataset);
    const overview = validAnswer(await built.overview(50));
    await built.close();

    // Back to version 2: exactly the schema migrations 1 and 2 make.
    const raw = new Database(path);
    raw.exec('DROP TABLE relation_types; DROP TABLE entity_types; DROP TABLE edit_history;');
    for (const column of ['review_status', 'review_reason', 'review_proposed']) raw.exec(`ALTER TABLE relations DROP COLUMN ${column}`);
    raw.pragma('user_version = 2');
    const schemaOf = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const reference = new Database(':memory:');
    reference.exec(MIGRATIONS[0] as string);
    reference.exec((MIGRATIONS[1] as Migration).sql);
    expect(schemaOf(raw)).toEqual(schemaOf(reference));
    reference.close();
    raw.close();

    const upgraded = SqliteCorpusStore.open(path, { create: false });
    expect(upgraded.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await upgraded.declaredTypes()).toEqual({ relationTypes: [], entityTypes: [] });
    const strip = (dataset: Dataset) => ({ ...dataset, title: '' });
    expect(strip(validAnswer(await upgraded.overview(50)))).toEqual(strip(overview));
    expect((await upgraded.addDataset(drones('first'))).documentsAdded).toBe(1);
    const answer = validAnswer(await upgraded.subgraph(q({ entity: 'Russia', hops: '1' })));
    expect(typeCatalog(answer).relation('supplies-drones-to').label).toBe('supplies drones to');
    expect(answer.relations.some((r) => r.type === 'sanctioned')).toBe(true);
    await upgraded.close();
  });
});

describe.each(BACKENDS)('the types of a corpus built before any were declared (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('answers with built-in types only and no declarations', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(article({ id: 'plain', entities: [RUSSIA, UKRAINE], sentences: [{ text: 'Russia attacked Ukraine.', relations: [{ type: 'attacked', source: 'Russia', target: 'Ukraine' }] }] }));
    const answer = validAnswer(await store.subgraph(q({ entity: 'Russia' })));
    expect(answer.relationTypes).toBeUndefined();
    expect(answer.entityTypes).toBeUndefined();
    const info = await store.info();
    expect(info.relationTypes).toBeUndefined();
    expect((await store.timeline()).types).toEqual([...BUILT_IN_RELATION_TYPE_IDS]);
    await store.close();
  });
});
