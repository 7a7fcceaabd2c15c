/** `newsgraph stats` says when a story was reported and by how many outlets. */

import { describe, expect, it } from 'vitest';
import { datasetStats, formatStats } from '../../../src/cli/commands/stats.ts';
import { datedStory } from './datedStory.ts';

describe('stats on a dated story', () => {
  it('gives the reporting span, undated relations, outlets, wire copies and single-outlet relations', () => {
    const stats = datasetStats(datedStory());
    expect(stats.reported).toEqual({ first: '2023-01-02', last: '2023-02-10' });
    expect([stats.undatedRelations, stats.outlets, stats.wireCopies, stats.singleOutletRelations]).toEqual([1, 4, 1, 3]);
    expect(formatStats('story.json', stats)).toContain('Reported: 2023-01-02 to 2023-02-10 (1 relation undated)\nSources: 4 outlets, 1 wire copy counted once, 3 relations from a single outlet');
  });
});
