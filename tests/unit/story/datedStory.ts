/**
 * A small dated story, for the time-and-sources tests
 * ===================================================
 *
 * Four articles over six weeks from three outlets, one of them a reprint of
 * another's wire story (a word changed), one undated; relations that are
 * reported early, late, by one outlet or by several, and a pair whose
 * relation changes (allied-with in January, severed-ties in February).
 * Offsets are right by construction (fixtureBuilder.ts).
 */

import type { Dataset } from '../../../src/model/index.ts';
import { buildDataset, DocumentBuilder } from '../model/fixtureBuilder.ts';

const WIRE =
  ' Officials in the capital said the talks had lasted most of the night and that further meetings were planned for the coming weeks, although no date had been set and neither side gave details of the agenda.';

export function datedStory(): Dataset {
  const reuters = new DocumentBuilder('d1', 'Russia accuses Ukraine');
  const r1 = reuters.sentence([['russia', 'Russia'], ' accused ', ['ukraine', 'Ukraine'], ' of shelling the border.']);
  const a1 = reuters.sentence([['armenia', 'Armenia'], ' is allied with ', ['russia', 'Russia'], '.']);
  reuters.raw(WIRE);
  const reprint = new DocumentBuilder('d2', 'Moscow blames Kyiv');
  const r2 = reprint.sentence([['russia', 'Russia'], ' accused ', ['ukraine', 'Ukraine'], ' of shelling the border.']);
  reprint.sentence([['armenia', 'Armenia'], ' is allied with ', ['russia', 'Russia'], '.']);
  reprint.raw(WIRE.replace('coming weeks', 'next weeks'));
  const ap = new DocumentBuilder('d3', 'Armenia breaks with Moscow');
  const s3 = ap.sentence([['armenia', 'Armenia'], ' severed ties with ', ['russia', 'Russia'], '.']);
  const r3 = ap.sentence([['russia', 'Russia'], ' again accused ', ['ukraine', 'Ukraine'], '.']);
  const undated = new DocumentBuilder('d4', 'Undated note');
  const u4 = undated.sentence(['The ', ['icc', 'ICC'], ' issued a warrant for ', ['putin', 'Putin'], '.']);
  const dataset = buildDataset({
    documents: [reuters, reprint, ap, undated],
    entities: [
      { id: 'russia', label: 'Russia', type: 'country' },
      { id: 'ukraine', label: 'Ukraine', type: 'country' },
      { id: 'armenia', label: 'Armenia', type: 'country' },
      { id: 'icc', label: 'International Criminal Court', type: 'organisation', aliases: ['ICC'] },
      { id: 'putin', label: 'Vladimir Putin', type: 'person', aliases: ['Putin'] },
    ],
    relations: [
      { id: 'accused', type: 'accused', source: 'russia', target: 'ukraine', evidence: [r1, r2, r3] },
      { id: 'allied', type: 'allied-with', source: 'armenia', target: 'russia', evidence: [a1] },
      { id: 'severed', type: 'severed-ties', source: 'armenia', target: 'russia', evidence: [s3] },
      { id: 'warrant', type: 'issued-warrant', source: 'icc', target: 'putin', evidence: [u4] },
    ],
  });
  const meta: Record<string, { source: string; published?: string }> = {
    d1: { source: 'Reuters', published: '2023-01-02' },
    d2: { source: 'Daily Reprint', published: '2023-01-03T09:00:00Z' },
    d3: { source: 'AP', published: '2023-02-10' },
    d4: { source: 'Notes' },
  };
  return { ...dataset, documents: dataset.documents.map((document) => ({ ...document, ...meta[document.id] })) };
}
