/**
 * One document, start to finish
 * =============================
 *
 * The extractor as stages in order. Each takes the previous stage's result
 * and returns its own (types in `sentenceModel.ts`); none writes into what
 * another returned. The entity registry is the one thing shared: it gathers
 * the entities, mentions and titles of every document of a dataset.
 *
 * Sentences are read in order because reference depends on what came
 * before: "he" is the person last named, "the president himself" the
 * president last named, "us" in a quotation the speaker's country.
 */

import { findSentenceClauses, findSpeakers, markQuotes, resolveFirstPerson, resolveThirdPerson } from './discourse.ts';
import type { EntityRegistry } from './entities.ts';
import { findNameSlots, readSentences } from './readSentences.ts';
import { markAgents, markEventReferences, markMeetingReferences, markOrganisationReferences, markStateReferences, recordMentions } from './references.ts';
import { applyRules } from './relations.ts';
import { findDocumentRoles } from './roles.ts';
import { splitSentences } from './sentences.ts';
import type { Candidate, ResolvedSentence, RoledSentence, Slot, SlottedSentence } from './sentenceModel.ts';

export interface DocumentInput {
  id: string;
  title: string;
  text: string;
}

export interface ProgressReport {
  done: number;
  total: number;
}

export function analyseDocument(doc: DocumentInput, registry: EntityRegistry, onProgress?: (report: ProgressReport) => void): Candidate[] {
  const spans = splitSentences(doc.text); //                                text → sentence spans
  const matched = readSentences(doc.text, spans); //                        → tokens, gazetteer names, titles
  const named = findNameSlots(doc.text, matched, registry); //              → name slots (and entities)
  const events = markEventReferences(named, registry); //                   → "the BRICS summit", "the UN confab"
  const topic = documentTopic(events, registry); //                          the organisation an encyclopedia lead is about
  const meetings = markMeetingReferences(events, registry, topic); //       → "the summit" named before
  const agents = markAgents(meetings); //                                   → "Russian forces" act for Russia
  recordMentions(doc, agents, registry); //                                   (mentions: names as written)
  const organisations = markOrganisationReferences(agents, registry, topic); // → "the bloc", "the court"
  const states = markStateReferences(organisations, registry); //           → "the Gulf nation", "the country"
  const roled = findDocumentRoles(states, registry); //                     → leader-of / official-of from titles
  const quoted = markQuotes(roled); //                                      → quote segments
  const claused = findSentenceClauses(quoted); //                           → clauses
  const thirdPerson = resolveThirdPerson(claused, registry); //             → "he", "they", "the president himself"
  const spoken = findSpeakers(thirdPerson, registry); //                    → who speaks each quotation
  const resolved = resolveFirstPerson(spoken, registry); //                 → "we", "us" in a quotation
  recordTitles(roled, registry); //                                           (titles, for later documents)
  return findCandidates(doc, resolved, registry, topic, progressOver(spans.length, onProgress)); // → candidate relations
}

/**
 * "The Shanghai Cooperation Organisation (SCO) is a Eurasian … organisation":
 * the organisation a document opens with is what it is about, so "Iran
 * joined in 2023", "the organisation" and "the 2022 summit" are about it.
 */
function documentTopic(sentences: readonly SlottedSentence[], registry: EntityRegistry): string | undefined {
  const first = sentences[0];
  const slot = first?.slots[0];
  if (!first || !slot || !slot.recorded) return undefined;
  const opens = slot.tokenStart === 0 || (slot.tokenStart === 1 && first.tokens[0]!.norm === 'the');
  return opens && registry.typeOf(slot.ids[0]!) === 'organisation' ? slot.ids[0] : undefined;
}

/** Titles each person was given, kept in the registry so that a later document's "the president himself" can find them. */
function recordTitles(sentences: readonly RoledSentence[], registry: EntityRegistry): void {
  for (const sentence of sentences) for (const { person, title } of sentence.titlesGiven) registry.get(person)?.titles.add(title);
}

/** Stage 10: per sentence, the roles its titles state and the relations its rules find. */
function findCandidates(doc: DocumentInput, sentences: readonly ResolvedSentence[], registry: EntityRegistry, topic: string | undefined, progress: SentenceProgress): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    for (const role of sentence.roles) {
      const notes = role.note ? [role.note] : [];
      candidates.push({ type: role.type, source: role.person, target: role.target, document: doc.id, sentence, negated: false, hedged: false, notes, rule: 'title', at: role.at });
    }
    for (const candidate of applyRules({ document: doc.id, sentence, registry, mainPerson: mainPerson(sentence, registry), topic, documentEarlier: candidates })) candidates.push(candidate);
    progress.read(sentence.span.index);
  }
  progress.end(sentences[sentences.length - 1]?.span.index ?? -1);
  return candidates;
}

/** The first person named outside quotations, as a subject (not a title's qualifier). */
function mainPerson(sentence: ResolvedSentence, registry: EntityRegistry): Slot | undefined {
  return sentence.slots.find((slot) => slot.recorded && !slot.modifier && sentence.quote[slot.tokenStart] === 0 && registry.typeOf(slot.ids[0]!) === 'person');
}

interface SentenceProgress {
  /** Sentence `index` is done. */
  read(index: number): void;
  /** All are done; the last read was `lastIndex` (sentences of punctuation alone are left out, not read). */
  end(lastIndex: number): void;
}

/** Reports about twenty times over `total` sentences, and once at the end. */
function progressOver(total: number, onProgress: ((report: ProgressReport) => void) | undefined): SentenceProgress {
  const every = Math.max(1, Math.floor(total / 20));
  return {
    read(index) {
      if (onProgress && (index % every === 0 || index === total - 1)) onProgress({ done: index + 1, total });
    },
    end(lastIndex) {
      if (onProgress && total > 0 && lastIndex < total - 1) onProgress({ done: total, total });
    },
  };
}

