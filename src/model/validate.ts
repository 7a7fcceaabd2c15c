/**
 * Dataset validation
 * ==================
 *
 * `validateDataset` checks an unknown value against the schema and then the
 * rules a schema cannot express: unique ids, references that resolve, offsets
 * inside the text and on the quoted words, evidence on sentence boundaries
 * that names both ends of its relation. It never throws on any input and
 * reports every problem at once, each with its JSON path and a fix.
 */

import type { z } from 'zod';
import { ENTITY_TYPE_IDS } from './entityTypes.ts';
import { DatasetValidationError, type Problem } from './errors.ts';
import { RELATION_TYPE_IDS } from './relationTypes.ts';
import { DatasetSchema, type Dataset, type Span } from './schema.ts';
import { isSentenceEnd, isSentenceStart, spanContains, spanText } from './spans.ts';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export function validateDataset(input: unknown): ValidationResult {
  const parsed = DatasetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(problemFromSchemaIssue) };
  const problems = checkReferencesAndOffsets(parsed.data);
  return problems.length === 0 ? { ok: true, dataset: parsed.data } : { ok: false, problems };
}

/** Like `validateDataset`, but throws a `DatasetValidationError` naming `file`. */
export function assertValidDataset(input: unknown, file?: string): Dataset {
  const result = validateDataset(input);
  if (!result.ok) throw new DatasetValidationError(result.problems, file);
  return result.dataset;
}

/** `relations[12].evidence[0].end` from `['relations', 12, 'evidence', 0, 'end']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function problemFromSchemaIssue(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      return {
        code: 'wrong-type',
        path,
        message: `expected ${issue.expected}`,
        fix: issue.input === undefined ? `add the required field "${String(last)}"` : `make "${String(last)}" a ${issue.expected}`,
        value: issue.input,
      };
    case 'invalid_value':
      if (last === 'type') {
        const allowed = path.startsWith('relations') ? RELATION_TYPE_IDS : ENTITY_TYPE_IDS;
        const kind = path.startsWith('relations') ? 'relation' : 'entity';
        return {
          code: `unknown-${kind}-type`,
          path,
          message: `unknown ${kind} type`,
          fix: `use one of: ${allowed.join(', ')}`,
          value: issue.input,
        };
      }
      if (last === 'version') {
        return { code: 'wrong-version', path, message: 'unsupported dataset version', fix: 'set "version": 1', value: issue.input };
      }
      return { code: 'invalid-value', path, message: issue.message, fix: 'use one of the allowed values', value: issue.input };
    case 'unrecognized_keys':
      return {
        code: 'unknown-field',
        path,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: 'check the spelling against the dataset format in the README, or move extra data into "attributes"',
      };
    case 'too_small':
      return { code: 'too-small', path, message: issue.message, fix: `give "${String(last)}" a value that ${issue.message}`, value: issue.input };
    default:
      return { code: 'invalid', path, message: issue.message, fix: 'see the dataset format in the README', value: issue.input };
  }
}

function checkReferencesAndOffsets(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const documents = new Map<string, string>();
  dataset.documents.forEach((doc, i) => {
    if (documents.has(doc.id)) problems.push(duplicateId(`documents[${i}].id`, doc.id, 'document'));
    else documents.set(doc.id, doc.text);
  });

  /** Checks a span's document and offsets; returns the document text when they are usable. */
  const checkSpan = (span: Span, path: string): string | undefined => {
    const text = documents.get(span.document);
    if (text === undefined) {
      problems.push({
        code: 'dangling-reference',
        path: `${path}.document`,
        message: 'no document has this id',
        fix: `use the id of one of the documents (${[...documents.keys()].map((id) => `"${id}"`).join(', ') || 'none defined'})`,
        value: span.document,
      });
      return undefined;
    }
    if (span.end > text.length) {
      problems.push({
        code: 'offset-out-of-range',
        path: `${path}.end`,
        message: `offset is past the end of document "${span.document}" (its text has ${text.length} UTF-16 code units)`,
        fix: `use an offset from 0 to ${text.length}, counted in UTF-16 code units as JavaScript strings do`,
        value: span.end,
      });
      return undefined;
    }
    if (span.start >= span.end) {
      problems.push({
        code: 'empty-span',
        path: `${path}.start`,
        message: `start must be less than end (${span.end})`,
        fix: 'make the span cover at least one character: start < end',
        value: span.start,
      });
      return undefined;
    }
    return text;
  };

  const entityMentions = new Map<string, Span[]>();
  dataset.entities.forEach((entity, i) => {
    if (entityMentions.has(entity.id)) problems.push(duplicateId(`entities[${i}].id`, entity.id, 'entity'));
    else entityMentions.set(entity.id, entity.mentions);
    const names = new Set([entity.label, ...entity.aliases]);
    entity.mentions.forEach((mention, j) => {
      const path = `entities[${i}].mentions[${j}]`;
      const text = checkSpan(mention, path);
      if (text === undefined) return;
      const quoted = spanText(text, mention);
      if (!names.has(quoted)) {
        problems.push({
          code: 'mention-not-a-name',
          path,
          message: `the text at ${mention.start}–${mention.end} is ${JSON.stringify(quoted)}, which is neither the label nor an alias of "${entity.id}"`,
          fix: `move the span onto the name as written, or add ${JSON.stringify(quoted)} to entities[${i}].aliases`,
        });
      }
    });
  });

  const relationIds = new Set<string>();
  dataset.relations.forEach((relation, i) => {
    const base = `relations[${i}]`;
    if (relationIds.has(relation.id)) problems.push(duplicateId(`${base}.id`, relation.id, 'relation'));
    relationIds.add(relation.id);
    const ends: Array<['source' | 'target' | 'attributedTo', string | undefined]> = [
      ['source', relation.source],
      ['target', relation.target],
      ['attributedTo', relation.attributedTo],
    ];
    for (const [field, id] of ends) {
      if (id !== undefined && !entityMentions.has(id)) {
        problems.push({
          code: 'dangling-reference',
          path: `${base}.${field}`,
          message: 'no entity has this id',
          fix: `add an entity with id ${JSON.stringify(id)}, or point ${field} at an existing entity`,
          value: id,
        });
      }
    }
    relation.evidence.forEach((evidence, j) => {
      const path = `${base}.evidence[${j}]`;
      const text = checkSpan(evidence, path);
      if (text === undefined) return;
      if (!isSentenceStart(text, evidence.start)) {
        problems.push({
          code: 'evidence-not-sentence',
          path: `${path}.start`,
          message: `evidence does not start at a sentence boundary (text there: ${JSON.stringify(text.slice(evidence.start, evidence.start + 30))})`,
          fix: 'quote the whole sentence: move start back to its first character',
          value: evidence.start,
        });
      }
      if (!isSentenceEnd(text, evidence.end)) {
        problems.push({
          code: 'evidence-not-sentence',
          path: `${path}.end`,
          message: `evidence does not end at a sentence boundary (text before it: ${JSON.stringify(text.slice(Math.max(0, evidence.end - 30), evidence.end))})`,
          fix: 'quote the whole sentence: move end just past its closing punctuation (and closing quote mark)',
          value: evidence.end,
        });
      }
      if (evidence.note) return;
      for (const field of ['source', 'target'] as const) {
        const mentions = entityMentions.get(relation[field]);
        if (mentions && !mentions.some((m) => spanContains(evidence, m))) {
          problems.push({
            code: 'evidence-missing-mention',
            path,
            message: `the sentence has no recorded mention of the ${field} "${relation[field]}"`,
            fix: `add the mention to that entity's "mentions", or add a "note" saying how the sentence refers to it (e.g. a pronoun)`,
          });
        }
      }
    });
  });
  return problems;
}

function duplicateId(path: string, id: string, kind: string): Problem {
  return {
    code: 'duplicate-id',
    path,
    message: `another ${kind} already has this id`,
    fix: `give each ${kind} a unique id`,
    value: id,
  };
}
