import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import type { Dataset } from '../../../src/model/index.ts';

/** Every mention of `id`, as written. */
function mentions(dataset: Dataset, id: string): string[] {
  const text = dataset.documents[0]!.text;
  const entity = dataset.entities.find((e) => e.id === id);
  return entity ? entity.mentions.map((m) => text.slice(m.start, m.end)) : [];
}

const extract = (text: string) => extractDataset(text, { documentId: 'doc', minMentions: 1 });

describe('entities and aliases', () => {
  it('resolves a surname and a possessive back to the full name', () => {
    const d = extract('Russian Foreign Minister Sergei Lavrov spoke on Monday. Lavrov’s remarks were brief. Later Lavrov left.');
    expect(mentions(d, 'sergei-lavrov')).toEqual(['Sergei Lavrov', 'Lavrov', 'Lavrov']);
    const lavrov = d.entities.find((e) => e.id === 'sergei-lavrov')!;
    expect(lavrov.type).toBe('person');
    expect(lavrov.aliases).toEqual(['Lavrov']);
  });

  it('maps demonyms, capitals and government metonyms to their country', () => {
    const d = extract('Moscow said the Kremlin would respond. Russian officials and Russians agreed. The White House, Washington and U.S. diplomats disagreed with Kyiv and Ukrainian troops. Beijing, London and Downing Street stayed quiet.');
    expect(mentions(d, 'russia')).toEqual(['Moscow', 'the Kremlin', 'Russian', 'Russians']);
    expect(mentions(d, 'united-states')).toEqual(['The White House', 'Washington', 'U.S.']);
    expect(mentions(d, 'ukraine')).toEqual(['Kyiv', 'Ukrainian']);
    expect(mentions(d, 'china')).toEqual(['Beijing']);
    expect(mentions(d, 'united-kingdom')).toEqual(['London', 'Downing Street']);
  });

  it('reads "US" as the United States but not "us"', () => {
    const d = extract('The US imposed sanctions. “Leave us alone,” he said.');
    expect(mentions(d, 'united-states')).toEqual(['US']);
  });

  it('finds organisations by name and abbreviation, with the ids of the curated datasets', () => {
    const d = extract('The International Criminal Court (ICC) and the League of Arab States met NATO, the EU, the U.N. and BRICS. The UN General Assembly and UNGA too.');
    expect(mentions(d, 'international-criminal-court')).toEqual(['International Criminal Court', 'ICC']);
    expect(mentions(d, 'arab-league')).toEqual(['League of Arab States']);
    expect(mentions(d, 'nato')).toEqual(['NATO']);
    expect(mentions(d, 'european-union')).toEqual(['the EU']);
    expect(mentions(d, 'united-nations')).toEqual(['the U.N.']);
    expect(mentions(d, 'brics')).toEqual(['BRICS']);
    expect(mentions(d, 'un-general-assembly')).toEqual(['UN General Assembly', 'UNGA']);
    expect(d.entities.find((e) => e.id === 'un-general-assembly')!.type).toBe('event');
  });

  it('reads western nations, Western states and the West as one group, and regions as places', () => {
    const d = extract('Western states and western nations, the West, met Latin America, Africa and the Middle East.');
    expect(mentions(d, 'western-countries')).toEqual(['Western states', 'western nations', 'the West']);
    expect(d.entities.find((e) => e.id === 'latin-america')!.type).toBe('place');
    expect(d.entities.find((e) => e.id === 'middle-east')!.type).toBe('place');
  });

  it('does not take a country name that is the given name of a person', () => {
    const d = extract('Jordan Bardella spoke in Paris. Jordan closed its border.');
    expect(mentions(d, 'jordan')).toEqual(['Jordan']);
    expect(d.documents[0]!.text.slice(d.entities.find((e) => e.id === 'jordan')!.mentions[0]!.start)).toMatch(/^Jordan closed/);
  });

  it('finds people announced by a title, an appositive title or a speech verb', () => {
    const d = extract(
      'The Secretary General of the League of Arab States, Ahmed Abu al-Gheit, arrived. Kremlin spokesman Dmitry Peskov declined. Rafael Grossi, the head of the IAEA, warned. Anna Kowalska said the talks failed. Al-Gheit and Peskov left.',
    );
    // "Al-Gheit" at the start of a sentence is his surname: the name key ignores its case.
    expect(mentions(d, 'ahmed-abu-al-gheit')).toEqual(['Ahmed Abu al-Gheit', 'Al-Gheit']);
    expect(mentions(d, 'dmitry-peskov')).toEqual(['Dmitry Peskov', 'Peskov']);
    expect(mentions(d, 'rafael-grossi')).toEqual(['Rafael Grossi']);
    expect(mentions(d, 'anna-kowalska')).toEqual(['Anna Kowalska']);
  });

  it('does not take capitalised common words at a sentence start for names', () => {
    const d = extract('Officials in Austria said so. Even allies agreed. Last year, Diplomacy Today reported nothing.');
    expect(d.entities.map((e) => e.id)).toEqual(['austria']);
  });

  it('finds organisations by their head word, but not a bare "Foreign Ministry"', () => {
    const d = extract('The Islamic Revolutionary Guard Corps and the Foreign Ministry spoke. The Caribbean Community (CARICOM) agreed. CARICOM leaders met.');
    expect(mentions(d, 'islamic-revolutionary-guard-corps')).toEqual(['Islamic Revolutionary Guard Corps']);
    expect(mentions(d, 'caribbean-community')).toEqual(['Caribbean Community', 'CARICOM', 'CARICOM']);
    expect(d.entities.some((e) => e.id === 'foreign-ministry')).toBe(false);
  });

  it('records "the UN confab" as a mention of the UN event named in the article', () => {
    const d = extract('Lavrov spoke at the United Nations General Assembly. At the UN confab he joked.');
    expect(mentions(d, 'un-general-assembly')).toEqual(['United Nations General Assembly', 'UN confab']);
  });

  it('splits "Moscow-led" so the capital is found', () => {
    const d = extract('Armenia is in a Moscow-led alliance and a U.S.-led coalition.');
    expect(mentions(d, 'russia')).toEqual(['Moscow']);
    expect(mentions(d, 'united-states')).toEqual(['U.S.']);
  });

  it('keeps by default only entities in a relation or named at least twice', () => {
    const once = extractDataset('Peru and Chile were mentioned. Chile again.', { documentId: 'doc' });
    expect(once.entities.map((e) => e.id)).toEqual(['chile']);
  });
});
