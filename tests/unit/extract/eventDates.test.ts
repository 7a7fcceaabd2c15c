/**
 * Event dates: the date phrases of a sentence, normalised against the
 * article's publication day at the precision each phrase has, with exact
 * offsets; and the extractor's evidence carrying them, always inside its
 * sentence, on the seed, the eval articles and the demo corpus.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventDateNear, findEventDates } from '../../../src/extract/eventDates.ts';
import { extractArticles, extractDataset } from '../../../src/extract/index.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';

/** Each phrase as written, with its date: offsets are checked by slicing. */
function dates(text: string, published?: string): Array<[string, string]> {
  return findEventDates(text, published).map(({ date, start, end }) => [text.slice(start, end), date]);
}

describe('findEventDates: absolute dates, whatever the article date', () => {
  it('reads a day in the ways news writes it', () => {
    expect(dates('Russia invaded Ukraine on 24 February 2022.')).toEqual([['on 24 February 2022', '2022-02-24']]);
    expect(dates('Troops crossed the border 24 Feb 2022, officials said.')).toEqual([['24 Feb 2022', '2022-02-24']]);
    expect(dates('Troops crossed the border on 24 Feb. 2022 at dawn.')).toEqual([['on 24 Feb. 2022', '2022-02-24']]);
    expect(dates('The invasion began February 24, 2022, after months of build-up.')).toEqual([['February 24, 2022', '2022-02-24']]);
    expect(dates('Russia attacked on Thursday, February 24, 2022.')).toEqual([['on Thursday, February 24, 2022', '2022-02-24']]);
    expect(dates('The court ruled on the 12th of July 2016 that China had no claim.')).toEqual([['on the 12th of July 2016', '2016-07-12']]);
    expect(dates('The filing is dated 2022-02-24 in the registry.')).toEqual([['2022-02-24', '2022-02-24']]);
    expect(dates('Sanctions took effect on Sept. 1 2023.')).toEqual([['on Sept. 1 2023', '2023-09-01']]);
  });

  it('reads a month or a year at that precision', () => {
    expect(dates('The war began in November 2020 when Abiy ordered an offensive.')).toEqual([['in November 2020', '2020-11']]);
    expect(dates('Britain introduced the price cap in December 2022 to limit revenue.')).toEqual([['in December 2022', '2022-12']]);
    expect(dates('The two leaders met in early March 2023 in Doha.')).toEqual([['in early March 2023', '2023-03']]);
    expect(dates('Abiy won the Nobel Peace Prize in 2019, said the government.')).toEqual([['in 2019', '2019']]);
    expect(dates('The fighting resumed in mid-2021 and has not stopped since 2014.')).toEqual([
      ['in mid-2021', '2021'],
      ['since 2014', '2014'],
    ]);
    expect(dates('During 2015 the deposits were found.')).toEqual([['During 2015', '2015']]);
  });

  it('refuses days that do not exist, and forms it cannot read for sure', () => {
    expect(dates('Nothing happened on 31 June 2022 or on 29 February 2023.')).toEqual([]);
    expect(dates('It was signed on 29 February 2024.')).toEqual([['on 29 February 2024', '2024-02-29']]);
    expect(dates('Ambiguous: 03/04/2022, the 1990s, a 1965 treaty, 2,000 troops, the 1994 genocide.')).toEqual([]);
    expect(dates('Officials may march on the capital; Theresa May spoke.')).toEqual([]);
    expect(dates('The 2021-22 budget passed.')).toEqual([]);
  });

  it('gives an undated article only its absolute dates: never a guess', () => {
    const sentence = 'Last year, on Tuesday, Russia and Belarus, which met in March and again a week earlier, signed a pact in March 2023.';
    expect(dates(sentence)).toEqual([['in March 2023', '2023-03']]);
    expect(dates('Yesterday Ukraine and today Poland, three weeks ago Chad, this year Peru.')).toEqual([]);
    expect(dates(sentence, 'not a date')).toEqual([['in March 2023', '2023-03']]);
  });
});

describe('findEventDates: relative to the article date', () => {
  // data/demo-corpus/articles.jsonl, published 2023-01-03 (a Tuesday).
  it('reads the demo corpus phrases', () => {
    const published = '2023-01-03';
    expect(dates('Leaders of the Arab League gathered in Khartoum on Tuesday for a summit dominated by the crisis in India.', published)).toEqual([['on Tuesday', '2022-12-27']]);
    expect(dates('German President Dmitri Castelmar attended the UN General Assembly in New York a week earlier and raised the same concerns.', published)).toEqual([
      ['a week earlier', '2022-12-27'],
    ]);
    expect(dates('Germany has held talks with Ukraine on climate finance several times this year.', published)).toEqual([['this year', '2023']]);
    expect(dates('Earlier this year Germany imposed sanctions on India over money laundering.', published)).toEqual([['Earlier this year', '2023']]);
    expect(dates('France is allied with Turkey under a pact signed last year.', published)).toEqual([['last year', '2022']]);
    expect(dates('The two are expected to meet again next month.', published)).toEqual([['next month', '2023-02']]);
    expect(dates('France signed a defence pact with Turkey on Friday, pledging joint exercises.', '2023-01-07')).toEqual([['on Friday', '2023-01-06']]);
  });

  // data/seed-article-russia-isolation-unga.txt, as if published on Thursday 21 September 2023 (the UN week).
  it('reads the seed article phrases', () => {
    const published = '2023-09-21';
    expect(dates('Russian Foreign Minister Sergei Lavrov openly joked about how isolated Russia is at the United Nations General Assembly this week in New York City.', published)).toEqual([
      ['this week', '2023-09'],
    ]);
    expect(dates('Last year, Lavrov leaned into the idea that Russia ought to end diplomacy with western countries, including in Europe.', published)).toEqual([['Last year', '2022']]);
    expect(dates('Russian President Vladimir Putin noted in April this year that Russia has no desire to “self-isolate.”', published)).toEqual([['in April this year', '2023-04']]);
    expect(dates('Putin didn’t attend the BRICS summit in South Africa earlier this year after the International Criminal Court issued an arrest warrant.', published)).toEqual([
      ['earlier this year', '2023'],
    ]);
  });

  it('reads days around the article day', () => {
    const published = '2023-03-15'; // a Wednesday
    expect(dates('Yesterday Ukraine, today Poland, tomorrow Chad, last night Peru, tonight Fiji, this morning Laos.', published)).toEqual([
      ['Yesterday', '2023-03-14'],
      ['today', '2023-03-15'],
      ['tomorrow', '2023-03-16'],
      ['last night', '2023-03-14'],
      ['tonight', '2023-03-15'],
      ['this morning', '2023-03-15'],
    ]);
    expect(dates('Two days ago Kenya, three weeks ago Chad, 10 days earlier Peru, two months ago Fiji, a year ago Laos.', published)).toEqual([
      ['Two days ago', '2023-03-13'],
      ['three weeks ago', '2023-02-22'],
      ['10 days earlier', '2023-03-05'],
      ['two months ago', '2023-01'],
      ['a year ago', '2022'],
    ]);
  });

  it('takes a weekday as the most recent one before the article day, never the day itself', () => {
    // 2023-01-02 was a Monday.
    expect(dates('Russia on Sunday fired missiles.', '2023-01-02')).toEqual([['on Sunday', '2023-01-01']]);
    expect(dates('Russia on Monday fired missiles.', '2023-01-02')).toEqual([['on Monday', '2022-12-26']]);
    expect(dates('Late on Friday, and last Tuesday, and this past Wednesday night.', '2023-01-02')).toEqual([
      ['Late on Friday', '2022-12-30'],
      ['last Tuesday', '2022-12-27'],
      ['this past Wednesday night', '2022-12-28'],
    ]);
    expect(dates('The ministry said Thursday that talks had failed.', '2023-01-02')).toEqual([['Thursday', '2022-12-29']]);
    // Future days, habits and names are not this week's news.
    expect(dates('They meet next Tuesday, every Friday and by Monday; Good Friday and Super Tuesday are names.', '2023-01-02')).toEqual([]);
  });

  it('takes a month with no year as the most recent one not after the article month', () => {
    expect(dates('The two sides met in January.', '2023-01-05')).toEqual([['in January', '2023-01']]);
    expect(dates('The two sides met in December.', '2023-01-05')).toEqual([['in December', '2022-12']]);
    expect(dates('Talks have stalled since August.', '2023-09-21')).toEqual([['since August', '2023-08']]);
    expect(dates('In August, Tokyo went further.', '2019-12-01')).toEqual([['In August', '2019-08']]);
    expect(dates('They met last March.', '2023-03-10')).toEqual([['last March', '2022-03']]);
    expect(dates('They met in March last year.', '2023-03-10')).toEqual([['in March last year', '2022-03']]);
    expect(dates('Fighting flared in mid-March.', '2023-02-10')).toEqual([['in mid-March', '2022-03']]);
    expect(dates('The deadline is on 3 March, and March 1 was missed.', '2023-03-01')).toEqual([
      ['on 3 March', '2022-03-03'],
      ['March 1', '2023-03-01'],
    ]);
  });

  it('counts months and years across boundaries', () => {
    expect(dates('Last month the ceasefire broke.', '2023-01-15')).toEqual([['Last month', '2022-12']]);
    expect(dates('This month the ceasefire broke.', '2023-01-15')).toEqual([['This month', '2023-01']]);
    expect(dates('Two months ago the ceasefire broke.', '2023-01-31')).toEqual([['Two months ago', '2022-11']]);
    expect(dates('Three weeks ago the ceasefire broke.', '2023-01-10')).toEqual([['Three weeks ago', '2022-12-20']]);
    expect(dates('Next year the treaty expires.', '2023-12-31')).toEqual([['Next year', '2024']]);
    // "the last year" is the past twelve months, not last year.
    expect(dates('Over the last year the ceasefire held.', '2023-12-31')).toEqual([]);
  });

  it('handles leap years', () => {
    expect(dates('Yesterday the talks ended.', '2024-03-01')).toEqual([['Yesterday', '2024-02-29']]);
    expect(dates('Yesterday the talks ended.', '2023-03-01')).toEqual([['Yesterday', '2023-02-28']]);
    expect(dates('The talks ended on 29 February.', '2024-03-01')).toEqual([['on 29 February', '2024-02-29']]);
    // The most recent 29 February not after the article day.
    expect(dates('The talks ended on 29 February.', '2023-03-01')).toEqual([['on 29 February', '2020-02-29']]);
    expect(dates('A week earlier the talks ended.', '2024-03-06')).toEqual([['A week earlier', '2024-02-28']]);
  });

  it('gives a week as the month that holds it, or the year, or nothing', () => {
    // Wednesday 15 March 2023: last week is 6–12 March.
    expect(dates('Last week the talks ended.', '2023-03-15')).toEqual([['Last week', '2023-03']]);
    // Wednesday 1 March 2023: this week is 27 February – 5 March.
    expect(dates('This week the talks ended.', '2023-03-01')).toEqual([['This week', '2023']]);
    expect(dates('Later this week they meet.', '2023-03-01')).toEqual([['Later this week', '2023-03']]);
    // Wednesday 3 January 2024: last week is 25–31 December 2023, this week 1–7 January 2024; Monday 1 January: last week straddles two years.
    expect(dates('Last week the talks ended.', '2024-01-03')).toEqual([['Last week', '2023-12']]);
    expect(dates('Last week the talks ended.', '2025-01-06')).toEqual([]);
  });

  it('reads the article day from a date-time as written', () => {
    expect(dates('Yesterday the talks ended.', '2023-09-21T23:30:00-05:00')).toEqual([['Yesterday', '2023-09-20']]);
  });

  it('prefers the longer of two overlapping phrases', () => {
    expect(dates('Leaders met on Thursday, 24 February 2022 in Minsk.', '2023-01-01')).toEqual([['on Thursday, 24 February 2022', '2022-02-24']]);
    expect(dates('Russia attacked in February 2022 and last year again.', '2023-01-01')).toEqual([
      ['in February 2022', '2022-02'],
      ['last year', '2022'],
    ]);
  });

  it('gives offsets into the text it is given, also after astral characters', () => {
    const text = '🇺🇦 Ukraine thanked 🇪🇺 the EU on 24 February 2022.';
    const [found] = findEventDates(text);
    expect(found).toEqual({ date: '2022-02-24', start: text.indexOf('on 24'), end: text.length - 1 });
  });
});

describe('eventDateNear: which phrase dates which relation', () => {
  const text = 'Russia attacked Ukraine on 24 February 2022 and Belarus joined in March 2023.';
  const phrases = findEventDates(text);

  it('uses the only phrase for every relation of the sentence', () => {
    const one = findEventDates('Russia attacked Ukraine in 2022.');
    expect(eventDateNear(one, 0)).toEqual(one[0]);
    expect(eventDateNear(one, 1000)).toEqual(one[0]);
    expect(eventDateNear([], 3)).toBeUndefined();
  });

  it('picks the phrase nearest the trigger word, the earlier on a tie, the first when the trigger is unknown', () => {
    expect(phrases.map((p) => p.date)).toEqual(['2022-02-24', '2023-03']);
    expect(eventDateNear(phrases, text.indexOf('attacked'))!.date).toBe('2022-02-24');
    expect(eventDateNear(phrases, text.indexOf('joined'))!.date).toBe('2023-03');
    expect(eventDateNear(phrases)!.date).toBe('2022-02-24');
    const [first, second] = phrases;
    const middle = first!.end - 1 + Math.floor((second!.start - first!.end + 1) / 2);
    expect(eventDateNear(phrases, middle)!.date).toBe('2022-02-24');
  });

  it('with the sentence\'s triggers known, gives each relation the phrase after its own verb', () => {
    const sentence = 'The EU sanctioned Russia on 24 February 2022 and Britain sanctioned Belarus in March 2023.';
    const found = findEventDates(sentence);
    const first = sentence.indexOf('sanctioned');
    const second = sentence.indexOf('sanctioned', first + 1);
    // Nearest alone would give Britain's verb the February date: it is closer in characters.
    expect(eventDateNear(found, second)!.date).toBe('2022-02-24');
    expect(eventDateNear(found, second, [first, second])!.date).toBe('2023-03');
    expect(eventDateNear(found, first, [first, second])!.date).toBe('2022-02-24');
    // A phrase before every verb belongs to the first; a verb owning none takes the nearest.
    const opening = 'On 3 May 2021 the court issued a warrant, and police arrested him, the ministry said in June 2021.';
    const dated = findEventDates(opening);
    const issued = opening.indexOf('issued');
    const arrested = opening.indexOf('arrested');
    expect(eventDateNear(dated, issued, [issued, arrested])!.date).toBe('2021-05-03');
    expect(eventDateNear(dated, arrested, [issued, arrested])!.date).toBe('2021-06');
    expect(eventDateNear(dated, issued, [arrested])!.date).toBe('2021-05-03');
  });
});

// ─── The extractor's evidence ────────────────────────────────────────────────

/** Every event lies inside its evidence sentence, names a date the phrase itself reads as, and the dataset validates. */
function expectEventsExact(dataset: Dataset): number {
  const result = validateDataset(dataset);
  expect(result.ok ? [] : result.problems).toEqual([]);
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  let events = 0;
  for (const relation of dataset.relations) {
    for (const evidence of relation.evidence) {
      const event = evidence.event;
      if (event === undefined) continue;
      events += 1;
      expect(event.start).toBeGreaterThanOrEqual(evidence.start);
      expect(event.end).toBeLessThanOrEqual(evidence.end);
      expect(event.start).toBeLessThan(event.end);
      const document = documents.get(evidence.document)!;
      const phrase = document.text.slice(event.start, event.end);
      expect(findEventDates(phrase, document.published).map((p) => p.date), phrase).toEqual([event.date]);
    }
  }
  return events;
}

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the extractor dates its evidence', () => {
  it('gives each evidence sentence the date it states, nearest the relation\'s verb', () => {
    const text = 'Russia attacked Ukraine on Tuesday. The European Union sanctioned Russia on 24 February 2022 and Britain sanctioned Belarus in March 2023.';
    const dataset = extractDataset(text, { documentId: 'news', published: '2023-01-05' });
    const byType = (source: string, target: string) => dataset.relations.find((r) => r.source === source && r.target === target)!.evidence[0]!.event;
    const phrase = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
    expect(byType('russia', 'ukraine')).toEqual({ date: '2023-01-03', ...phrase('on Tuesday') });
    expect(byType('european-union', 'russia')).toEqual({ date: '2022-02-24', ...phrase('on 24 February 2022') });
    expect(byType('united-kingdom', 'belarus')).toEqual({ date: '2023-03', ...phrase('in March 2023') });
    expect(expectEventsExact(dataset)).toBe(3);
  });

  it('dates only absolute phrases in an undated article, and none where the sentence states none', () => {
    const text = 'Russia attacked Ukraine on Tuesday. The European Union sanctioned Russia in 2022. Britain sanctioned Belarus.';
    const dataset = extractDataset(text, { documentId: 'news' });
    expect(dataset.relations.map((r) => [r.source, r.target, r.evidence[0]!.event?.date])).toEqual([
      ['russia', 'ukraine', undefined],
      ['european-union', 'russia', '2022'],
      ['united-kingdom', 'belarus', undefined],
    ]);
  });

  it('keeps every event inside its sentence on the seed and all eval articles', () => {
    let events = expectEventsExact(extractDataset(read('../../../data/seed-article-russia-isolation-unga.txt'), { documentId: 'seed', published: '2023-09-21' }));
    const dir = new URL('../../../data/eval/articles/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      events += expectEventsExact(extractDataset(readFileSync(new URL(file, dir), 'utf8'), { documentId: file.replace(/\.txt$/, '') }));
    }
    expect(events).toBeGreaterThan(10);
  });

  it('keeps every event inside its sentence on the demo corpus, dated against each article', () => {
    const articles = read('../../../data/demo-corpus/articles.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string; text: string; published?: string });
    const dataset = extractArticles(articles.map(({ title, text, published }) => ({ title, text, ...(published !== undefined ? { published } : {}) })));
    expect(expectEventsExact(dataset)).toBeGreaterThan(300);
  });
});
