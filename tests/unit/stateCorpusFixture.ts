/**
 * A small corpus and the subgraphs a corpus server would cut from it
 * ==================================================================
 *
 * The corpus-mode state tests need what `newsgraph serve` sends: valid
 * datasets that each hold part of one corpus, with the corpus's stable ids,
 * a few sentences per relation and the corpus totals as attributes. `cut`
 * makes such a part from a whole corpus built with exact offsets
 * (fixtureBuilder.ts), the way the store does: the chosen relations with
 * their sentences from the chosen articles, their ends with their mentions
 * in those articles, and those articles.
 */

import { CORPUS_ATTRIBUTES } from '../../src/model/corpusApi.ts';
import { validateDataset, type Dataset } from '../../src/model/index.ts';
import { buildDataset, DocumentBuilder } from './model/fixtureBuilder.ts';

/** Five articles about five countries and a person; every relation is said in two or three of them. */
export function smallCorpus(): Dataset {
  const docs = [1, 2, 3, 4, 5].map((n) => new DocumentBuilder(`d${n}`, `Article ${n}`));
  const said: Record<string, Array<{ document: string; start: number; end: number }>> = { r1: [], r2: [], r3: [], r4: [], r5: [] };
  for (const [n, doc] of docs.entries()) {
    said.r1!.push(doc.sentence([['ruritania', 'Ruritania'], ' accused ', ['osterlich', 'Osterlich'], ' of spying.']));
    if (n < 3) said.r2!.push(doc.sentence([['osterlich', 'Osterlich'], ' is allied with ', ['borduria', 'Borduria'], '.']));
    if (n >= 2) said.r3!.push(doc.sentence([['borduria', 'Borduria'], ' sanctioned ', ['syldavia', 'Syldavia'], '.']));
    if (n % 2 === 0) said.r4!.push(doc.sentence([['ottokar', 'King Ottokar'], ' met ', ['ruritania', 'Ruritania'], ' officials.']));
    if (n === 4) said.r5!.push(doc.sentence([['syldavia', 'Syldavia'], ' accused ', ['carpania', 'Carpania'], ' of spying.']));
  }
  const dataset = buildDataset({
    title: 'small corpus',
    documents: docs,
    entities: [
      { id: 'ruritania', label: 'Ruritania', type: 'country' },
      { id: 'osterlich', label: 'Osterlich', type: 'country' },
      { id: 'borduria', label: 'Borduria', type: 'country' },
      { id: 'syldavia', label: 'Syldavia', type: 'country' },
      { id: 'carpania', label: 'Carpania', type: 'country' },
      { id: 'ottokar', label: 'King Ottokar', type: 'person', aliases: ['Ottokar'] },
    ],
    relations: [
      { id: 'r1', type: 'accused', source: 'ruritania', target: 'osterlich', evidence: said.r1! },
      { id: 'r2', type: 'allied-with', source: 'osterlich', target: 'borduria', evidence: said.r2! },
      { id: 'r3', type: 'sanctioned', source: 'borduria', target: 'syldavia', evidence: said.r3! },
      { id: 'r4', type: 'met-with', source: 'ottokar', target: 'ruritania', evidence: said.r4! },
      { id: 'r5', type: 'accused', source: 'syldavia', target: 'carpania', evidence: said.r5! },
    ],
  });
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new Error(`stateCorpusFixture: the small corpus does not validate: ${checked.problems[0]?.message}`);
  return checked.dataset;
}

/**
 * What a server sends for these relations: at most `perRelation` sentences
 * each (the first ones), the corpus totals as attributes, and only the
 * articles those sentences are in. Validated, as the browser validates it.
 */
export function cut(corpus: Dataset, relationIds: readonly string[], perRelation = 2): Dataset {
  const relations = corpus.relations
    .filter((relation) => relationIds.includes(relation.id))
    .map((relation) => ({
      ...relation,
      evidence: relation.evidence.slice(0, perRelation),
      attributes: { [CORPUS_ATTRIBUTES.evidenceTotal]: relation.evidence.length },
    }));
  const documents = new Set(relations.flatMap((relation) => relation.evidence.map((span) => span.document)));
  const ends = new Set(relations.flatMap((relation) => [relation.source, relation.target]));
  const degree = (id: string) => corpus.relations.filter((relation) => relation.source === id || relation.target === id).length;
  const dataset: Dataset = {
    version: 1,
    title: corpus.title ?? 'corpus',
    documents: corpus.documents.filter((document) => documents.has(document.id)),
    entities: corpus.entities
      .filter((entity) => ends.has(entity.id))
      .map((entity) => ({
        ...entity,
        mentions: entity.mentions.filter((mention) => documents.has(mention.document)),
        attributes: { [CORPUS_ATTRIBUTES.degree]: degree(entity.id) },
      })),
    relations,
  };
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new Error(`stateCorpusFixture: a cut does not validate: ${checked.problems[0]?.path} ${checked.problems[0]?.message}`);
  return checked.dataset;
}
