/**
 * Extraction eval: an extracted dataset against a curated one
 * ===========================================================
 *
 * Precision, recall and F1 on three levels, each as sets compared exactly:
 *
 *  - entities, by id;
 *  - relations, as (source, type, target) triples — symmetric types
 *    (allied-with, met-with) compared regardless of direction;
 *  - evidence, as (triple, sentence) pairs: a relation found from the wrong
 *    sentence does not count.
 *
 * Triples are also scored for the four relation types the seed article is
 * about (allied-with, sanctioned, issued-warrant, accused) and per type.
 * Flags (negated, hedged, attributedTo) are compared on the triples both
 * sides have. Reports add up (micro-average) across articles with `combine`.
 */

import { BUILT_IN_RELATION_TYPE_IDS, type BuiltInRelationTypeId } from '../model/relationTypes.ts';
import { BUILT_IN_CATALOG } from '../model/typeCatalog.ts';
import type { Dataset, Relation } from '../model/schema.ts';
import { addMissCauses, missCauses, NO_MISSES, type MissCauses } from './missCauses.ts';

export const NAMED_TYPES: BuiltInRelationTypeId[] = ['allied-with', 'sanctioned', 'issued-warrant', 'accused'];

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Level extends Score {
  /** In the gold dataset, not extracted. */
  misses: string[];
  /** Extracted, not in the gold dataset. */
  falseHits: string[];
}

export interface FlagAgreement {
  /** Triples found on both sides. */
  compared: number;
  negated: number;
  hedged: number;
  attributedTo: number;
  /** Shared triples the gold marks negated or hedged that were extracted as a plain fact: the worst kind of flag error. */
  plainFactErrors: number;
}

export interface EvalReport {
  entities: Level;
  triples: Level;
  namedTriples: Level;
  evidence: Level;
  byType: Record<BuiltInRelationTypeId, Score>;
  flags: FlagAgreement;
  /** Why the missed triples were missed (`missCauses.ts`). */
  missCauses: MissCauses;
}

export function score(counts: Counts): Score {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  // An empty side scores 1: nothing to find and nothing wrongly found.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function compareSets(extracted: Set<string>, gold: Set<string>): Level {
  const misses = [...gold].filter((k) => !extracted.has(k)).sort();
  const falseHits = [...extracted].filter((k) => !gold.has(k)).sort();
  const truePositives = [...extracted].filter((k) => gold.has(k)).length;
  return { ...score({ truePositives, falsePositives: falseHits.length, falseNegatives: misses.length }), misses, falseHits };
}

/** `source type target`, ends sorted for symmetric types. */
export function tripleKey(relation: Pick<Relation, 'source' | 'type' | 'target'>): string {
  const symmetric = !BUILT_IN_CATALOG.relation(relation.type).directed;
  const [a, b] = symmetric && relation.target < relation.source ? [relation.target, relation.source] : [relation.source, relation.target];
  return `${a} ${relation.type} ${b}`;
}

function evidenceKeys(dataset: Dataset): Set<string> {
  const keys = new Set<string>();
  for (const relation of dataset.relations) {
    const key = tripleKey(relation);
    for (const e of relation.evidence) keys.add(`${key} @ ${e.document}:${e.start}-${e.end}`);
  }
  return keys;
}

export function evaluate(extracted: Dataset, gold: Dataset): EvalReport {
  const entities = compareSets(new Set(extracted.entities.map((e) => e.id)), new Set(gold.entities.map((e) => e.id)));
  const extractedTriples = new Map(extracted.relations.map((r) => [tripleKey(r), r]));
  const goldTriples = new Map(gold.relations.map((r) => [tripleKey(r), r]));
  const triples = compareSets(new Set(extractedTriples.keys()), new Set(goldTriples.keys()));
  const ofTypes = (map: Map<string, Relation>, types: readonly string[]) => new Set([...map].filter(([, r]) => types.includes(r.type)).map(([k]) => k));
  const namedTriples = compareSets(ofTypes(extractedTriples, NAMED_TYPES), ofTypes(goldTriples, NAMED_TYPES));
  const byType = Object.fromEntries(
    BUILT_IN_RELATION_TYPE_IDS.map((type) => {
      const level = compareSets(ofTypes(extractedTriples, [type]), ofTypes(goldTriples, [type]));
      return [type, score(level)];
    }),
  ) as Record<BuiltInRelationTypeId, Score>;
  const evidence = compareSets(evidenceKeys(extracted), evidenceKeys(gold));

  const flags: FlagAgreement = { compared: 0, negated: 0, hedged: 0, attributedTo: 0, plainFactErrors: 0 };
  for (const [key, relation] of extractedTriples) {
    const expected = goldTriples.get(key);
    if (!expected) continue;
    flags.compared++;
    if (Boolean(relation.negated) === Boolean(expected.negated)) flags.negated++;
    if (Boolean(relation.hedged) === Boolean(expected.hedged)) flags.hedged++;
    if ((relation.attributedTo ?? '') === (expected.attributedTo ?? '')) flags.attributedTo++;
    if ((expected.negated || expected.hedged) && !relation.negated && !relation.hedged) flags.plainFactErrors++;
  }
  const missed = triples.misses.map((key) => goldTriples.get(key)!);
  return { entities, triples, namedTriples, evidence, byType, flags, missCauses: missCauses(extracted, missed) };
}

function addLevels(levels: Level[], prefixes: string[]): Level {
  const counts = levels.reduce<Counts>(
    (sum, l) => ({ truePositives: sum.truePositives + l.truePositives, falsePositives: sum.falsePositives + l.falsePositives, falseNegatives: sum.falseNegatives + l.falseNegatives }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return {
    ...score(counts),
    misses: levels.flatMap((l, i) => l.misses.map((m) => `${prefixes[i]}: ${m}`)),
    falseHits: levels.flatMap((l, i) => l.falseHits.map((m) => `${prefixes[i]}: ${m}`)),
  };
}

/** Micro-average of several articles' reports (counts added, then scored); misses are prefixed with the article name. */
export function combine(reports: Array<{ name: string; report: EvalReport }>): EvalReport {
  const names = reports.map((r) => r.name);
  const pick = (key: 'entities' | 'triples' | 'namedTriples' | 'evidence') => addLevels(reports.map((r) => r.report[key]), names);
  const byType = Object.fromEntries(
    BUILT_IN_RELATION_TYPE_IDS.map((type) => {
      const counts = reports.reduce<Counts>(
        (sum, { report }) => ({
          truePositives: sum.truePositives + report.byType[type].truePositives,
          falsePositives: sum.falsePositives + report.byType[type].falsePositives,
          falseNegatives: sum.falseNegatives + report.byType[type].falseNegatives,
        }),
        { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
      );
      return [type, score(counts)];
    }),
  ) as Record<BuiltInRelationTypeId, Score>;
  const flags = reports.reduce<FlagAgreement>(
    (sum, { report }) => ({
      compared: sum.compared + report.flags.compared,
      negated: sum.negated + report.flags.negated,
      hedged: sum.hedged + report.flags.hedged,
      attributedTo: sum.attributedTo + report.flags.attributedTo,
      plainFactErrors: sum.plainFactErrors + report.flags.plainFactErrors,
    }),
    { compared: 0, negated: 0, hedged: 0, attributedTo: 0, plainFactErrors: 0 },
  );
  const causes = reports.reduce((sum, { report }) => addMissCauses(sum, report.missCauses), NO_MISSES);
  return { entities: pick('entities'), triples: pick('triples'), namedTriples: pick('namedTriples'), evidence: pick('evidence'), byType, flags, missCauses: causes };
}
