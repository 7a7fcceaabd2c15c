/**
 * Candidates → dataset
 * ====================
 *
 * Merges the relations found sentence by sentence — one relation per
 * (source, type, target), symmetric types regardless of order — keeping every
 * supporting sentence as evidence, and keeps the entities worth a node: those
 * in a relation, those named at least `minMentions` times and, unless a
 * minimum is asked for, every person named in full: the people are who a
 * story is about, where a country or town named once in passing is not.
 *
 * The result must always validate, so this is also where every span is
 * checked one last time against the model's own rules (sentence boundaries,
 * whole characters) and where an evidence sentence that does not name an end
 * of its relation gets a note saying how it refers to it.
 */

import type { Dataset, Entity, Evidence, NewsDocument, Relation } from '../model/schema.ts';
import { BUILT_IN_RELATION_TYPES } from '../model/relationTypes.ts';
import { characterSplitAt, isSentenceEnd, isSentenceStart } from '../model/spans.ts';
import type { Candidate, EntityRecord } from './sentenceModel.ts';
import type { EntityRegistry } from './entities.ts';
import { relationId } from './ids.ts';
import { SentenceEventDates, triggerPlace } from './eventDates.ts';

export interface AssembleOptions {
  title?: string;
  /** Keep an entity in no relation only if named at least this often (default 2, and then people named in full are kept too). */
  minMentions?: number;
}

interface Group {
  first: Candidate;
  candidates: Candidate[];
}

function wholeCharacters(text: string, start: number, end: number): boolean {
  return characterSplitAt(text, start) === undefined && characterSplitAt(text, end) === undefined;
}

export function assembleDataset(documents: NewsDocument[], registry: EntityRegistry, candidates: Candidate[], options: AssembleOptions = {}): Dataset {
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const order = new Map(documents.map((d, i) => [d.id, i]));

  // Mentions that cut a character in two (a name glued to a joiner) are dropped.
  for (const record of registry.records.values()) {
    record.mentions = record.mentions.filter((m) => {
      const text = texts.get(m.document);
      return text !== undefined && m.start < m.end && m.end <= text.length && wholeCharacters(text, m.start, m.end);
    });
  }

  const groups = new Map<string, Group>();
  for (const candidate of candidates) {
    const text = texts.get(candidate.document);
    const { start, end } = candidate.sentence.span;
    if (text === undefined || !isSentenceStart(text, start) || !isSentenceEnd(text, end) || !wholeCharacters(text, start, end)) continue;
    const symmetric = !BUILT_IN_RELATION_TYPES[candidate.type].directed;
    const [a, b] = symmetric && candidate.target < candidate.source ? [candidate.target, candidate.source] : [candidate.source, candidate.target];
    const key = `${a}\u0000${candidate.type}\u0000${b}`;
    const group = groups.get(key);
    if (group) group.candidates.push(candidate);
    else groups.set(key, { first: candidate, candidates: [candidate] });
  }

  const relations: Relation[] = [];
  const used = new Set<string>();
  const named = new MentionIndex(registry);
  // When a sentence states a date, its evidence keeps it: the phrase nearest the relation's trigger word.
  const eventDates = new SentenceEventDates(documents, candidates.map(triggerPlace));
  for (const { first, candidates: members } of groups.values()) {
    const evidence: Evidence[] = [];
    // By document and span: a relation stated in thousands of sentences must not search its evidence per sentence.
    const bySentence = new Map<string, Evidence>();
    for (const member of members) {
      const { start, end } = member.sentence.span;
      const key = `${member.document}\u0000${start}\u0000${end}`;
      const existing = bySentence.get(key);
      const notes = [...new Set([...member.notes, ...missingNotes(registry, named, member)])];
      if (existing) {
        const joined = [...new Set([...(existing.note ? [existing.note] : []), ...notes])];
        if (joined.length) existing.note = joined.join(' ');
        continue;
      }
      const event = eventDates.dateOf(member.document, start, end, triggerPlace(member).trigger);
      const added: Evidence = { document: member.document, start, end, ...(notes.length ? { note: notes.join(' ') } : {}), ...(event ? { event } : {}) };
      evidence.push(added);
      bySentence.set(key, added);
    }
    const attributions = new Set(members.map((m) => m.attributedTo));
    const attributedTo = attributions.size === 1 ? members[0]!.attributedTo : undefined;
    const relation: Relation = {
      id: relationId(first.source, first.type, first.target),
      type: first.type,
      source: first.source,
      target: first.target,
      evidence,
      ...(members.every((m) => m.hedged) ? { hedged: true } : {}),
      ...(members.every((m) => m.negated) ? { negated: true } : {}),
      ...(attributedTo ? { attributedTo } : {}),
    };
    relations.push(relation);
    used.add(relation.source).add(relation.target);
    if (attributedTo) used.add(attributedTo);
  }

  const firstEvidence = (r: Relation) => [order.get(r.evidence[0]!.document) ?? 0, r.evidence[0]!.start] as const;
  relations.sort((x, y) => {
    const [dx, sx] = firstEvidence(x);
    const [dy, sy] = firstEvidence(y);
    return dx - dy || sx - sy || x.id.localeCompare(y.id);
  });

  const minMentions = options.minMentions ?? 2;
  // "Defence Minister Viktor Khrenin", named once among those sanctioned, is in the story even where no relation was found.
  const namedPerson = (record: EntityRecord) => options.minMentions === undefined && record.type === 'person' && record.label.includes(' ');
  const keep = (record: EntityRecord) => used.has(record.id) || record.mentions.length >= minMentions || namedPerson(record);
  const firstMention = (record: EntityRecord) => {
    const m = record.mentions[0];
    return m ? [order.get(m.document) ?? 0, m.start] : [Infinity, Infinity];
  };
  const entities: Entity[] = [...registry.records.values()]
    .filter((record) => record.mentions.length > 0 && keep(record))
    .sort((x, y) => {
      const [dx, sx] = firstMention(x);
      const [dy, sy] = firstMention(y);
      return dx! - dy! || sx! - sy! || x.id.localeCompare(y.id);
    })
    .map((record) => ({ id: record.id, label: record.label, type: record.type, aliases: [...record.aliases], mentions: record.mentions.map((m) => ({ ...m })) }));

  // Relations whose end lost all its mentions (only possible with malformed characters) cannot be shown.
  const kept = new Set(entities.map((e) => e.id));
  const finalRelations = relations.filter((r) => kept.has(r.source) && kept.has(r.target) && (!r.attributedTo || kept.has(r.attributedTo)));

  return {
    version: 1,
    ...(options.title !== undefined ? { title: options.title } : {}),
    documents: documents.map((d) => ({ ...d })),
    entities,
    relations: finalRelations,
  };
}

/** A note for each end the sentence does not name, when the rule left none. */
function missingNotes(registry: EntityRegistry, named: MentionIndex, candidate: Candidate): string[] {
  if (candidate.notes.length) return [];
  const { start, end } = candidate.sentence.span;
  const notes: string[] = [];
  for (const id of [candidate.source, candidate.target]) {
    if (!named.within(id, candidate.document, start, end)) notes.push(`The sentence refers to ${registry.label(id)} without naming it.`);
  }
  return notes;
}

/**
 * Each entity's mentions by document, sorted by start, to ask "is it named
 * between these offsets?" by bisection: scanning all its mentions per
 * evidence sentence is quadratic when one relation is stated all through a
 * long text.
 */
class MentionIndex {
  private readonly byEntity = new Map<string, Map<string, Array<{ start: number; end: number }>>>();

  constructor(private readonly registry: EntityRegistry) {}

  within(id: string, document: string, start: number, end: number): boolean {
    const mentions = this.mentionsOf(id).get(document) ?? [];
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (mentions[mid]!.start < start) low = mid + 1;
      else high = mid;
    }
    for (let k = low; k < mentions.length && mentions[k]!.start <= end; k++) if (mentions[k]!.end <= end) return true;
    return false;
  }

  private mentionsOf(id: string): Map<string, Array<{ start: number; end: number }>> {
    let byDocument = this.byEntity.get(id);
    if (!byDocument) {
      byDocument = new Map();
      for (const m of this.registry.get(id)?.mentions ?? []) {
        const list = byDocument.get(m.document) ?? [];
        list.push(m);
        byDocument.set(m.document, list);
      }
      for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start);
      this.byEntity.set(id, byDocument);
    }
    return byDocument;
  }
}
