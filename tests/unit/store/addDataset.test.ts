/**
 * Adding datasets: content-hash deduplication, all-or-nothing
 * transactions, relation merging (hedged only if every statement was), id
 * clashes, and ids or keys that could reach an object prototype. On both
 * backends (backends.ts); the trigger that fails a write half-way is
 * written in each one's own SQL.
 */

import { describe, expect, it } from 'vitest';
import { CORPUS_ATTRIBUTES } from '../../../src/model/corpusApi.ts';
import { DatasetValidationError } from '../../../src/model/errors.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { NulCharacterError } from '../../../src/store/shared/nulText.ts';
import { BACKENDS, testCorpora, type TestCorpus } from './backends.ts';
import { article, BIDEN, PUTIN, RUSSIA, smallCorpus, validAnswer, ZELENSKY } from './corpusFixtures.ts';

// The full-text index is counted too: a rolled-back write must leave it as it was (SQLite's is a table of its own).
const counts = (c: TestCorpus) =>
  c.row(
    `SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM entities) e, (SELECT count(*) FROM relations) r, (SELECT count(*) FROM sentences) s, (SELECT count(*) FROM evidence) ev, (SELECT count(*) FROM mentions) m, ${
      c.backend === 'sqlite' ? '(SELECT count(*) FROM sentences_fts)' : "(SELECT count(*) FROM sentences WHERE words <> ''::tsvector)"
    } f`,
  );

describe.each(BACKENDS)('addDataset (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('adds an article and reports what it added', async () => {
    const c = await corpus();
    const { store } = c;
    const [march] = smallCorpus();
    expect(await store.addDataset(march!)).toEqual({ documentsAdded: 1, documentsSkipped: 0, entitiesAdded: 3, relationsAdded: 2, sentencesAdded: 2, wireCopies: 0 });
    await store.close();
  });

  it('adds nothing when the same dataset (the same text) comes again, even under another id', async () => {
    const c = await corpus();
    const { store } = c;
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    const before = await counts(c);
    for (const dataset of smallCorpus()) {
      expect(await store.addDataset(dataset)).toEqual({ documentsAdded: 0, documentsSkipped: 1, entitiesAdded: 0, relationsAdded: 0, sentencesAdded: 0, wireCopies: 0 });
    }
    const renamed = smallCorpus()[0]!;
    renamed.documents[0]!.id = 'another-id';
    for (const e of renamed.entities) for (const m of e.mentions) m.document = 'another-id';
    for (const r of renamed.relations) for (const ev of r.evidence) ev.document = 'another-id';
    expect((await store.addDataset(renamed)).documentsSkipped).toBe(1);
    expect(await store.hasText(renamed.documents[0]!.text)).toBe(true);
    expect(await store.hasText('never seen')).toBe(false);
    expect(await counts(c)).toEqual(before);
    await store.close();
  });

  it('is all or nothing: a dataset with one bad evidence offset adds nothing at all', async () => {
    const c = await corpus();
    const { store } = c;
    const good = smallCorpus()[0]!;
    await store.addDataset(good);
    const before = await counts(c);
    const bad = smallCorpus()[1]!;
    bad.relations[2]!.evidence[0]!.end = bad.documents[0]!.text.length + 5;
    await expect(store.addDataset(bad)).rejects.toBeInstanceOf(DatasetValidationError);
    expect(await counts(c)).toEqual(before);
    // A database error half-way (after the document and entities were written) rolls back too.
    const clash = smallCorpus()[1]!;
    await c.exec(
      backend === 'sqlite'
        ? "CREATE TRIGGER fail_on_evidence BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        : "CREATE FUNCTION fail_on_evidence() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$; CREATE TRIGGER fail_on_evidence BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION fail_on_evidence()",
    );
    await expect(store.addDataset(clash)).rejects.toThrow('disk trouble');
    expect(await counts(c)).toEqual(before);
    await c.exec(backend === 'sqlite' ? 'DROP TRIGGER fail_on_evidence' : 'DROP TRIGGER fail_on_evidence ON evidence');
    expect((await store.addDataset(clash)).documentsAdded).toBe(1);
    await store.close();
  });

  it('refuses a NUL character anywhere in one line naming the article, the offset and the fix, adding nothing', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(smallCorpus()[0]!);
    const before = await counts(c);
    // In the text: the article by id and title, the offset of the first NUL.
    const inText = smallCorpus()[1]!;
    const doc = inText.documents[0]!;
    doc.text = `${doc.text.slice(0, 12)}\u0000${doc.text.slice(13)}`;
    const error = await store.addDataset(inText).then(
      () => expect.fail('a NUL in the text was accepted'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NulCharacterError);
    expect((error as NulCharacterError).path).toBe('documents[0].text');
    expect((error as Error).message).toBe(
      `documents[0].text: article "${doc.id}" ("${doc.title}") holds a NUL character (U+0000) at offset 12 of its text. Fix: remove the NUL characters from the article, and ingest it again`,
    );
    expect(await counts(c)).toEqual(before);
    // In a title, and outside any article (an alias): refused too, nothing written.
    const inTitle = smallCorpus()[1]!;
    inTitle.documents[0]!.title = 'Sanctions\u0000';
    await expect(store.addDataset(inTitle)).rejects.toThrow(/^documents\[0\]\.title: article .* holds a NUL character \(U\+0000\) at offset 9 of its title\. Fix: remove the NUL/);
    const inAlias = smallCorpus()[1]!;
    // A copy: the fixtures share their entities' alias lists.
    inAlias.entities[0] = { ...inAlias.entities[0]!, aliases: [...inAlias.entities[0]!.aliases, 'Pu\u0000tin'] };
    await expect(store.addDataset(inAlias)).rejects.toThrow(/^entities\[0\]\.aliases\[\d+\]: a NUL character \(U\+0000\) at offset 2\. Fix: remove the NUL characters from the dataset/);
    expect(await counts(c)).toEqual(before);
    // addDatasets lists it as that dataset's failure and keeps the others.
    if ('addDatasets' in store) {
      const result = await store.addDatasets([inText, smallCorpus()[1]!]);
      expect(result.failed.map((f) => [f.index, (f.error as Error).name])).toEqual([[0, 'NulCharacterError']]);
      expect(result.documentsAdded).toBe(1);
    }
    await store.close();
  });

  it('addDatasets adds many in one transaction, each all or nothing: a failing one is listed and the others kept', async () => {
    const c = await corpus();
    const { store } = c;
    const [a, b, cc, d] = smallCorpus();
    b!.relations[0]!.evidence[0]!.start = 99_999;
    const result = await store.addDatasets([a!, b!, cc!, d!]);
    expect(result.failed.map((f) => f.index)).toEqual([1]);
    expect(result.failed[0]!.error).toBeInstanceOf(DatasetValidationError);
    expect(result.documentsAdded).toBe(3);
    expect((await store.info()).documents).toBe(3);
    // The degrees counted in memory during the batch are those of what was kept.
    const degrees = new Map((await c.rows<{ id: string; degree: number }>('SELECT id, degree FROM entities')).map((r) => [r.id, r.degree]));
    const actual = new Map((await c.rows<{ id: string; n: number }>('SELECT e.id, (SELECT count(*) FROM relations r WHERE r.source = e.pk OR r.target = e.pk) AS n FROM entities e')).map((r) => [r.id, r.n]));
    expect(degrees).toEqual(actual);
    await store.close();
  });

  it('merges a relation stated in several articles: one relation, every sentence, hedged only if every statement was', async () => {
    const c = await corpus();
    const { store } = c;
    const say = (id: string, text: string, hedged: boolean | undefined) =>
      article({ id, entities: [BIDEN, PUTIN], sentences: [{ text, relations: [{ type: 'accused', source: 'Joe Biden', target: 'Vladimir Putin', ...(hedged === undefined ? {} : { hedged }) }] }] });
    await store.addDataset(say('one', 'Biden reportedly accused Putin.', true));
    await store.addDataset(say('two', 'Biden allegedly accused Putin.', true));
    let relation = validAnswer(await store.subgraph({ entity: 'Biden', hops: 1, limit: 10 })).relations[0]!;
    expect(relation.hedged).toBe(true);
    expect(relation.evidence).toHaveLength(2);
    expect(relation.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]).toBe(2);
    await store.addDataset(say('three', 'Biden accused Putin outright.', undefined));
    relation = validAnswer(await store.subgraph({ entity: 'Biden', hops: 1, limit: 10 })).relations[0]!;
    expect(relation.hedged).toBeUndefined();
    expect(relation.attributes?.[CORPUS_ATTRIBUTES.evidenceTotal]).toBe(3);
    expect((await store.info()).relations).toBe(1);
    await store.close();
  });

  it('keys symmetric relations by their ends in either order, and keeps a negated statement apart', async () => {
    const c = await corpus();
    const { store } = c;
    await store.addDataset(article({ id: 'a', entities: [BIDEN, ZELENSKY], sentences: [{ text: 'Biden met with Zelensky.', relations: [{ type: 'met-with', source: 'Joe Biden', target: 'Volodymyr Zelensky' }] }] }));
    await store.addDataset(article({ id: 'b', entities: [BIDEN, ZELENSKY], sentences: [{ text: 'Zelensky met with Biden.', relations: [{ type: 'met-with', source: 'Volodymyr Zelensky', target: 'Joe Biden' }] }] }));
    await store.addDataset(
      article({ id: 'c', entities: [BIDEN, ZELENSKY], sentences: [{ text: 'Zelensky did not meet with Biden.', relations: [{ type: 'met-with', source: 'Volodymyr Zelensky', target: 'Joe Biden', negated: true }] }] }),
    );
    const answer = validAnswer(await store.subgraph({ entity: 'Zelensky', hops: 1, limit: 10 }));
    expect(answer.relations.map((r) => [r.negated === true, r.evidence.length]).sort()).toEqual([
      [false, 2],
      [true, 1],
    ]);
    expect(new Set(answer.relations.map((r) => r.id)).size).toBe(2);
    await store.close();
  });

  it('keeps a dataset document id when free and renames it like merge does when taken', async () => {
    const c = await corpus();
    const { store } = c;
    const make = (text: string) => article({ id: 'article', entities: [PUTIN, RUSSIA], sentences: [{ text, relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] }] });
    await store.addDataset(make('Putin leads Russia.'));
    await store.addDataset(make('Putin still leads Russia.'));
    await store.addDataset(make('Putin has led Russia for years.'));
    expect((await store.documents(0, 10)).documents.map((d) => d.id).sort()).toEqual(['article', 'article-2', 'article-3']);
    const answer = validAnswer((await store.document('article-3'))!);
    expect(answer.documents.map((d) => d.id)).toEqual(['article-3']);
    expect(answer.documents[0]!.text).toBe('Putin has led Russia for years.');
    await store.close();
  });

  it('stores every sentence exactly as the slice of its stored article', async () => {
    const c = await corpus();
    const { store } = c;
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    const wrong = (await c.row<{ n: number }>(
      // substr counts characters in both; the fixtures' texts are ASCII, where that is the UTF-16 offset.
      `SELECT count(*) AS n FROM sentences s JOIN documents d ON d.pk = s.document WHERE s.text ${backend === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM'} substr(d.text, s.start + 1, s."end" - s.start)`,
    ))!;
    expect(wrong.n).toBe(0);
    await store.close();
  });
});

describe.each(BACKENDS)('hostile ids and keys (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('refuses a dataset whose ids are Object.prototype names, adding nothing', async () => {
    const c = await corpus();
    const { store } = c;
    const hostile = article({ id: 'x', entities: [BIDEN, PUTIN], sentences: [{ text: 'Biden accused Putin.', relations: [{ type: 'accused', source: 'Joe Biden', target: 'Vladimir Putin' }] }] });
    hostile.entities[0]!.id = '__proto__';
    hostile.relations[0]!.source = '__proto__';
    await expect(store.addDataset(hostile)).rejects.toBeInstanceOf(DatasetValidationError);
    expect((await store.info()).entities).toBe(0);
    await store.close();
  });

  it('never gives an entity a reserved id, keeps attribute keys such as __proto__ exactly, and finds nothing for __proto__', async () => {
    const c = await corpus();
    const { store } = c;
    const dataset: Dataset = article({
      id: 'x',
      entities: [{ id: 'org', label: 'Constructor', type: 'organisation', attributes: JSON.parse('{"__proto__": "kept", "constructor": 1}') }, BIDEN],
      sentences: [{ text: 'Biden accused Constructor.', relations: [{ type: 'accused', source: 'Joe Biden', target: 'Constructor' }] }],
    });
    await store.addDataset(dataset);
    const answer = validAnswer(await store.subgraph({ entity: 'Constructor', hops: 1, limit: 10 }));
    const entity = answer.entities.find((e) => e.label === 'Constructor')!;
    expect(entity.id).toBe('constructor-2');
    expect(Object.getPrototypeOf(entity.attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(entity.attributes!, '__proto__')).toBe(true);
    expect(entity.attributes!['__proto__']).toBe('kept');
    expect(entity.attributes!['constructor']).toBe(1);
    // "constructor" is this entity's name (case aside), found as a name, never as a property of anything.
    expect(validAnswer(await store.subgraph({ entity: 'constructor', hops: 1, limit: 10 })).relations[0]!.target).toBe('constructor-2');
    for (const id of ['__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      await expect(store.subgraph({ entity: id, hops: 1, limit: 10 })).rejects.toThrow(/no entity/);
    }
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(await store.document(id)).toBeUndefined();
      await expect(store.evidence([id])).rejects.toThrow(/no relation/);
    }
    expect(({} as Record<string, unknown>)['kept']).toBeUndefined();
    await store.close();
  });
});
