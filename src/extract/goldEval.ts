/**
 * Scoring the extractor against a gold dataset
 * ============================================
 *
 * `npm run eval -- --gold FILE`: the analyst's reviewed dataset (or a
 * hand-curated file) is the answer key. Which relations are gold:
 *
 *  - when some relation carries a `review`, the ones the analyst vouched for
 *    (goldOf: accepted, corrected as corrected, added);
 *  - when none does, the whole file — a hand-curated dataset is gold by
 *    construction (data/eval/articles/*.gold.json).
 *
 * Each document with text is extracted again and scored with evaluate.ts
 * against its part of the gold: the gold relations with evidence in it (that
 * evidence only) and the gold entities mentioned in it or at the ends of
 * those relations. The analyst may have merged or renamed entities, so the
 * extracted ids are first mapped onto the gold ones with the corpus merge's
 * own identity (same id, Wikidata item, name or alias, spelling variant).
 */

import { combine, evaluate, score, tripleKey, type Counts, type EvalReport, type Score } from './evaluate.ts';
import { extractDataset, type ExtractOptions } from './extractDataset.ts';
import { mergeDatasetsWithReport } from '../model/merge.ts';
import { goldOf, type GoldCounts } from '../model/review/index.ts';
import { BUILT_IN_RELATION_TYPE_IDS } from '../model/relationTypes.ts';
import type { Dataset, NewsDocument, Relation } from '../model/schema.ts';

export type Extractor = (text: string, options: ExtractOptions) => Dataset;

export interface GoldDocumentScore {
  /** The document's id in the gold file. */
  document: string;
  title: string;
  goldRelations: number;
  goldEntities: number;
  report: EvalReport;
  /** Relation types the gold file declares (never built in), scored like `report.byType`. */
  declaredByType: Array<{ type: string; score: Score }>;
}

export interface GoldEvalResult {
  /** True when the gold is the analyst's review (goldOf); false when the whole file is gold. */
  reviewed: boolean;
  /** How many relations of each review status the file has. */
  counts: GoldCounts;
  /** Distinct gold relations scored (with evidence in a document with text). */
  goldRelations: number;
  documents: GoldDocumentScore[];
  /** Gold relations with no evidence in a document with text: nothing to score them on. */
  unscoredRelations: number;
  /** Documents left out because they have no text to extract. */
  withoutText: number;
  total: EvalReport;
  totalDeclaredByType: Array<{ type: string; score: Score }>;
}

/** The gold relations of a file: the reviewed ones vouched for, or all of them when none is reviewed. */
export function goldRelationsOf(dataset: Dataset): { gold: Dataset; reviewed: boolean; counts: GoldCounts } {
  const { dataset: gold, counts } = goldOf(dataset);
  const reviewed = dataset.relations.some((r) => r.review !== undefined);
  return { gold: reviewed ? gold : { ...gold, relations: dataset.relations }, reviewed, counts };
}

/** One document's share of the gold: its relations (their evidence in it), entities mentioned in it or at those relations' ends. */
function goldPart(gold: Dataset, doc: NewsDocument): Dataset {
  const relations: Relation[] = [];
  for (const relation of gold.relations) {
    const evidence = relation.evidence.filter((e) => e.document === doc.id);
    if (evidence.length) relations.push({ ...relation, evidence });
  }
  const ends = new Set(relations.flatMap((r) => [r.source, r.target, ...(r.attributedTo ? [r.attributedTo] : [])]));
  const entities = gold.entities
    .filter((e) => ends.has(e.id) || e.mentions.some((m) => m.document === doc.id))
    .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.document === doc.id) }));
  const part: Dataset = { version: gold.version, documents: [doc], entities, relations };
  if (gold.relationTypes) part.relationTypes = gold.relationTypes;
  if (gold.entityTypes) part.entityTypes = gold.entityTypes;
  return part;
}

/** The extracted dataset with its entity ids replaced by the gold entities the merge takes them for. */
export function onGoldIds(part: Dataset, extracted: Dataset): Dataset {
  const { report } = mergeDatasetsWithReport(part, extracted);
  const ids = new Map<string, string>();
  for (const m of report.mergedEntities) ids.set(m.from, m.into);
  // Same id as a gold entity, but a different actor (another type): kept apart under the merge's new id.
  for (const r of report.renamedEntities) ids.set(r.from, r.to);
  const id = (x: string) => ids.get(x) ?? x;
  return {
    ...extracted,
    entities: extracted.entities.map((e) => ({ ...e, id: id(e.id) })),
    relations: extracted.relations.map((r) => ({ ...r, source: id(r.source), target: id(r.target), ...(r.attributedTo ? { attributedTo: id(r.attributedTo) } : {}) })),
  };
}

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_RELATION_TYPE_IDS);

function declaredCounts(extracted: Dataset, gold: Dataset): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const declaration of gold.relationTypes ?? []) {
    if (BUILT_IN.has(declaration.id) || out.has(declaration.id)) continue;
    const keys = (d: Dataset) => new Set(d.relations.filter((r) => r.type === declaration.id).map(tripleKey));
    const found = keys(extracted);
    const wanted = keys(gold);
    const truePositives = [...found].filter((k) => wanted.has(k)).length;
    out.set(declaration.id, { truePositives, falsePositives: found.size - truePositives, falseNegatives: wanted.size - truePositives });
  }
  return out;
}

const scored = (counts: Map<string, Counts>) => [...counts].map(([type, c]) => ({ type, score: score(c) }));

export function scoreAgainstGold(dataset: Dataset, extract: Extractor = extractDataset): GoldEvalResult {
  const { gold, reviewed, counts } = goldRelationsOf(dataset);
  const documents: GoldDocumentScore[] = [];
  const scoredRelations = new Set<string>();
  const declaredTotal = new Map<string, Counts>();
  let withoutText = 0;
  for (const doc of gold.documents) {
    if (!doc.text.trim()) {
      withoutText++;
      continue;
    }
    const part = goldPart(gold, doc);
    const extracted = extract(doc.text, {
      documentId: doc.id,
      title: doc.title,
      ...(doc.source !== undefined ? { source: doc.source } : {}),
      ...(doc.url !== undefined ? { url: doc.url } : {}),
      ...(doc.published !== undefined ? { published: doc.published } : {}),
    });
    const renamed = onGoldIds(part, extracted);
    for (const r of part.relations) scoredRelations.add(r.id);
    const declared = declaredCounts(renamed, part);
    for (const [type, c] of declared) {
      const sum = declaredTotal.get(type) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      declaredTotal.set(type, {
        truePositives: sum.truePositives + c.truePositives,
        falsePositives: sum.falsePositives + c.falsePositives,
        falseNegatives: sum.falseNegatives + c.falseNegatives,
      });
    }
    documents.push({
      document: doc.id,
      title: doc.title,
      goldRelations: part.relations.length,
      goldEntities: part.entities.length,
      report: evaluate(renamed, part),
      declaredByType: scored(declared),
    });
  }
  return {
    reviewed,
    counts,
    goldRelations: scoredRelations.size,
    unscoredRelations: gold.relations.filter((r) => !scoredRelations.has(r.id)).length,
    documents,
    withoutText,
    total: combine(documents.map((d) => ({ name: d.document, report: d.report }))),
    totalDeclaredByType: scored(declaredTotal),
  };
}
