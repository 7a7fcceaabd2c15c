/**
 * Schema issues → problems
 * ========================
 *
 * zod says what is wrong in its own terms (`invalid_type`, `too_small`, a
 * path of keys); a journalist needs the field, the bad value and the fix.
 * This turns each zod issue into such a `Problem`: the kind of mistake
 * (missing field, wrong type, unknown type with the nearest known one), the
 * full path, and an example of a well-formed value.
 */

import type { z } from 'zod';
import { quoteText, quoteValue, type Problem } from '../errors.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import { nestsDeeperThan } from '../nesting.ts';
import { DATASET_VERSION, DocumentSchema, EntitySchema, EvidenceSchema, RelationSchema, SpanSchema } from '../schema.ts';
import { nearestWord } from '../suggest.ts';

/** `relations[12].evidence[0].end` from `['relations', 12, 'evidence', 0, 'end']`; odd keys are quoted: `attributes["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${quoteText(String(key), 60)}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The bad value as a problem carries it: as is, unless it nests past the
 * default depth limit — problems travel from the import worker by structured
 * clone, which recurses, and are printed — then as its short preview.
 */
export function carriedValue(value: unknown): unknown {
  return nestsDeeperThan(value, DEFAULT_LIMITS.maxNestingDepth) ? quoteValue(value) : value;
}

export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

/** What a well-formed value of each field looks like, for "add the field" and "make it a …" fixes. */
const FIELD_EXAMPLES: Record<string, string> = {
  version: '1',
  title: 'a string, e.g. "Lavrov jokes about Russia’s isolation"',
  documents: 'a list of documents: [{ "id": "seed", "title": "…", "text": "…" }]',
  entities: 'a list of entities: [{ "id": "…", "label": "…", "type": "country", "aliases": [], "mentions": [] }]',
  relations: 'a list of relations: [{ "id": "…", "type": "accused", "source": "…", "target": "…", "evidence": [] }]',
  id: 'a non-empty string, unique among its kind, e.g. "vladimir-putin"',
  label: 'the name as it should be displayed, e.g. "Vladimir Putin"',
  text: 'the full article text as one string',
  source: 'the id of an entity (for a document: its outlet, e.g. "Reuters", or where the text came from)',
  url: 'the address of the article, e.g. "https://example.org/news/1"',
  published: 'a date written year-month-day, e.g. "2023-09-21", or a date-time such as "2023-09-21T14:05:00Z" (or remove "published" if the date is not known)',
  target: 'the id of an entity',
  attributedTo: 'the id of the entity whose claim this is',
  aliases: 'a list of other names as written in the text, e.g. ["Putin"] (or [])',
  mentions: 'a list of spans: [{ "document": "seed", "start": 10, "end": 16 }] (or [])',
  wikidata: 'a Wikidata item id, e.g. "Q159" (or remove "wikidata")',
  evidence: 'a list of sentences: [{ "document": "seed", "start": 0, "end": 120 }]',
  document: 'the id of one of the documents, e.g. "seed"',
  start: 'a whole number: the offset of the first character, counted in UTF-16 code units',
  end: 'a whole number: the offset just past the last character, counted in UTF-16 code units',
  note: 'a non-empty string saying how the sentence refers to an end it does not name (e.g. "\\"he\\" is Putin")',
  hedged: 'true or false',
  negated: 'true or false',
  attributes: 'an object of string, number, true/false or null values',
};

/** The keys a record of each kind may have, by the name of the list holding it. */
const FIELDS_BY_CONTAINER: Record<string, readonly string[]> = {
  '': ['version', 'title', 'documents', 'entities', 'relations'],
  documents: Object.keys(DocumentSchema.shape),
  entities: Object.keys(EntitySchema.shape),
  relations: Object.keys(RelationSchema.shape),
  mentions: Object.keys(SpanSchema.shape),
  evidence: Object.keys(EvidenceSchema.shape),
};

/** Name of the nearest list in the path ("mentions" for `entities[3].mentions[0]`), which decides the allowed fields. */
function containerOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return path[i] as string;
  }
  return '';
}

/** The problems one zod issue stands for (one per key for unknown keys), at paths under `prefix`; `root` is the value zod parsed. */
export function problemsFromIssue(issue: z.core.$ZodIssue, root: unknown, prefix: readonly PropertyKey[]): Problem[] {
  const full = [...prefix, ...issue.path];
  const path = formatPath(full);
  const last = full[full.length - 1];
  const field = typeof last === 'string' ? last : containerOf(full.slice(0, -1));
  const value = carriedValue(valueAt(root, issue.path));
  const example = FIELD_EXAMPLES[field];
  switch (issue.code) {
    case 'invalid_type': {
      const present = issue.path.length === 0 ? true : hasPath(root, issue.path);
      if (!present) {
        return [{ code: 'missing-field', path, message: `missing the required field "${String(last)}"`, fix: `add "${String(last)}": ${example ?? 'a value'}` }];
      }
      if (issue.expected === 'int' || ((field === 'start' || field === 'end') && typeof value === 'number')) {
        return [{ code: 'invalid-offset', path, message: 'an offset must be a whole number', fix: `use ${example ?? 'a whole number'}`, value }];
      }
      if (typeof last === 'number' && field === 'aliases') {
        return [{ code: 'wrong-type', path, message: `each alias must be a string, not ${jsonKind(value)}`, fix: 'write each alias as a non-empty string, the name as it appears in the text', value }];
      }
      if (typeof last === 'number') {
        const kind = field === 'evidence' ? 'evidence span' : field === 'mentions' ? 'mention span' : field.replace(/s$/, '').replace(/ie$/, 'y');
        return [{ code: 'wrong-type', path, message: `each ${kind} must be an object, not ${jsonKind(value)}`, fix: `write it as ${objectExample(field)}`, value }];
      }
      return [
        {
          code: 'wrong-type',
          path,
          message: `must be ${issue.expected === 'array' ? 'a list (JSON array)' : issue.expected === 'record' ? 'an object' : `a ${issue.expected}`}, not ${jsonKind(value)}`,
          fix: `make it ${example ?? `a ${issue.expected}`}`,
          value,
        },
      ];
    }
    case 'invalid_value': {
      if (field === 'version') {
        return [
          {
            code: 'wrong-version',
            path,
            message: `this newsgraph reads dataset format version ${DATASET_VERSION} only`,
            fix: `set "version": ${DATASET_VERSION} if the file follows the format in the README, or convert it with the newsgraph release that wrote it`,
            value,
          },
        ];
      }
      return [{ code: 'invalid-value', path, message: issue.message, fix: `use ${example ?? 'an allowed value'}`, value }];
    }
    case 'unrecognized_keys': {
      const allowed = FIELDS_BY_CONTAINER[containerOf(full)] ?? [];
      const hasAttributes = allowed.includes('attributes');
      return issue.keys.map((key) => {
        const guess = nearestWord(key, allowed);
        return {
          code: 'unknown-field',
          path: formatPath([...full, key]),
          message: `unknown field${guess ? `; did you mean "${guess}"?` : ''}`,
          fix: guess
            ? `rename "${key}" to "${guess}"`
            : `remove "${key}"${hasAttributes ? ', or move its value into "attributes"' : ''} (allowed fields here: ${allowed.join(', ')})`,
          value: carriedValue(valueAt(root, [...issue.path, key])),
        };
      });
    }
    case 'too_small': {
      if (issue.origin === 'number') {
        return [{ code: 'invalid-offset', path, message: 'an offset must be 0 or more', fix: `use ${example ?? 'a whole number from 0'}`, value }];
      }
      if (typeof last === 'number') return [{ code: 'empty-value', path, message: 'must not be empty', fix: `remove the empty item from "${field}", or write the name in it`, value }];
      return [{ code: 'empty-value', path, message: 'must not be empty', fix: example ? `make it ${example}` : 'give it a value, or remove the field if it is optional', value }];
    }
    case 'invalid_union':
      return [
        {
          code: 'wrong-type',
          path,
          message: `an attribute value must be a string, a number, true/false or null, not ${jsonKind(value)}`,
          fix: 'flatten it into a string, or split it into several attributes',
          value,
        },
      ];
    default:
      return [{ code: 'invalid-value', path, message: issue.message, fix: `use ${example ?? 'a value the dataset format allows (see the README)'}`, value }];
  }
}

function hasPath(root: unknown, path: readonly PropertyKey[]): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
}

function objectExample(container: string): string {
  switch (container) {
    case 'documents':
      return '{ "id": "…", "title": "…", "text": "…" }';
    case 'entities':
      return '{ "id": "…", "label": "…", "type": "person", "aliases": [], "mentions": [] }';
    case 'relations':
      return '{ "id": "…", "type": "accused", "source": "…", "target": "…", "evidence": [] }';
    default:
      return '{ "document": "…", "start": 0, "end": 10 }';
  }
}
