/**
 * Finding the entity a question names (PostgreSQL)
 * ================================================
 *
 * sqlite/entityLookup.ts's rules (its header): an id exactly, else a name
 * normalised against every label and alias; a label wins over aliases; a
 * name fitting several is refused with the candidates, one fitting none with
 * the closest names.
 */

import { quoteText } from '../../model/errors.ts';
import { editDistance } from '../../model/suggest.ts';
import { CorpusQueryError } from '../errors.ts';
import { normaliseName } from '../identity.ts';
import type { EntityRef } from '../sqlite/entityLookup.ts';
import type { Sql } from './sql.ts';

const SUGGESTIONS = 5;
const CANDIDATES_SCANNED = 5_000;
const COLUMNS = 'e.pk, e.id, e.label, e.type, e.degree';

const describe = (e: EntityRef) => `${quoteText(e.label, 60)} (id ${quoteText(e.id, 60)}, ${e.type})`;

export async function resolveEntity(sql: Sql, corpusName: string, text: string): Promise<EntityRef> {
  const byId = await sql.row<EntityRef>(`SELECT ${COLUMNS} FROM entities e WHERE e.id = ?`, text);
  if (byId) return byId;
  const key = normaliseName(text);
  const matches = key === '' ? [] : await sql.rows<EntityRef>(`SELECT ${COLUMNS} FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE n.name = ? ORDER BY e.degree DESC, e.pk`, key);
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
  const close = await suggest(sql, key);
  throw new CorpusQueryError(
    'unknown-entity',
    `no entity ${quoteText(text, 60)} in ${corpusName}. Fix: ${close.length > 0 ? `did you mean ${close.map(describe).join(', or ')}?` : 'check the spelling, or search the corpus for the name (the explorer’s search box, `newsgraph serve`)'}`,
    close.map(({ id, label, type }) => ({ id, label, type })),
  );
}

async function suggest(sql: Sql, key: string): Promise<EntityRef[]> {
  if (key.length < 2) return [];
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  const scored = new Map<number, { entity: EntityRef; score: number }>();
  const consider = (entity: EntityRef, score: number) => {
    const held = scored.get(entity.pk);
    if (!held || score < held.score) scored.set(entity.pk, { entity, score });
  };
  const near = await sql.rows<EntityRef & { name: string }>(`SELECT n.name, ${COLUMNS} FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE starts_with(n.name, ?) LIMIT ?`, key.slice(0, 2), CANDIDATES_SCANNED);
  for (const row of near) {
    const distance = editDistance(key, row.name, max);
    if (distance <= max) consider(row, distance);
    else if (row.name.startsWith(key)) consider(row, max + 1);
  }
  if (key.length >= 3) {
    const containing = await sql.rows<EntityRef & { name: string }>(`SELECT n.name, ${COLUMNS} FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE strpos(n.name, ?) > 0 LIMIT ?`, key, CANDIDATES_SCANNED);
    for (const row of containing) consider(row, max + 2);
  }
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || b.entity.degree - a.entity.degree || a.entity.pk - b.entity.pk)
    .slice(0, SUGGESTIONS)
    .map((s) => s.entity);
}
