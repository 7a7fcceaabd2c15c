/** The review queue (unreviewed relations in reading order) and the acceptance rate per proposed type. */

import { describe, expect, it } from 'vitest';
import { acceptanceByType, reviewQueue } from '../../../src/model/review/index.ts';
import { reviewDataset, sentence } from './reviewFixture.ts';

describe('reviewQueue', () => {
  it('lists unreviewed relations by document order and offset of their first sentence', () => {
    const d = reviewDataset();
    d.documents.unshift({ id: 'd0', title: 'Earlier', text: 'Putin met Zelensky.' });
    d.relations.push({ id: 'early', type: 'met-with', source: 'putin', target: 'zelensky', evidence: [{ document: 'd0', start: 0, end: 19 }] });
    d.relations.reverse();
    d.relations.find((r) => r.id === 'r2')!.review = { status: 'accepted' };
    d.relations.find((r) => r.id === 'r5')!.review = { status: 'rejected' };
    d.relations.find((r) => r.id === 'r1')!.evidence = [sentence(4)];
    expect(reviewQueue(d)).toEqual(['early', 'r3', 'r6', 'r4', 'r1']);
  });
});

describe('acceptanceByType', () => {
  it('counts each proposal under the type proposed, leaves hand-added ones out, most reviewed first', () => {
    const d = reviewDataset();
    const byId = (id: string) => d.relations.find((r) => r.id === id)!;
    byId('r1').review = { status: 'accepted' };
    byId('r2').type = 'urged';
    byId('r2').review = { status: 'corrected', proposed: { type: 'sanctioned', source: 'russia', target: 'ukraine' } };
    byId('r3').review = { status: 'rejected', reason: 'no meeting' };
    byId('r4').review = { status: 'added' };
    expect(acceptanceByType(d)).toEqual([
      { type: 'sanctioned', accepted: 1, corrected: 1, rejected: 0, unreviewed: 0, rate: 0.5 },
      { type: 'met-with', accepted: 0, corrected: 0, rejected: 1, unreviewed: 1, rate: 0 },
      { type: 'issued-warrant', accepted: 0, corrected: 0, rejected: 0, unreviewed: 1, rate: null },
    ]);
  });
});
