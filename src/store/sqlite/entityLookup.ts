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
 * corpus.
 */

import { quoteText } from '../../model/errors.ts';
import { editDistance } from '../../model/suggest.ts';
import { CorpusQueryError } from '../errors.ts';
import { normaliseName } from '../identity.ts';
import type { Connection } from './connection.ts';

export interface EntityRef {
  pk: number;
  id: string;
  label: string;
  type: string;
  degree: number;
}

const SUGGESTIONS = 5;
const CANDIDATES_SCANNED = 5_000;

/** The greatest code point: a prefix range `[p, p + MAX)` holds every text starting with `p` (SQLite compares UTF-8 bytes). */
export const MAX_CHARACTER = '\u{10FFFF}';

const describe = (e: EntityRef) => `${quoteText(e.label, 60)} (id ${quoteText(e.id, 60)}, ${e.type})`;

export class EntityLookup {
  private readonly s;

  constructor(
    db: Connection,
    private readonly corpusName: string,
  ) {
    this.s = {
      byId: db.prepare<[string], EntityRef>('SELECT pk, id, label, type, degree FROM entities WHERE id = ?'),
      byName: db.prepare<[string], EntityRef>(
        'SELECT e.pk, e.id, e.label, e.type, e.degree FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE n.name = ? ORDER BY e.degree DESC, e.pk',
      ),
      near: db.prepare<[string, string, number], EntityRef & { name: string }>(
        'SELECT n.name, e.pk, e.id, e.label, e.type, e.degree FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE n.name >= ? AND n.name < ? LIMIT ?',
      ),
      containing: db.prepare<[string, number], EntityRef & { name: string }>(
        'SELECT n.name, e.pk, e.id, e.label, e.type, e.degree FROM entity_names n JOIN entities e ON e.pk = n.entity WHERE instr(n.name, ?) > 0 LIMIT ?',
      ),
    };
  }

  /** The one entity `text` names; throws `CorpusQueryError` (unknown or ambiguous). */
  resolve(text: string): EntityRef {
    const byId = this.s.byId.get(text);
    if (byId) return byId;
    const key = normaliseName(text);
    const matches = key === '' ? [] : this.s.byName.all(key);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      const byLabel = matches.filter((e) => normaliseName(e.label) === key);
      if (byLabel.length === 1) return byLabel[0]!;
      const shown = (byLabel.length > 1 ? byLabel : matches).slice(0, 8);
      throw new CorpusQueryError(
        'ambiguous-entity',
        `${quoteText(text, 60)} names ${matches.length} entities in ${this.corpusName}: ${shown.map(describe).join(', ')}${matches.length > shown.length ? ', …' : ''}. Fix: give the id of the one you mean`,
        shown.map(({ id, label, type }) => ({ id, label, type })),
      );
    }
    const close = this.suggest(key);
    throw new CorpusQueryError(
      'unknown-entity',
      `no entity ${quoteText(text, 60)} in ${this.corpusName}. Fix: ${close.length > 0 ? `did you mean ${close.map(describe).join(', or ')}?` : 'check the spelling, or search the corpus for the name (the explorer’s search box, `newsgraph serve`)'}`,
      close.map(({ id, label, type }) => ({ id, label, type })),
    );
  }

  /** Names a few typos away, or containing the words: the best-connected first. */
  private suggest(key: string): EntityRef[] {
    if (key.length < 2) return [];
    const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    const scored = new Map<number, { entity: EntityRef; score: number }>();
    const consider = (entity: EntityRef & { name: string }, score: number) => {
      const held = scored.get(entity.pk);
      if (!held || score < held.score) scored.set(entity.pk, { entity, score });
    };
    const prefix = key.slice(0, 2);
    for (const row of this.s.near.iterate(prefix, prefix + MAX_CHARACTER, CANDIDATES_SCANNED)) {
      const distance = editDistance(key, row.name, max);
      if (distance <= max) consider(row, distance);
      else if (row.name.startsWith(key)) consider(row, max + 1);
    }
    if (key.length >= 3) for (const row of this.s.containing.iterate(key, CANDIDATES_SCANNED)) consider(row, max + 2);
    return [...scored.values()]
      .sort((a, b) => a.score - b.score || b.entity.degree - a.entity.degree || a.entity.pk - b.entity.pk)
      .slice(0, SUGGESTIONS)
      .map((s) => s.entity);
  }
}
