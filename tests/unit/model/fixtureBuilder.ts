/**
 * Building datasets with exact offsets
 * ====================================
 *
 * Fixtures with emoji, combining marks, right-to-left names, CRLF and hostile
 * strings are easy to get wrong by hand-counting UTF-16 offsets. This builder
 * appends text piece by piece and records each name's span as it goes, so a
 * fixture's offsets are right by construction; the validator then confirms it.
 * Used by the fixture generators under tests/fixtures/ and by unit tests.
 */

import type { Dataset, Entity, EntityTypeId, Relation, RelationTypeId, Span } from '../../../src/model/index.ts';

/** A piece of a sentence: plain text, or `[entityId, name as written]`, recorded as a mention. */
export type Piece = string | [string, string];

export class DocumentBuilder {
  text = '';
  readonly mentions: Array<{ entity: string; span: Span }> = [];

  constructor(
    readonly id: string,
    readonly title: string,
    private readonly lineBreak: string = '\n',
  ) {}

  /** Appends one sentence (and a line break after it, unless `lineBreak` is false); returns its span for evidence. */
  sentence(pieces: Piece[], options: { lineBreak?: boolean } = {}): Span {
    const start = this.text.length;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        this.text += piece;
        continue;
      }
      const [entity, name] = piece;
      const span = { document: this.id, start: this.text.length, end: this.text.length + name.length };
      this.text += name;
      this.mentions.push({ entity, span });
    }
    const span = { document: this.id, start, end: this.text.length };
    if (options.lineBreak !== false) this.text += this.lineBreak;
    return span;
  }

  /** Text between sentences that is not itself evidence (a space between two sentences on one line). */
  raw(text: string): void {
    this.text += text;
  }
}

export interface EntitySpec {
  id: string;
  label: string;
  type: EntityTypeId;
  aliases?: string[];
  attributes?: Entity['attributes'];
}

export interface RelationSpec {
  id: string;
  type: RelationTypeId;
  source: string;
  target: string;
  evidence: Array<Span & { note?: string }>;
  hedged?: boolean;
  negated?: boolean;
  attributedTo?: string;
  attributes?: Relation['attributes'];
}

export function buildDataset(spec: { title?: string; documents: DocumentBuilder[]; entities: EntitySpec[]; relations: RelationSpec[] }): Dataset {
  const entities: Entity[] = spec.entities.map((entity) => ({
    id: entity.id,
    label: entity.label,
    type: entity.type,
    aliases: entity.aliases ?? [],
    mentions: spec.documents.flatMap((doc) => doc.mentions.filter((m) => m.entity === entity.id).map((m) => m.span)),
    ...(entity.attributes ? { attributes: entity.attributes } : {}),
  }));
  const relations: Relation[] = spec.relations.map((relation) => ({ ...relation }));
  return {
    version: 1,
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    documents: spec.documents.map((doc) => ({ id: doc.id, title: doc.title, text: doc.text })),
    entities,
    relations,
  };
}

/** Stable JSON for committed fixtures: two-space indent and a final newline, as the seed dataset. */
export function fixtureJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
