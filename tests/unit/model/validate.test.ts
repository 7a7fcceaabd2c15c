/**
 * validateDataset: one test per problem code, each asserting the code, the
 * JSON path and the teaching parts of the message (value, suggestion, fix);
 * plus the promises that matter most in practice — every problem in one run,
 * cross-reference checks despite broken neighbours, no cascades.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertValidDataset,
  DatasetError,
  DatasetValidationError,
  formatPath,
  formatProblem,
  PROBLEM_CODES,
  validateDataset,
  type Dataset,
  type Problem,
} from '../../../src/model/index.ts';
import { manyProblems, smallDataset } from '../../fixtures/bad/generate.ts';
import { buildDataset, DocumentBuilder } from './fixtureBuilder.ts';

type Json = Record<string, any>;

const seed = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8'));

function problemsOf(input: unknown): Problem[] {
  const result = validateDataset(input);
  return result.ok ? [] : result.problems;
}

/** The small valid dataset, changed by `edit`, validated: its problems. */
function broken(edit: (d: Json) => void): Problem[] {
  const d: Json = structuredClone(smallDataset());
  edit(d);
  return problemsOf(d);
}

function only(problems: Problem[]): Problem {
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

describe('validateDataset accepts', () => {
  it('the seed dataset and the small fixture base', () => {
    expect(problemsOf(seed)).toEqual([]);
    expect(problemsOf(smallDataset())).toEqual([]);
  });

  it('returns the dataset itself, with the title kept', () => {
    const result = validateDataset(smallDataset());
    expect(result.ok && result.dataset).toEqual(smallDataset());
  });
});

describe('validateDataset reports, with code and path', () => {
  it('wrong-top-level for non-objects and for objects that are no dataset at all', () => {
    for (const input of [null, 3, 'text', [], [{ id: 'x' }], true]) {
      const problem = only(problemsOf(input));
      expect(problem.code).toBe('wrong-top-level');
      expect(problem.path).toBe('');
    }
    const graphology = only(problemsOf({ nodes: [], edges: [] }));
    expect(graphology.code).toBe('wrong-top-level');
    expect(graphology.message).toContain('"nodes", "edges"');
  });

  it('wrong-version, quoting the value and the version to use', () => {
    const problem = only(broken((d) => (d.version = 2)));
    expect(problem).toMatchObject({ code: 'wrong-version', path: 'version', value: 2 });
    expect(problem.fix).toContain('"version": 1');
  });

  it('missing-field, naming the field and what to put there', () => {
    const problem = only(broken((d) => delete d.relations[1].evidence));
    expect(problem).toMatchObject({ code: 'missing-field', path: 'relations[1].evidence' });
    expect(problem.fix).toContain('"evidence":');
  });

  it('wrong-type with the kind of value found', () => {
    const problem = only(broken((d) => (d.relations[0].hedged = 'yes')));
    expect(problem).toMatchObject({ code: 'wrong-type', path: 'relations[0].hedged', value: 'yes' });
    expect(problem.message).toBe('must be a boolean, not a string');
    const record = only(broken((d) => (d.entities[1] = 42)));
    expect(record).toMatchObject({ code: 'wrong-type', path: 'entities[1]', value: 42 });
    expect(record.message).toContain('each entity must be an object');
  });

  it('unknown-field with "did you mean" for a typo, and the allowed list otherwise', () => {
    const typo = broken((d) => {
      d.entities[0].aliasses = d.entities[0].aliases;
      delete d.entities[0].aliases;
    });
    expect(typo.map((p) => [p.code, p.path])).toEqual([
      ['missing-field', 'entities[0].aliases'],
      ['unknown-field', 'entities[0].aliasses'],
    ]);
    expect(typo[1]!.message).toContain('did you mean "aliases"?');
    expect(typo[1]!.fix).toBe('rename "aliasses" to "aliases"');

    const extra = only(broken((d) => (d.relations[0].confidence = 0.9)));
    expect(extra).toMatchObject({ code: 'unknown-field', path: 'relations[0].confidence', value: 0.9 });
    expect(extra.fix).toContain('move its value into "attributes"');

    const nested = only(broken((d) => (d.entities[0].mentions[0].doc = 'article')));
    expect(nested.path).toBe('entities[0].mentions[0].doc');
  });

  it('unknown-relation-type suggesting the nearest type and listing all', () => {
    const problem = only(broken((d) => (d.relations[2].type = 'allied')));
    expect(problem).toMatchObject({ code: 'unknown-relation-type', path: 'relations[2].type', value: 'allied' });
    expect(problem.message).toContain('did you mean "allied-with"?');
    expect(only(broken((d) => (d.relations[2].type = 'xyzzy'))).fix).toContain('sanctioned, issued-warrant');
    for (const [written, meant] of [
      ['Allied_With', 'allied-with'],
      ['sanctionned', 'sanctioned'],
      ['metWith', 'met-with'],
    ]) {
      expect(only(broken((d) => (d.relations[2].type = written))).message).toContain(`did you mean "${meant}"?`);
    }
    expect(only(broken((d) => (d.relations[2].type = 'xyzzy'))).message).not.toContain('did you mean');
  });

  it('unknown-entity-type the same way', () => {
    const problem = only(broken((d) => (d.entities[2].type = 'organization')));
    expect(problem).toMatchObject({ code: 'unknown-entity-type', path: 'entities[2].type' });
    expect(problem.message).toContain('did you mean "organisation"?');
  });

  it('duplicate-id for documents, entities and relations, at the later record', () => {
    expect(only(broken((d) => (d.relations[3].id = 'r1')))).toMatchObject({ code: 'duplicate-id', path: 'relations[3].id', value: 'r1' });
    const entity = broken((d) => (d.entities[1].id = 'russia'));
    expect(entity.map((p) => [p.code, p.path])).toContainEqual(['duplicate-id', 'entities[1].id']);
    const document = broken((d) => d.documents.push({ ...d.documents[0] }));
    expect(document.map((p) => [p.code, p.path])).toEqual([['duplicate-id', 'documents[1].id']]);
  });

  it('dangling-reference for source, target, attributedTo and document, with a suggestion', () => {
    const source = only(broken((d) => (d.relations[0].source = 'rusia')));
    expect(source).toMatchObject({ code: 'dangling-reference', path: 'relations[0].source', value: 'rusia' });
    expect(source.message).toContain('did you mean "russia"?');
    expect(only(broken((d) => (d.relations[0].target = 'nowhere')))).toMatchObject({ code: 'dangling-reference', path: 'relations[0].target' });
    expect(only(broken((d) => (d.relations[0].attributedTo = 'nobody')))).toMatchObject({ code: 'dangling-reference', path: 'relations[0].attributedTo' });
    const doc = only(broken((d) => (d.entities[0].mentions[0].document = 'artcle')));
    expect(doc).toMatchObject({ code: 'dangling-reference', path: 'entities[0].mentions[0].document' });
    expect(doc.message).toContain('did you mean "article"?');
  });

  it('suggests ids for the first 50 dangling references only (a systematic mistake must not freeze the validator)', () => {
    const problems = broken((d) => {
      const template = d.relations[0];
      d.relations = Array.from({ length: 60 }, (_, i) => ({ ...structuredClone(template), id: `r${i}`, source: 'rusia' }));
    });
    expect(problems).toHaveLength(60);
    expect(problems.filter((p) => p.message.includes('did you mean "russia"?'))).toHaveLength(50);
  });

  it('offset-out-of-range for start and end, stating the text length', () => {
    const problems = broken((d) => {
      d.relations[0].evidence[0].start = 1_000;
      d.relations[0].evidence[0].end = 1_001;
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['offset-out-of-range', 'relations[0].evidence[0].start'],
      ['offset-out-of-range', 'relations[0].evidence[0].end'],
    ]);
    const length = smallDataset().documents[0]!.text.length;
    expect(problems[0]!.message).toContain(`${length} UTF-16 code units`);
  });

  it('empty-span when start is not before end', () => {
    const problem = only(broken((d) => (d.entities[0].mentions[0].start = d.entities[0].mentions[0].end)));
    expect(problem).toMatchObject({ code: 'empty-span', path: 'entities[0].mentions[0].start' });
  });

  it('invalid-offset for negative and fractional offsets', () => {
    expect(only(broken((d) => (d.entities[0].mentions[0].start = -1)))).toMatchObject({ code: 'invalid-offset', path: 'entities[0].mentions[0].start', value: -1 });
    expect(only(broken((d) => (d.entities[0].mentions[0].end = 6.5)))).toMatchObject({ code: 'invalid-offset', path: 'entities[0].mentions[0].end', value: 6.5 });
  });

  it('empty-value for empty ids, labels and aliases', () => {
    expect(only(broken((d) => (d.entities[0].label = '')))).toMatchObject({ code: 'empty-value', path: 'entities[0].label' });
    const alias = only(broken((d) => d.entities[0].aliases.push('')));
    expect(alias).toMatchObject({ code: 'empty-value', path: 'entities[0].aliases[1]' });
    expect(alias.fix).toContain('remove the empty item');
  });

  it('mention-not-a-name, pointing at where the name really is', () => {
    const problem = only(
      broken((d) => {
        d.entities[2].mentions[0].start += 2;
        d.entities[2].mentions[0].end += 2;
      }),
    );
    expect(problem).toMatchObject({ code: 'mention-not-a-name', path: 'entities[2].mentions[0]' });
    expect(problem.fix).toMatch(/appears at start \d+, end \d+ \(-2 from here\)/);
    const padded = only(broken((d) => (d.entities[0].mentions[0].end += 1)));
    expect(padded.value).toBe('Russia ');
    expect(padded.fix).toContain('white space around the name');
  });

  it('evidence-not-sentence at start and at end, suggesting the boundary', () => {
    const problems = broken((d) => {
      d.relations[1].evidence[0].start += 4; // "European Union sanctioned…"
      d.relations[1].evidence[0].end -= 1; // drop the final "."
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['evidence-not-sentence', 'relations[1].evidence[0].start'],
      ['evidence-not-sentence', 'relations[1].evidence[0].end'],
    ]);
    const base = smallDataset().relations[1]!.evidence[0]!;
    expect(problems[0]!.fix).toContain(`probably ${base.start}`);
    expect(problems[1]!.fix).toContain(`probably ${base.end}`);
  });

  it('evidence-missing-mention unless a note explains it', () => {
    const missing = only(
      broken((d) => {
        d.relations[0].target = 'european-union'; // sentence 1 names Russia and Ukraine, not the EU
      }),
    );
    expect(missing).toMatchObject({ code: 'evidence-missing-mention', path: 'relations[0].evidence[0]' });
    expect(missing.message).toContain('target "european-union"');
    expect(
      broken((d) => {
        d.relations[0].target = 'european-union';
        d.relations[0].evidence[0].note = '"they" are the EU';
      }),
    ).toEqual([]);
  });

  it('limit-exceeded naming the limit and how to split', () => {
    const result = validateDataset(smallDataset(), { limits: { maxEntities: 2, maxRelations: 3, maxDocumentLength: 50 } });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['limit-exceeded', 'entities'],
      ['limit-exceeded', 'relations'],
      ['limit-exceeded', 'documents[0].text'],
    ]);
    expect(problems[0]!.message).toContain('at most 2 entities per dataset (the limit maxEntities)');
    expect(problems[0]!.fix).toContain('split the dataset');
    expect(problems[2]!.fix).toContain('split the article into several documents');
  });

  it('too-many-problems after maxProblems, and stops there', () => {
    const d: Json = structuredClone(smallDataset());
    for (const relation of d.relations) relation.source = 'nobody';
    const result = validateDataset(d, { limits: { maxProblems: 2 } });
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.code)).toEqual(['dangling-reference', 'dangling-reference', 'too-many-problems']);
  });
});

describe('validateDataset reports everything in one run', () => {
  it('lists every planted problem of many-problems.json', () => {
    const problems = problemsOf(manyProblems());
    expect(problems.length).toBe(18);
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set([
        'missing-field',
        'unknown-field',
        'unknown-entity-type',
        'empty-span',
        'split-character',
        'empty-value',
        'dangling-reference',
        'mention-not-a-name',
        'unknown-relation-type',
        'evidence-not-sentence',
        'evidence-missing-mention',
        'wrong-type',
        'duplicate-id',
        'offset-out-of-range',
        'invalid-offset',
      ]),
    );
  });

  it('runs reference and offset checks on the good records while another record is broken', () => {
    const problems = broken((d) => {
      d.entities[0].type = 'nation'; // schema problem in one entity…
      d.relations[3].type = 'friends'; // …and in one relation
      d.relations[0].evidence[0].end = 9_999; // offset problem elsewhere
      d.relations[1].target = 'ukrane'; // reference problem elsewhere
      d.relations[3].evidence[0].end -= 1; // offset problem inside the broken relation itself
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['unknown-entity-type', 'entities[0].type'],
      ['offset-out-of-range', 'relations[0].evidence[0].end'],
      ['dangling-reference', 'relations[1].target'],
      ['unknown-relation-type', 'relations[3].type'],
      ['evidence-not-sentence', 'relations[3].evidence[0].end'],
    ]);
  });

  it('does not cascade: references to a broken but identified entity are not dangling', () => {
    const problems = broken((d) => {
      d.entities[0].type = 42;
      d.entities[0].mentions = 'none';
    });
    expect(problems.map((p) => p.path)).toEqual(['entities[0].type', 'entities[0].mentions']);
  });

  it('does not cascade: without a usable document id, document references are not judged', () => {
    const problems = broken((d) => (d.documents[0].id = 7));
    expect(problems.map((p) => [p.code, p.path])).toEqual([['wrong-type', 'documents[0].id']]);
  });

  it('does not cascade: a list that is not a list is one problem', () => {
    expect(broken((d) => (d.entities = {})).map((p) => [p.code, p.path])).toEqual([['wrong-type', 'entities']]);
  });
});

describe('evidence-missing-mention for entities with many mentions (indexed path)', () => {
  /** A hub named in 60 sentences over two documents, mentions stored in reverse order; `quiet` names only the other side. */
  function hubDataset(): Dataset {
    const docs = [new DocumentBuilder('a', 'A'), new DocumentBuilder('b', 'B')];
    const evidence = docs.map((doc) => {
      for (let i = 0; i < 30; i++) doc.sentence([['hub', 'Hubland'], ` spoke on day ${i}.`]);
      const named = doc.sentence([['hub', 'Hubland'], ' sanctioned ', ['spoke', 'Spokeland'], '.']);
      const quiet = doc.sentence(['Later ', ['spoke', 'Spokeland'], ' was sanctioned again.']);
      return { named, quiet };
    });
    const dataset = buildDataset({
      documents: docs,
      entities: [
        { id: 'hub', label: 'Hubland', type: 'country' },
        { id: 'spoke', label: 'Spokeland', type: 'country' },
      ],
      relations: [
        { id: 'r1', type: 'sanctioned', source: 'hub', target: 'spoke', evidence: [evidence[0]!.named, evidence[1]!.named] },
        { id: 'r2', type: 'sanctioned', source: 'hub', target: 'spoke', evidence: [evidence[1]!.quiet, evidence[0]!.quiet] },
      ],
    });
    dataset.entities[0]!.mentions.reverse();
    return dataset;
  }

  it('finds the mention inside the sentence, in the right document', () => {
    const dataset = hubDataset();
    expect(dataset.entities[0]!.mentions.length).toBeGreaterThan(16);
    expect(problemsOf(dataset).map((p) => [p.code, p.path])).toEqual([
      ['evidence-missing-mention', 'relations[1].evidence[0]'],
      ['evidence-missing-mention', 'relations[1].evidence[1]'],
    ]);
  });

  it('does not count a mention of the same offsets in another document', () => {
    const dataset = hubDataset();
    const named = dataset.relations[0]!.evidence[1]!;
    // Drop the hub's mention inside document b's "named" sentence; document a has one at other offsets only.
    dataset.entities[0]!.mentions = dataset.entities[0]!.mentions.filter((m) => !(m.document === 'b' && m.start === named.start));
    expect(problemsOf(dataset).map((p) => p.path)).toContain('relations[0].evidence[1]');
  });
});

describe('errors', () => {
  it('assertValidDataset throws a DatasetValidationError carrying the file and every problem', () => {
    const d: Json = structuredClone(smallDataset());
    d.relations[0].type = 'allied';
    d.relations[1].source = 'x';
    let caught: unknown;
    try {
      assertValidDataset(d, 'data/x.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetValidationError);
    expect(caught).toBeInstanceOf(DatasetError);
    const error = caught as DatasetValidationError;
    expect(error.file).toBe('data/x.json');
    expect(error.code).toBe('unknown-relation-type');
    expect(error.path).toBe('relations[0].type');
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/^data\/x\.json: not a valid newsgraph dataset, 2 problems:\n {2}- relations\[0\]\.type: /);
  });

  it('every code produced is declared in PROBLEM_CODES', () => {
    for (const problem of problemsOf(manyProblems())) expect(Object.keys(PROBLEM_CODES)).toContain(problem.code);
  });

  it('formatProblem reads "PATH: message (got VALUE). Fix: …"', () => {
    const problem = only(broken((d) => (d.relations[2].type = 'allied')));
    expect(formatProblem(problem)).toMatch(/^relations\[2\]\.type: unknown relation type; did you mean "allied-with"\? \(got "allied"\)\. Fix: write "allied-with", or declare "allied" in the dataset's "relationTypes" to keep it as a type of its own$/);
  });

  it('formatPath quotes keys that are not identifiers', () => {
    expect(formatPath(['relations', 12, 'evidence', 0, 'end'])).toBe('relations[12].evidence[0].end');
    expect(formatPath(['entities', 0, 'attributes', 'home page'])).toBe('entities[0].attributes["home page"]');
    expect(formatPath(['entities', 0, 'attributes', '\u202eevil'])).toBe('entities[0].attributes["\\u202eevil"]');
  });
});
