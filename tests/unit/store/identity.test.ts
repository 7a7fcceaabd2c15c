/**
 * Entity identity across articles: an external id, else the gazetteer
 * entry, else type and normalised name — never the label alone, never
 * across types.
 */

import { describe, expect, it } from 'vitest';
import { externalIds, gazetteerEntryFor, identityKey, normaliseName } from '../../../src/store/identity.ts';
import { article, BIDEN, openNew, tempFolder, validAnswer } from './corpusFixtures.ts';

const newPath = tempFolder();

describe('normaliseName', () => {
  it.each([
    ['Zelenskyy', 'ZELENSKYY'],
    ['Al-Shabaab', 'al Shabaab'],
    ['Al–Shabaab', 'AL SHABAAB'],
    ['U.S.', 'US'],
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['Straße', 'STRASSE'],
    ['Ｂｉｄｅｎ', 'Biden'],
    ['  Joe   Biden ', 'joe biden'],
  ])('%s and %s are one name', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it('keeps different names apart', () => {
    expect(normaliseName('Georgia')).not.toBe(normaliseName('Georgian'));
  });
});

describe('identityKey', () => {
  it('prefers an external id (Wikidata, in the forms tools write it), then the gazetteer, then the name', () => {
    expect(externalIds({ wikidata: 'Q7747' }).get('wikidata')).toBe('Q7747');
    expect(externalIds({ wikidataId: 'http://www.wikidata.org/entity/Q7747' }).get('wikidata')).toBe('Q7747');
    expect(externalIds({ qid: 'not an id' }).size).toBe(0);
    expect(identityKey({ label: 'V. Putin', type: 'person', aliases: [], attributes: { wikidata: 'Q7747' } })).toBe('person|wikidata:Q7747');
    expect(identityKey({ label: 'Russian Federation', type: 'country', aliases: [] })).toBe('country|gazetteer:russia');
    expect(identityKey({ label: 'Moskva', type: 'country', aliases: ['Russia'] })).toBe('country|gazetteer:russia');
    expect(identityKey({ label: 'Joe Biden', type: 'person', aliases: ['Biden'] })).toBe('person|name:joe biden');
  });

  it('puts the type in every key: Georgia the country and Georgia the person differ', () => {
    expect(gazetteerEntryFor('country', ['Georgia'])).toBe('georgia');
    expect(gazetteerEntryFor('person', ['Georgia'])).toBeUndefined();
    expect(identityKey({ label: 'Georgia', type: 'country', aliases: [] })).not.toBe(identityKey({ label: 'Georgia', type: 'person', aliases: [] }));
    expect(identityKey({ label: 'X', type: 'person', aliases: [], attributes: { wikidata: 'Q1' } })).not.toBe(
      identityKey({ label: 'X', type: 'organisation', aliases: [], attributes: { wikidata: 'Q1' } }),
    );
  });
});

describe('entities merge across articles by identity', () => {
  it('by gazetteer entry: "Russian Federation" in one article is "Russia" in another', async () => {
    const store = openNew(newPath());
    await store.addDataset(
      article({ id: 'a', entities: [{ label: 'Russia', type: 'country' }, BIDEN], sentences: [{ text: 'Biden accused Russia.', relations: [{ type: 'accused', source: 'Joe Biden', target: 'Russia' }] }] }),
    );
    const report = await store.addDataset(
      article({
        id: 'b',
        entities: [{ id: 'rf', label: 'Russian Federation', type: 'country' }, BIDEN],
        sentences: [{ text: 'Biden sanctioned the Russian Federation.', relations: [{ type: 'sanctioned', source: 'Joe Biden', target: 'Russian Federation' }] }],
      }),
    );
    expect(report.entitiesAdded).toBe(0);
    const answer = validAnswer(await store.subgraph({ entity: 'Russian Federation', hops: 1, limit: 100 }));
    const russia = answer.entities.find((e) => e.label === 'Russia')!;
    expect(russia.id).toBe('russia');
    expect(russia.aliases).toEqual(['Russian Federation']);
    expect(answer.relations.map((r) => r.type).sort()).toEqual(['accused', 'sanctioned']);
    await store.close();
  });

  it('by external id, whatever the label', async () => {
    const store = openNew(newPath());
    await store.addDataset(
      article({
        id: 'a',
        entities: [{ label: 'Vladimir Putin', type: 'person', attributes: { wikidata: 'Q7747' } }, BIDEN],
        sentences: [{ text: 'Biden met with Vladimir Putin.', relations: [{ type: 'met-with', source: 'Joe Biden', target: 'Vladimir Putin' }] }],
      }),
    );
    await store.addDataset(
      article({
        id: 'b',
        entities: [{ label: 'V. V. Putin', type: 'person', attributes: { wikidataId: 'https://www.wikidata.org/wiki/Q7747' } }, BIDEN],
        sentences: [{ text: 'Biden accused V. V. Putin.', relations: [{ type: 'accused', source: 'Joe Biden', target: 'V. V. Putin' }] }],
      }),
    );
    const info = await store.info();
    expect(info.entities).toBe(2);
    const answer = validAnswer(await store.subgraph({ entity: 'V. V. Putin', hops: 1, limit: 100 }));
    expect(answer.entities.find((e) => e.id === 'vladimir-putin')!.aliases).toEqual(['V. V. Putin']);
    await store.close();
  });

  it('by normalised name of the same type; Georgia the country and Georgia the person stay apart', async () => {
    const store = openNew(newPath());
    await store.addDataset(
      article({
        id: 'a',
        entities: [{ label: 'Georgia', type: 'country' }, { label: 'Al-Shabaab', type: 'group' }],
        sentences: [{ text: 'Al-Shabaab threatened Georgia.', relations: [{ type: 'accused', source: 'Al-Shabaab', target: 'Georgia' }] }],
      }),
    );
    await store.addDataset(
      article({
        id: 'b',
        entities: [{ label: 'Georgia', type: 'person' }, { label: 'al Shabaab', type: 'group' }],
        sentences: [{ text: 'Georgia accused al Shabaab.', relations: [{ type: 'accused', source: 'Georgia', target: 'al Shabaab' }] }],
      }),
    );
    const rows = store.connection.prepare('SELECT id, type, label, aliases FROM entities ORDER BY pk').all();
    expect(rows).toEqual([
      { id: 'georgia', type: 'country', label: 'Georgia', aliases: '[]' },
      { id: 'al-shabaab', type: 'group', label: 'Al-Shabaab', aliases: '["al Shabaab"]' },
      { id: 'georgia-2', type: 'person', label: 'Georgia', aliases: '[]' },
    ]);
    await expect(store.subgraph({ entity: 'Georgia', hops: 1, limit: 10 })).rejects.toThrow(/"Georgia" names 2 entities in corpus-\d+\.db: .*georgia.*country.*georgia-2.*person.*Fix: give the id/);
    const person = validAnswer(await store.subgraph({ entity: 'georgia-2', hops: 1, limit: 10 }));
    expect(person.relations).toHaveLength(1);
    expect(person.relations[0]!.source).toBe('georgia-2');
    await store.close();
  });
});
