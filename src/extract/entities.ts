/**
 * Entity registry
 * ===============
 *
 * Every entity the extractor has seen, keyed by id, with the surface forms
 * and mentions recorded so far. One registry serves all documents of a
 * dataset, so "Putin" in two articles is one node with mentions in both.
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import { personNameKey } from '../model/nameVariants.ts';
import type { EntityRecord } from './sentenceModel.ts';

export class EntityRegistry {
  readonly records = new Map<string, EntityRecord>();
  /** People by name key, so "Volodymyr Zelenskyy" in a later article is the "Volodymyr Zelensky" of an earlier one. */
  private readonly people = new Map<string, EntityRecord>();

  /**
   * The record for `id`, made if new. A person whose full name is a spelling
   * variant of one already registered gets that person's record: callers use
   * the returned record's id.
   */
  ensure(id: string, label: string, type: BuiltInEntityTypeId, parent?: string): EntityRecord {
    let record = this.records.get(id);
    if (record) return record;
    const key = type === 'person' && label.includes(' ') ? personNameKey(label) : '';
    if (key) record = this.people.get(key);
    if (!record) {
      record = { id, label, type, aliases: [], mentions: [], titles: new Set() };
      if (parent) record.parent = parent;
      this.records.set(id, record);
      if (key) this.people.set(key, record);
    }
    return record;
  }

  get(id: string): EntityRecord | undefined {
    return this.records.get(id);
  }

  typeOf(id: string): BuiltInEntityTypeId | undefined {
    return this.records.get(id)?.type;
  }

  label(id: string): string {
    return this.records.get(id)?.label ?? id;
  }

  /** Records `text` (the name as written) at `start`–`end` of `document`. */
  mention(id: string, document: string, start: number, end: number, text: string): void {
    const record = this.records.get(id);
    if (!record) return;
    const last = record.mentions[record.mentions.length - 1];
    if (last && last.document === document && last.start === start && last.end === end) return;
    record.mentions.push({ document, start, end });
    if (text !== record.label && !record.aliases.includes(text)) record.aliases.push(text);
  }
}
