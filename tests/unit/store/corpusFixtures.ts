/**
 * Small corpora for the store tests
 * =================================
 *
 * `article()` writes a one-article dataset from readable sentences: every
 * name of a listed entity found in a sentence becomes a mention, and each
 * sentence is the evidence of the relations listed with it. The result is
 * checked with `validateDataset`, so a test never feeds the store a dataset
 * the app would refuse (unless it means to). `tempCorpus()` gives a fresh
 * corpus file in a temporary folder, removed after the test file.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import {
  validateDataset,
  type Attributes,
  type Dataset,
  type Entity,
  type EntityTypeDeclaration,
  type EntityTypeId,
  type Relation,
  type RelationTypeDeclaration,
  type RelationTypeId,
} from '../../../src/model/index.ts';
import type { SubgraphResponse } from '../../../src/model/corpusApi.ts';
import type { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { storeRows } from './storeRows.ts';

export interface EntitySpec {
  id?: string;
  label: string;
  type: EntityTypeId;
  aliases?: string[];
  attributes?: Attributes;
}

export interface SentenceSpec {
  text: string;
  relations?: Array<{ type: RelationTypeId; source: string; target: string; hedged?: boolean; negated?: boolean; attributedTo?: string; attributes?: Attributes }>;
}

export interface ArticleSpec {
  id: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  entities: EntitySpec[];
  sentences: SentenceSpec[];
  /** Types of the dataset's own, for relations and entities that use them. */
  relationTypes?: RelationTypeDeclaration[];
  entityTypes?: EntityTypeDeclaration[];
}

const kebab = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** One article as a valid dataset (see the header); relation ends are entity labels. */
export function article(spec: ArticleSpec): Dataset {
  const text = spec.sentences.map((s) => s.text).join(' ');
  const entities: Entity[] = spec.entities.map((e) => {
    const entity: Entity = { id: e.id ?? kebab(e.label), label: e.label, type: e.type, aliases: e.aliases ?? [], mentions: [] };
    if (e.attributes) entity.attributes = e.attributes;
    return entity;
  });
  const byLabel = new Map(entities.map((e) => [e.label, e]));
  const relations: Relation[] = [];
  let offset = 0;
  for (const sentence of spec.sentences) {
    for (const entity of entities) {
      const taken: Array<[number, number]> = [];
      for (const name of [entity.label, ...entity.aliases].sort((a, b) => b.length - a.length)) {
        for (let at = sentence.text.indexOf(name); at >= 0; at = sentence.text.indexOf(name, at + 1)) {
          if (taken.some(([s, e]) => at < e && at + name.length > s)) continue;
          taken.push([at, at + name.length]);
          entity.mentions.push({ document: spec.id, start: offset + at, end: offset + at + name.length });
        }
      }
    }
    for (const r of sentence.relations ?? []) {
      const relation: Relation = {
        id: `${byLabel.get(r.source)!.id}-${r.type}-${byLabel.get(r.target)!.id}${r.negated ? '-not' : ''}`,
        type: r.type,
        source: byLabel.get(r.source)!.id,
        target: byLabel.get(r.target)!.id,
        evidence: [{ document: spec.id, start: offset, end: offset + sentence.text.length }],
      };
      if (r.hedged !== undefined) relation.hedged = r.hedged;
      if (r.negated !== undefined) relation.negated = r.negated;
      if (r.attributedTo !== undefined) relation.attributedTo = byLabel.get(r.attributedTo)!.id;
      if (r.attributes !== undefined) relation.attributes = r.attributes;
      const same = relations.find((x) => x.id === relation.id);
      if (same) same.evidence.push(...relation.evidence);
      else relations.push(relation);
    }
    offset += sentence.text.length + 1;
  }
  for (const entity of entities) entity.mentions.sort((a, b) => a.start - b.start);
  const document: Dataset['documents'][number] = { id: spec.id, title: spec.title ?? spec.id, text };
  if (spec.published !== undefined) document.published = spec.published;
  if (spec.source !== undefined) document.source = spec.source;
  if (spec.url !== undefined) document.url = spec.url;
  const dataset: Dataset = { version: 1, documents: [document], entities, relations };
  if (spec.relationTypes !== undefined) dataset.relationTypes = spec.relationTypes;
  if (spec.entityTypes !== undefined) dataset.entityTypes = spec.entityTypes;
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new Error(`fixture ${spec.id} is not valid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return dataset;
}

/** A temporary folder for this test file's corpora. */
export function tempFolder(): () => string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-store-test-'));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => join(dir, `corpus-${++n}.db`);
}

export function openNew(path: string): SqliteCorpusStore {
  return SqliteCorpusStore.open(path, { create: true });
}

/** The answer's dataset, asserted valid (every offset exact, every reference resolved). */
export function validAnswer(response: SubgraphResponse): Dataset {
  const checked = validateDataset(response.dataset);
  if (!checked.ok) expect.fail(`the store answered an invalid dataset: ${checked.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.dataset;
}

export const PUTIN: EntitySpec = { label: 'Vladimir Putin', type: 'person', aliases: ['Putin'] };
export const BIDEN: EntitySpec = { label: 'Joe Biden', type: 'person', aliases: ['Biden'] };
export const ZELENSKY: EntitySpec = { label: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky'] };
export const RUSSIA: EntitySpec = { label: 'Russia', type: 'country' };
export const UKRAINE: EntitySpec = { label: 'Ukraine', type: 'country' };
export const USA: EntitySpec = { label: 'United States', type: 'country', aliases: ['US'] };
export const ICC: EntitySpec = { label: 'International Criminal Court', type: 'organisation', aliases: ['ICC'] };

/** Three dated articles about overlapping actors, and one undated. */
export function smallCorpus(): Dataset[] {
  return [
    article({
      id: 'march',
      title: 'Warrant issued',
      published: '2023-03-17',
      source: 'Wire',
      url: 'https://news.example/march',
      entities: [ICC, PUTIN, RUSSIA],
      sentences: [
        { text: 'The ICC issued an arrest warrant for Vladimir Putin on Friday.', relations: [{ type: 'issued-warrant', source: 'International Criminal Court', target: 'Vladimir Putin' }] },
        { text: 'Putin is the president of Russia.', relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] },
      ],
    }),
    article({
      id: 'june',
      title: 'Summit talks',
      published: '2023-06-02T09:30:00Z',
      source: 'Courier',
      entities: [BIDEN, ZELENSKY, USA, UKRAINE],
      sentences: [
        { text: 'Joe Biden met with Volodymyr Zelensky in Kyiv.', relations: [{ type: 'met-with', source: 'Joe Biden', target: 'Volodymyr Zelensky' }] },
        { text: 'Zelensky leads Ukraine in the war.', relations: [{ type: 'leader-of', source: 'Volodymyr Zelensky', target: 'Ukraine' }] },
        { text: 'Biden said the United States stands allied with Ukraine.', relations: [{ type: 'allied-with', source: 'United States', target: 'Ukraine' }] },
      ],
    }),
    article({
      id: 'september',
      title: 'Sanctions',
      published: '2023-09-21',
      source: 'Wire',
      entities: [USA, RUSSIA, PUTIN, BIDEN],
      sentences: [
        { text: 'The United States sanctioned Russia again.', relations: [{ type: 'sanctioned', source: 'United States', target: 'Russia' }] },
        { text: 'Biden accused Putin of war crimes.', relations: [{ type: 'accused', source: 'Joe Biden', target: 'Vladimir Putin', hedged: true }] },
      ],
    }),
    article({
      id: 'undated',
      title: 'Undated note',
      entities: [BIDEN, ZELENSKY],
      sentences: [{ text: 'Zelensky met with Biden again.', relations: [{ type: 'met-with', source: 'Volodymyr Zelensky', target: 'Joe Biden' }] }],
    }),
  ];
}

/**
 * The whole corpus as one dataset, through the store's own answers: every
 * relation by `evidence()` (100 per request, up to 200 sentences each), the
 * documents and entities those answers carry, each once.
 */
export async function exportWhole(store: SqliteCorpusStore | PostgresCorpusStore): Promise<Dataset> {
  const ids = (await storeRows<{ id: string }>(store, 'SELECT id FROM relations ORDER BY pk')).map((r) => r.id);
  const documents = new Map<string, Dataset['documents'][number]>();
  const entities = new Map<string, Entity>();
  const relations: Relation[] = [];
  for (let at = 0; at < ids.length; at += 100) {
    const answer = validAnswer(await store.evidence(ids.slice(at, at + 100)));
    for (const document of answer.documents) documents.set(document.id, document);
    for (const entity of answer.entities) {
      const held = entities.get(entity.id);
      if (held) held.mentions.push(...entity.mentions.filter((m) => !held.mentions.some((h) => h.document === m.document && h.start === m.start && h.end === m.end)));
      else entities.set(entity.id, entity);
    }
    relations.push(...answer.relations);
  }
  return { version: 1, documents: [...documents.values()], entities: [...entities.values()], relations };
}

/** Six sentences of one wire story about Russia and Ukraine; `verb` changes one word (a reprint desk's change). */
export function wireStory(spec: { id: string; source?: string; published?: string; verb?: string; topic?: string }): Dataset {
  const topic = spec.topic ?? 'grain';
  const sentences: SentenceSpec[] = [
    { text: `Russia accused Ukraine of blocking ${topic} shipments across the Black Sea on Tuesday.`, relations: [{ type: 'accused', source: 'Russia', target: 'Ukraine' }] },
    { text: `Officials in Moscow said the ${topic} dispute had lasted for several months without progress.` },
    { text: `The ministry published a long statement describing the ${topic} convoys that were turned back.` },
    { text: `Diplomats from several countries ${spec.verb ?? 'expressed'} concern about the effect on food prices in the region.` },
    { text: `Analysts said the accusation was part of a wider campaign over ${topic} exports to Africa.` },
    { text: `No independent confirmation of the claims about ${topic} was available from the port authorities.` },
  ];
  return article({ id: spec.id, ...(spec.published === undefined ? {} : { published: spec.published }), ...(spec.source === undefined ? {} : { source: spec.source }), entities: [RUSSIA, UKRAINE], sentences });
}
