/**
 * The entity edits (merge, split, rename, retype, add an alias): what each
 * does to the entities and the relations that name them, every reason one is
 * refused, and that undo gives back exactly the dataset before.
 */

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/model/schema.ts';
import { applied, at, refused, reviewDataset, sentence } from './reviewFixture.ts';

const rel = (d: Dataset, id: string) => d.relations.find((r) => r.id === id);
const ent = (d: Dataset, id: string) => d.entities.find((e) => e.id === id);

describe('merge-entities', () => {
  it('joins names and mentions, rewires relations and folds the ones that become one', () => {
    const d = applied(reviewDataset(), { kind: 'merge-entities', into: 'zelensky', from: 'zelenskyy' });
    expect(ent(d, 'zelenskyy')).toBeUndefined();
    expect(ent(d, 'zelensky')).toEqual({ id: 'zelensky', label: 'Zelensky', type: 'person', aliases: ['Zelenskyy'], mentions: [at('Zelensky', 1), at('Zelenskyy')] });
    expect(rel(d, 'r4')).toMatchObject({ source: 'zelensky', target: 'putin' });
    // r6 (Putin met with Zelenskyy) is now r3 (Zelensky met with Putin): one relation with both sentences.
    expect(rel(d, 'r6')).toBeUndefined();
    expect(rel(d, 'r3')?.evidence).toEqual([sentence(2), sentence(3)]);
    expect(d.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });
  it('rewires attributions and proposed claims, takes the other Wikidata id, allows different types', () => {
    const base = reviewDataset();
    base.relations[0] = { ...base.relations[0]!, attributedTo: 'zelenskyy', review: { status: 'corrected', proposed: { type: 'urged', source: 'zelenskyy', target: 'ukraine' } } };
    base.entities[3] = { ...base.entities[3]!, type: 'group', wikidata: 'Q3874799' };
    const d = applied(base, { kind: 'merge-entities', into: 'zelensky', from: 'zelenskyy' });
    expect(rel(d, 'r1')).toMatchObject({ attributedTo: 'zelensky', review: { proposed: { source: 'zelensky' } } });
    expect(ent(d, 'zelensky')).toMatchObject({ type: 'person', wikidata: 'Q3874799' });
  });
  it('refuses a merge into itself, unknown ids, two Wikidata items and a relation that would join the entity to itself', () => {
    const d = reviewDataset();
    refused(d, { kind: 'merge-entities', into: 'putin', from: 'putin' }, 'an entity cannot be merged into itself');
    refused(d, { kind: 'merge-entities', into: 'ghost', from: 'putin' }, 'there is no entity "ghost"');
    refused(d, { kind: 'merge-entities', into: 'putin', from: 'ghost' }, 'there is no entity "ghost"');
    refused(d, { kind: 'merge-entities', into: 'russia', from: 'ukraine' }, 'they are different Wikidata items (Q159, Q212)');
    refused(d, { kind: 'merge-entities', into: 'zelensky', from: 'putin' }, 'the relation "Zelensky met with Putin" would join the entity to itself; reject it first');
  });
  it('merges once the joining relation is rejected', () => {
    const rejected = applied(reviewDataset(), { kind: 'reject', relation: 'r3' });
    const withoutR6 = applied(rejected, { kind: 'reject', relation: 'r6' });
    const d = applied(withoutR6, { kind: 'merge-entities', into: 'zelensky', from: 'putin' });
    expect(rel(d, 'r3')).toMatchObject({ source: 'zelensky', target: 'zelensky' });
  });
});

describe('split-entity', () => {
  it('moves the names, their mentions and the relations only they support to a new entity', () => {
    const d = applied(reviewDataset(), { kind: 'split-entity', entity: 'russia', names: ['Moscow'] });
    expect(ent(d, 'moscow')).toEqual({ id: 'moscow', label: 'Moscow', type: 'country', aliases: [], mentions: [at('Moscow'), at('Moscow', 1)] });
    expect(ent(d, 'russia')).toEqual({ id: 'russia', label: 'Russia', type: 'country', aliases: [], mentions: [at('Russia'), at('Russia', 1)], wikidata: 'Q159' });
    expect(rel(d, 'r2')).toMatchObject({ source: 'moscow', target: 'ukraine' });
    expect(rel(d, 'r1')).toMatchObject({ source: 'russia' });
  });
  it('may split off the label: the remaining name becomes the label', () => {
    const d = applied(reviewDataset(), { kind: 'split-entity', entity: 'russia', names: ['Russia'] });
    expect(ent(d, 'russia')).toMatchObject({ label: 'Moscow', aliases: [] });
    expect(ent(d, 'russia-2')).toMatchObject({ label: 'Russia', mentions: [at('Russia'), at('Russia', 1)] });
    expect(rel(d, 'r1')).toMatchObject({ source: 'russia-2' });
  });
  it('keeps a relation with a sentence naming both, and refuses when a sentence would name neither', () => {
    const both = reviewDataset();
    both.relations.push({ id: 'r7', type: 'urged', source: 'russia', target: 'putin', evidence: [sentence(5)] });
    both.entities[4]!.mentions.push(at('Russia', 1));
    both.entities[4]!.aliases.push('Russia');
    const d = applied(both, { kind: 'split-entity', entity: 'russia', names: ['Moscow'] });
    expect(rel(d, 'r7')).toMatchObject({ source: 'russia' });

    const mixed = reviewDataset();
    mixed.relations[0] = { ...mixed.relations[0]!, evidence: [sentence(0), sentence(1)] };
    refused(mixed, { kind: 'split-entity', entity: 'russia', names: ['Moscow'] }, /has no recorded mention of the source "russia"/);
  });
  it('moves a mention that writes a split name in another case, with its spelling', () => {
    const base = reviewDataset();
    base.entities[0]!.aliases.push('moscow');
    base.documents[0]!.text = base.documents[0]!.text.replace('Moscow said', 'moscow said');
    const d = applied(base, { kind: 'split-entity', entity: 'russia', names: ['Moscow'] });
    expect(ent(d, 'moscow')).toMatchObject({ label: 'Moscow', aliases: ['moscow'], mentions: [at('Moscow'), at('Moscow', 1)] });
    expect(ent(d, 'russia')?.aliases).toEqual([]);
  });
  it('refuses names it does not have, and splitting off every name', () => {
    const d = reviewDataset();
    refused(d, { kind: 'split-entity', entity: 'russia', names: ['Kremlin'] }, '"Kremlin" is not a name of Russia');
    refused(d, { kind: 'split-entity', entity: 'russia', names: ['Moscow', 'Russia'] }, 'at least one name must stay with Russia');
    refused(d, { kind: 'split-entity', entity: 'ghost', names: ['Moscow'] }, 'there is no entity "ghost"');
  });
});

describe('rename, retype, add an alias', () => {
  it('renames, keeping the old label as an alias', () => {
    const d = applied(reviewDataset(), { kind: 'rename-entity', entity: 'zelensky', label: ' Volodymyr Zelensky ' });
    expect(ent(d, 'zelensky')).toMatchObject({ label: 'Volodymyr Zelensky', aliases: ['Zelensky'] });
    refused(reviewDataset(), { kind: 'rename-entity', entity: 'zelensky', label: '   ' }, 'the new name is empty');
    refused(reviewDataset(), { kind: 'rename-entity', entity: 'zelensky', label: 'Zelensky' }, 'Zelensky already has that name');
    refused(reviewDataset(), { kind: 'rename-entity', entity: 'zelensky', label: 'zelenskyy' }, '"zelenskyy" is already the name of Zelenskyy (zelenskyy); merge them instead');
  });
  it('renaming to an alias takes it out of the aliases', () => {
    const d = applied(reviewDataset(), { kind: 'rename-entity', entity: 'russia', label: 'Moscow' });
    expect(ent(d, 'russia')).toMatchObject({ label: 'Moscow', aliases: ['Russia'] });
  });
  it('retypes to a known type only', () => {
    const d = applied(reviewDataset(), { kind: 'retype-entity', entity: 'icc', type: 'group' });
    expect(ent(d, 'icc')?.type).toBe('group');
    refused(reviewDataset(), { kind: 'retype-entity', entity: 'icc', type: 'court' }, '"court" is not a known entity type');
    refused(reviewDataset(), { kind: 'retype-entity', entity: 'icc', type: 'organisation' }, 'ICC is already of type Organisation');
  });
  it('adds a trimmed new alias', () => {
    const d = applied(reviewDataset(), { kind: 'add-alias', entity: 'icc', alias: ' International Criminal Court ' });
    expect(ent(d, 'icc')?.aliases).toEqual(['International Criminal Court']);
    refused(reviewDataset(), { kind: 'add-alias', entity: 'icc', alias: ' ' }, 'the alias is empty');
    refused(reviewDataset(), { kind: 'add-alias', entity: 'russia', alias: 'Moscow' }, '"Moscow" is already a name of Russia');
    refused(reviewDataset(), { kind: 'add-alias', entity: 'ghost', alias: 'x' }, 'there is no entity "ghost"');
  });
});
