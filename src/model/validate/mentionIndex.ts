/**
 * Recorded mentions
 * =================
 *
 * Answers the evidence rule's question, "does entity X have a recorded
 * mention inside this sentence?", asked for every end of every relation
 * (100,000 times for 50,000 relations). One structure answers every case:
 * each document keeps its mentions in flat arrays sorted by entity number,
 * then start, so a question costs one binary search to X's mentions that
 * start in the sentence, however crowded the sentence and however many
 * mentions a hub entity has. Mentions arrive entity by entity and mostly in
 * text order, so the arrays are usually sorted as they are filled.
 *
 * It also knows when "no" cannot be concluded: an entity with a mention that
 * was malformed or pointed nowhere is incomplete, and its evidence is not
 * judged, so one mistake does not cascade into false problems.
 */

import type { Span } from '../schema.ts';

/** One document's mentions as three parallel arrays, in order of (entity, start) once `sort` has run. */
class DocumentMentions {
  private entities: number[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private ordered = true;

  add(entity: number, start: number, end: number): void {
    const last = this.entities.length - 1;
    if (last >= 0 && (entity < this.entities[last]! || (entity === this.entities[last] && start < this.starts[last]!))) this.ordered = false;
    this.entities.push(entity);
    this.starts.push(start);
    this.ends.push(end);
  }

  has(entity: number, start: number, end: number): boolean {
    if (!this.ordered) this.sort();
    const { entities, starts, ends } = this;
    let lo = 0;
    let hi = entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = entities[mid]!;
      if (other < entity || (other === entity && starts[mid]! < start)) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < entities.length && entities[k] === entity && starts[k]! < end; k++) if (ends[k]! <= end) return true;
    return false;
  }

  /** Rarely needed (an entity's mentions out of text order), and then nearly sorted already, which the engine's merge sort handles in about linear time. */
  private sort(): void {
    const { entities, starts, ends } = this;
    const order = Array.from(entities.keys()).sort((a, b) => entities[a]! - entities[b]! || starts[a]! - starts[b]!);
    this.entities = order.map((k) => entities[k]!);
    this.starts = order.map((k) => starts[k]!);
    this.ends = order.map((k) => ends[k]!);
    this.ordered = true;
  }
}

export class MentionIndex {
  private readonly byDocument = new Map<string, DocumentMentions>();
  /** By entity number: false once one of its mentions could not be read or placed. */
  private readonly complete: boolean[] = [];
  // Consecutive mentions and evidence spans mostly quote the same document: remember the last one found.
  private lastDocument: string | undefined;
  private lastMentions: DocumentMentions | undefined;

  /**
   * Gives the next entity its number (0, 1, 2, … in list order); `complete`
   * is false when some of its mentions were already found malformed.
   */
  addEntity(complete: boolean): number {
    return this.complete.push(complete) - 1;
  }

  /** Records a mention that passed its checks. */
  addMention(entity: number, document: string, start: number, end: number): void {
    let mentions = this.mentionsIn(document);
    if (mentions === undefined) {
      mentions = new DocumentMentions();
      this.byDocument.set(document, mentions);
      this.lastDocument = document;
      this.lastMentions = mentions;
    }
    mentions.add(entity, start, end);
  }

  /** One of the entity's mentions could not be placed: a sentence without a recorded mention of it may still name it. */
  markIncomplete(entity: number): void {
    this.complete[entity] = false;
  }

  /** Whether every mention of the entity is recorded, so that `hasMentionWithin` answering false means it has none there. */
  isComplete(entity: number): boolean {
    return this.complete[entity] === true;
  }

  /** Whether the entity has a recorded mention lying wholly inside `outer`. */
  hasMentionWithin(entity: number, outer: Span): boolean {
    const mentions = this.mentionsIn(outer.document);
    return mentions !== undefined && mentions.has(entity, outer.start, outer.end);
  }

  private mentionsIn(document: string): DocumentMentions | undefined {
    if (document === this.lastDocument) return this.lastMentions;
    const mentions = this.byDocument.get(document);
    if (mentions !== undefined) {
      this.lastDocument = document;
      this.lastMentions = mentions;
    }
    return mentions;
  }
}
