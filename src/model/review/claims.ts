import { relationKeyIn } from '../merge.ts';
import type { Dataset, ProposedClaim, Relation } from '../schema.ts';
import { typeCatalog } from '../typeCatalog.ts';

/** The claim a relation makes, as a review's `proposed` keeps it (only the fields it has). */
export function claimOf(relation: Relation): ProposedClaim {
  const claim: ProposedClaim = { type: relation.type, source: relation.source, target: relation.target };
  if (relation.negated !== undefined) claim.negated = relation.negated;
  if (relation.hedged !== undefined) claim.hedged = relation.hedged;
  if (relation.attributedTo !== undefined) claim.attributedTo = relation.attributedTo;
  return claim;
}

/** An entity's label, or its id when it is unknown. */
export function entityLabel(dataset: Dataset, id: string): string {
  return dataset.entities.find((e) => e.id === id)?.label ?? id;
}

/** "Russia sanctioned Ukraine" / "Russia did not sanction Ukraine": the relation as a sentence, with the catalog's phrase. */
export function claimSentence(dataset: Dataset, claim: Pick<Relation, 'type' | 'source' | 'target' | 'negated'>): string {
  const phrase = typeCatalog(dataset).relationPhrase(claim.type, claim.negated === true);
  return `${entityLabel(dataset, claim.source)} ${phrase} ${entityLabel(dataset, claim.target)}`;
}

/** The relation another one would duplicate: same ends, type and negation (either order for a symmetric type). */
export function duplicateOf(dataset: Dataset, relations: readonly Relation[], relation: Relation): Relation | undefined {
  const catalog = typeCatalog(dataset);
  const key = relationKeyIn(relation, catalog);
  return relations.find((other) => other.id !== relation.id && relationKeyIn(other, catalog) === key);
}
