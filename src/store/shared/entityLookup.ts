/**
 * Finding the entity a question names
 * ===================================
 *
 * `--entity` and `?entity=` take an entity id or a name. An id is exact; a
 * name is compared normalised (identity.ts: no case, accents or
 * punctuation) against every label and alias. A name that is the label of
 * one entity wins over aliases of others; a name that still fits several
 * (Georgia the country and Georgia the person) is refused with the
 * candidates' ids, and a name that fits none with the closest names in the
 * corpus. Written once as query steps (querySteps.ts); each store gives the
 * two look-ups its SQL says differently (`NameSearchSql`).
 */

import { quoteText } from '../../model/errors.ts';
import { editDistance } from '../../model/suggest.ts';
import { CorpusQueryError } from '../errors.ts';
import { normaliseName } from '../identity.ts';
import { query, type Steps } from './querySteps.ts';

export interface EntityRef {
  pk: number;
  id: string;
  label: string;
  type: string;
  degree: number;
}

/** The dialect's look-ups over `entity_names n JOIN entities e`: names starting with a prefix, and names containing a text. */
export interface NameSearchSql {
  /** `n.name` starts with the prefix; the parameters before the limit. */
  near: { where: string; params: (prefix: string) => unknown[] };
  /** `n.name` contains the one parameter. */
  containing: string;
}

const SUGGESTIONS = 5;
const CANDIDATES_SCANNED = 5_000;
const COLUMNS = 'e.pk, e.id, e.label, e.type, e.degree';
const NAMES = 'entity_names n JOIN entities e ON e.pk = n.entity';

const describe = (e: EntityRef) => `${quoteText(e.label, 60)} (id ${quoteText(e.id, 60)}, ${e.type})`;

/** The one entity `text` names; throws `CorpusQueryError` (unknown or ambiguous). */
export function* resolveEntitySteps(names: NameSearchSql, corpusName: string, text: string): Steps<EntityRef> {
  const [byId] = yield* query<EntityRef>(`SELECT ${COLUMNS} FROM entities e WHERE e.id = ?`, text);
  if (byId) return byId;
  const key = normaliseName(text);
  const matches = key === '' ? [] : yield* query<EntityRef>(`SELECT ${COLUMNS} FROM ${NAMES} WHERE n.name = ? ORDER BY e.degree DESC, e.pk`, key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const byLabel = matches.filter((e) => normaliseName(e.label) === key);
    if (byLabel.length === 1) return byLabel[0]!;
    const shown = (byLabel.length > 1 ? byLabel : matches).slice(0, 8);
    throw new CorpusQueryError(
      'ambiguous-entity',
      `${quoteText(text, 60)} names ${matches.length} entities in ${corpusName}: ${shown.map(describe).join(', ')}${matches.length > shown.length ? ', …' : ''}. Fix: give the id of the one you mean`,
      shown.map(({ id, label, type }) => ({ id, label, type })),
    );
  }
  const close = yield* suggest(names, key);
  throw new CorpusQueryError(
    'unknown-entity',
    `no entity ${quoteText(text, 60)} in ${corpusName}. Fix: ${close.length > 0 ? `did you mean ${close.map(describe).join(', or ')}?` : 'check the spelling, or search the corpus for the name (the explorer’s search box, `newsgraph serve`)'}`,
    close.map(({ id, label, type }) => ({ id, label, type })),
  );
}

/** Names a few typos away, or containing the words: the best-connected first. */
function* suggest(names: NameSearchSql, key: string): Steps<EntityRef[]> {
  if (key.length < 2) return [];
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  const scored = new Map<number, { entity: EntityRef; score: number }>();
  const consider = (entity: EntityRef, score: number) => {
    const held = scored.get(entity.pk);
    if (!held || score < held.score) scored.set(entity.pk, { entity, score });
  };
  const near = yield* query<EntityRef & { name: string }>(`SELECT n.name, ${COLUMNS} FROM ${NAMES} WHERE ${names.near.where} LIMIT ?`, ...names.near.params(key.slice(0, 2)), CANDIDATES_SCANNED);
  for (const row of near) {
    const distance = editDistance(key, row.name, max);
    if (distance <= max) consider(row, distance);
    else if (row.name.startsWith(key)) consider(row, max + 1);
  }
  if (key.length >= 3) for (const row of yield* query<EntityRef & { name: string }>(`SELECT n.name, ${COLUMNS} FROM ${NAMES} WHERE ${names.containing} LIMIT ?`, key, CANDIDATES_SCANNED)) consider(row, max + 2);
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || b.entity.degree - a.entity.degree || a.entity.pk - b.entity.pk)
    .slice(0, SUGGESTIONS)
    .map((s) => s.entity);
}
