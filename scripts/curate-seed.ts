/**
 * Builds data/seed-dataset.json from the curation below.
 *
 * The curation is written by hand, sentence by sentence: which entities the
 * article names (and the names as written), which relations it states, and
 * the sentence that states each. This script only turns quoted sentences and
 * names into exact offsets, so no offset is typed by hand; the result is
 * checked by the dataset validator before it is written.
 *
 *   npx tsx scripts/curate-seed.ts
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { findMentions } from './findMentions.ts';
import { gazetteerWikidata, personWikidata } from '../src/extract/gazetteer/index.ts';
import { assertValidDataset, type Dataset, type BuiltInEntityTypeId, type Evidence, type BuiltInRelationTypeId } from '../src/model/index.ts';

const DOC = 'seed';
const text = readFileSync(new URL('../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8');

interface EntityCuration { id: string; label: string; type: BuiltInEntityTypeId; aliases: string[]; names: string[] }
const entities: EntityCuration[] = [
  { id: 'russia', label: 'Russia', type: 'country', aliases: ['Russian', 'Russians', 'Moscow', 'the Kremlin', 'The Kremlin', 'Kremlin', 'Russian Federation'], names: ['Russia', 'Russian', 'Russians', 'Moscow', 'the Kremlin', 'The Kremlin'] },
  { id: 'ukraine', label: 'Ukraine', type: 'country', aliases: ['Ukrainian', 'Kyiv'], names: ['Ukraine', 'Ukrainian'] },
  { id: 'united-states', label: 'United States', type: 'country', aliases: ['U.S.', 'US', 'USA', 'America', 'Washington'], names: ['U.S.'] },
  { id: 'austria', label: 'Austria', type: 'country', aliases: [], names: ['Austria'] },
  { id: 'armenia', label: 'Armenia', type: 'country', aliases: [], names: ['Armenia'] },
  { id: 'south-africa', label: 'South Africa', type: 'country', aliases: [], names: ['South Africa'] },
  { id: 'sergei-lavrov', label: 'Sergei Lavrov', type: 'person', aliases: ['Lavrov'], names: ['Sergei Lavrov', 'Lavrov'] },
  { id: 'maria-zakharova', label: 'Maria Zakharova', type: 'person', aliases: ['Zakharova'], names: ['Maria Zakharova', 'Zakharova'] },
  { id: 'ahmed-abu-al-gheit', label: 'Ahmed Abu al-Gheit', type: 'person', aliases: ['al-Gheit', 'Aboul Gheit'], names: ['Ahmed Abu al-Gheit', 'al-Gheit'] },
  { id: 'vladimir-putin', label: 'Vladimir Putin', type: 'person', aliases: ['Putin'], names: ['Vladimir Putin', 'Putin'] },
  { id: 'volodymyr-zelensky', label: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky', 'Zelenskyy'], names: ['Volodymyr Zelensky', 'Zelensky'] },
  { id: 'international-criminal-court', label: 'International Criminal Court', type: 'organisation', aliases: ['ICC'], names: ['International Criminal Court'] },
  { id: 'brics', label: 'BRICS', type: 'organisation', aliases: [], names: ['BRICS'] },
  { id: 'arab-league', label: 'Arab League', type: 'organisation', aliases: ['League of Arab States'], names: ['League of Arab States'] },
  { id: 'western-countries', label: 'Western countries', type: 'group', aliases: ['western countries', 'western nations', 'Western states', 'western allies', 'the West'], names: ['western countries', 'western nations', 'Western states', 'western allies'] },
  { id: 'europe', label: 'Europe', type: 'place', aliases: [], names: ['Europe'] },
  { id: 'latin-america', label: 'Latin America', type: 'place', aliases: [], names: ['Latin America'] },
  { id: 'africa', label: 'Africa', type: 'place', aliases: [], names: ['Africa'] },
  { id: 'asia', label: 'Asia', type: 'place', aliases: [], names: ['Asia'] },
  { id: 'new-york-city', label: 'New York City', type: 'place', aliases: ['New York'], names: ['New York City'] },
  { id: 'un-general-assembly', label: 'UN General Assembly', type: 'event', aliases: ['United Nations General Assembly', 'UNGA', 'UN confab'], names: ['United Nations General Assembly', 'UNGA', 'UN confab'] },
];

/** A sentence, quoted by its opening words; the whole sentence becomes the evidence span. */
interface Quote { opens: string; note?: string }
interface RelationCuration {
  type: BuiltInRelationTypeId; source: string; target: string; evidence: Quote[];
  hedged?: boolean; negated?: boolean; attributedTo?: string;
}

const S = {
  lavrovJoked: { opens: 'Russian Foreign Minister Sergei Lavrov openly joked' },
  lavrovMeeting: { opens: '“Everything is fine, we are only suffering' },
  zakharovaClaim: { opens: 'Foreign Ministry Spokesperson Maria Zakharova' },
  attackDaily: { opens: 'The gap between their interpretations' },
  europeSevered: { opens: '“Most importantly, there’s no work to do', note: '“us” is Russia: Lavrov is speaking for it (named in the sentences before).' },
  focusRelations: { opens: 'Lavrov said Russia would focus more' },
  putinPresident: { opens: 'Russian President Vladimir Putin noted' },
  pariah: { opens: 'Russia has become a pariah' },
  zelenskyGenocide: { opens: 'Lavrov’s reported isolation at the UNGA' },
  zelenskyGrain: { opens: 'Zelensky, repeating claims' },
  alliesWary: { opens: 'Even allies of Russia' },
  brics: { opens: 'Putin didn’t attend the BRICS summit' },
  austriaArmenia: { opens: 'Officials in Austria' },
} satisfies Record<string, Quote>;

const relations: RelationCuration[] = [
  { type: 'official-of', source: 'sergei-lavrov', target: 'russia', evidence: [S.lavrovJoked] },
  { type: 'attended', source: 'sergei-lavrov', target: 'un-general-assembly', evidence: [S.lavrovJoked, S.lavrovMeeting, S.zelenskyGenocide] },
  { type: 'hosted', source: 'new-york-city', target: 'un-general-assembly', evidence: [S.lavrovJoked] },
  { type: 'met-with', source: 'sergei-lavrov', target: 'ahmed-abu-al-gheit', evidence: [S.lavrovMeeting] },
  { type: 'leader-of', source: 'ahmed-abu-al-gheit', target: 'arab-league', evidence: [S.lavrovMeeting] },
  { type: 'official-of', source: 'maria-zakharova', target: 'russia', evidence: [S.zakharovaClaim] },
  { type: 'attacked', source: 'russia', target: 'ukraine', evidence: [S.attackDaily] },
  { type: 'severed-ties', source: 'europe', target: 'russia', evidence: [S.europeSevered], hedged: true, attributedTo: 'sergei-lavrov' },
  { type: 'seeks-ties-with', source: 'russia', target: 'latin-america', evidence: [S.focusRelations], attributedTo: 'sergei-lavrov' },
  { type: 'seeks-ties-with', source: 'russia', target: 'africa', evidence: [S.focusRelations], attributedTo: 'sergei-lavrov' },
  { type: 'seeks-ties-with', source: 'russia', target: 'asia', evidence: [S.focusRelations], attributedTo: 'sergei-lavrov' },
  { type: 'leader-of', source: 'vladimir-putin', target: 'russia', evidence: [S.putinPresident] },
  { type: 'attacked', source: 'vladimir-putin', target: 'ukraine', evidence: [S.pariah] },
  { type: 'sanctioned', source: 'western-countries', target: 'vladimir-putin', evidence: [S.pariah] },
  { type: 'sanctioned', source: 'western-countries', target: 'russia', evidence: [S.pariah] },
  { type: 'leader-of', source: 'volodymyr-zelensky', target: 'ukraine', evidence: [S.zelenskyGenocide] },
  { type: 'urged', source: 'volodymyr-zelensky', target: 'western-countries', evidence: [S.zelenskyGenocide] },
  { type: 'accused', source: 'volodymyr-zelensky', target: 'russia', evidence: [S.zelenskyGenocide, S.zelenskyGrain] },
  { type: 'abducted-from', source: 'russia', target: 'ukraine', evidence: [S.zelenskyGenocide], hedged: true, attributedTo: 'volodymyr-zelensky' },
  { type: 'accused', source: 'united-states', target: 'russia', evidence: [S.zelenskyGrain] },
  { type: 'abducted-from', source: 'vladimir-putin', target: 'ukraine', evidence: [S.alliesWary], hedged: true },
  { type: 'attended', source: 'vladimir-putin', target: 'brics', evidence: [S.brics], negated: true },
  { type: 'hosted', source: 'south-africa', target: 'brics', evidence: [S.brics] },
  { type: 'issued-warrant', source: 'international-criminal-court', target: 'vladimir-putin', evidence: [S.brics] },
  { type: 'threatened-arrest', source: 'austria', target: 'vladimir-putin', evidence: [S.austriaArmenia] },
  { type: 'threatened-arrest', source: 'armenia', target: 'vladimir-putin', evidence: [S.austriaArmenia] },
  { type: 'allied-with', source: 'armenia', target: 'russia', evidence: [S.austriaArmenia] },
];

function sentenceOf(quote: Quote): Evidence {
  const start = text.indexOf(quote.opens);
  if (start < 0 || text.indexOf(quote.opens, start + 1) >= 0) throw new Error(`quote not found once: ${quote.opens}`);
  // The sentence ends at the first terminal punctuation (plus closing quotes) followed by white space or the end.
  const match = /[.!?][”’"]?(?=\s|$)/g;
  match.lastIndex = start;
  let end = -1;
  for (let m = match.exec(text); m; m = match.exec(text)) {
    const candidate = m.index + m[0].length;
    if (/\b(U\.S|Mr|Dr)\.$/.test(text.slice(start, candidate))) continue;
    end = candidate;
    break;
  }
  if (end < 0) throw new Error(`no sentence end after: ${quote.opens}`);
  return { document: DOC, start, end, ...(quote.note ? { note: quote.note } : {}) };
}

/** The gazetteer's Wikidata id, looked up as extractDataset.ts does, so the seed matches what extraction would give. */
function wikidataOf(entity: { id: string; label: string; type: BuiltInEntityTypeId }): { wikidata?: string } {
  const wikidata = entity.type === 'person' ? personWikidata(entity.label) : gazetteerWikidata(entity.id, entity.type);
  return wikidata ? { wikidata } : {};
}

// Mentions: every occurrence of every name, longest first, never overlapping.
const found = findMentions(text, entities);

const dataset: Dataset = {
  version: 1,
  title: 'Lavrov jokes about Russia’s isolation at the UN General Assembly',
  documents: [{ id: DOC, title: 'Lavrov jokes about Russia’s isolation at the UN General Assembly', text, source: 'newsgraph seed article (shared/seed/000_932f5b1f3f14af20.txt)' }],
  entities: entities.map(({ names: _names, ...entity }) => ({
    ...entity,
    mentions: found.filter((f) => f.entity === entity.id).sort((a, b) => a.start - b.start).map((f) => ({ document: DOC, start: f.start, end: f.end })),
    // After the mentions: the key order the dataset writer gives, so the file round-trips byte for byte.
    ...wikidataOf(entity),
  })),
  relations: relations.map((r, i) => ({
    id: `r${String(i + 1).padStart(2, '0')}-${r.source}-${r.type}-${r.target}`,
    type: r.type,
    source: r.source,
    target: r.target,
    evidence: r.evidence.map(sentenceOf),
    ...(r.hedged ? { hedged: true } : {}),
    ...(r.negated ? { negated: true } : {}),
    ...(r.attributedTo ? { attributedTo: r.attributedTo } : {}),
  })),
};

assertValidDataset(dataset, 'data/seed-dataset.json');
writeFileSync(new URL('../data/seed-dataset.json', import.meta.url), JSON.stringify(dataset, null, 2) + '\n');
console.log(`wrote data/seed-dataset.json: ${dataset.entities.length} entities, ${dataset.relations.length} relations, ${found.length} mentions`);
