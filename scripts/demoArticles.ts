/**
 * Fictional news articles for the demo corpus, tests and benchmarks
 * =================================================================
 *
 * `generateDemoArticles(count, seed)` writes short news articles from
 * templates: real countries and international organisations the gazetteer
 * knows, doing what international news reports (sanctions, arrest warrants,
 * accusations, alliances, talks, visits, summits, broken and mended ties),
 * quoted by invented people for invented outlets ("Demo Wire", "Sample
 * Herald", …) on example.org. None of it happened and no article is copied
 * from anywhere: every sentence is assembled here.
 *
 * Deterministic: the same count and seed give the same articles, byte for
 * byte (a seeded generator, no clock). Articles are spread over 18 months
 * (January 2023 – June 2024) and returned in order of publication. Each
 * article follows one of 80 running stories, so some actors recur
 * and the corpus has hubs, as a real news corpus does.
 *
 * Wire copies: about one article in ten is reprinted by another outlet a day
 * or two later (never after the last day) under a new headline, with its
 * last sentence trimmed or one word changed — near-identical text, as
 * agency copy is reprinted, which `wireCopyGroups` must find (similarity
 * well above 0.8), so outlet counts have copies to collapse.
 */

import { seededRandom } from '../src/model/seededRandom.ts';
import { textSimilarity } from '../src/model/wireCopies.ts';

export interface DemoArticle {
  title: string;
  text: string;
  url: string;
  source: string;
  published: string;
}


interface Country {
  name: string;
  /** As written after "the" when needed ("the United States"). */
  the: boolean;
  adjective: string;
  capital: string;
}

const COUNTRIES: Country[] = [
  ['United States', true, 'U.S.', 'Washington'],
  ['Russia', false, 'Russian', 'Moscow'],
  ['China', false, 'Chinese', 'Beijing'],
  ['Iran', false, 'Iranian', 'Tehran'],
  ['Ukraine', false, 'Ukrainian', 'Kyiv'],
  ['France', false, 'French', 'Paris'],
  ['Germany', false, 'German', 'Berlin'],
  ['United Kingdom', true, 'British', 'London'],
  ['Japan', false, 'Japanese', 'Tokyo'],
  ['India', false, 'Indian', 'New Delhi'],
  ['Brazil', false, 'Brazilian', 'Brasilia'],
  ['Turkey', false, 'Turkish', 'Ankara'],
  ['Poland', false, 'Polish', 'Warsaw'],
  ['Hungary', false, 'Hungarian', 'Budapest'],
  ['Serbia', false, 'Serbian', 'Belgrade'],
  ['Armenia', false, 'Armenian', 'Yerevan'],
  ['Azerbaijan', false, 'Azerbaijani', 'Baku'],
  ['Ethiopia', false, 'Ethiopian', 'Addis Ababa'],
  ['Sudan', false, 'Sudanese', 'Khartoum'],
  ['Mali', false, 'Malian', 'Bamako'],
  ['Qatar', false, 'Qatari', 'Doha'],
  ['Belarus', false, 'Belarusian', 'Minsk'],
  ['Venezuela', false, 'Venezuelan', 'Caracas'],
  ['South Africa', false, 'South African', 'Pretoria'],
  ['Nigeria', false, 'Nigerian', 'Abuja'],
  ['Egypt', false, 'Egyptian', 'Cairo'],
  ['Saudi Arabia', false, 'Saudi', 'Riyadh'],
  ['Canada', false, 'Canadian', 'Ottawa'],
  ['Kenya', false, 'Kenyan', 'Nairobi'],
  ['Indonesia', false, 'Indonesian', 'Jakarta'],
  ['Mexico', false, 'Mexican', 'Mexico City'],
  ['Norway', false, 'Norwegian', 'Oslo'],
].map(([name, the, adjective, capital]) => ({ name: name as string, the: the as boolean, adjective: adjective as string, capital: capital as string }));

/** The title of a country's foreign minister, as its press writes it. */
const FOREIGN_TITLES: Record<string, string> = { 'United States': 'Secretary of State', 'United Kingdom': 'Foreign Secretary' };
const foreignTitle = (c: Country) => FOREIGN_TITLES[c.name] ?? 'Foreign Minister';

const country = (name: string): Country => COUNTRIES.find((c) => c.name === name)!;

/** "the United States" / "Russia", at the start of a sentence or not. */
const named = (c: Country, start = false) => (c.the ? `${start ? 'The' : 'the'} ${c.name}` : c.name);

/** Blocs named without "the" (abbreviations). */
const BARE_BLOCS = new Set(['NATO', 'ASEAN', 'BRICS', 'ECOWAS', 'OPEC']);
const bloc = (name: string, start = false) => (BARE_BLOCS.has(name) ? name : `${start ? 'The' : 'the'} ${name}`);
/** Blocs that impose sanctions of their own. */
const SANCTIONING = ['European Union', 'G7'];

const BLOCS = ['European Union', 'NATO', 'African Union', 'ASEAN', 'BRICS', 'G7', 'Arab League', 'ECOWAS', 'OPEC', 'Shanghai Cooperation Organisation'];
const MEMBERS: Record<string, string[]> = {
  'European Union': ['France', 'Germany', 'Poland', 'Hungary'],
  NATO: ['United States', 'United Kingdom', 'France', 'Germany', 'Poland', 'Turkey', 'Canada', 'Norway', 'Hungary'],
  'African Union': ['Ethiopia', 'Nigeria', 'Kenya', 'South Africa', 'Egypt', 'Mali', 'Sudan'],
  ASEAN: ['Indonesia'],
  BRICS: ['Brazil', 'Russia', 'India', 'China', 'South Africa', 'Egypt', 'Ethiopia', 'Iran', 'Saudi Arabia'],
  G7: ['United States', 'United Kingdom', 'France', 'Germany', 'Japan', 'Canada'],
  'Arab League': ['Egypt', 'Saudi Arabia', 'Qatar', 'Sudan'],
  ECOWAS: ['Nigeria', 'Mali'],
  OPEC: ['Saudi Arabia', 'Venezuela', 'Nigeria', 'Iran'],
  'Shanghai Cooperation Organisation': ['China', 'Russia', 'India', 'Iran'],
};

const FIRST = ['Anton', 'Mara', 'Ilse', 'Tomas', 'Nadia', 'Pavel', 'Lena', 'Omar', 'Sofia', 'Jonas', 'Amara', 'Kenji', 'Rosa', 'Dmitri', 'Leila', 'Viktor', 'Hana', 'Felix', 'Zara', 'Emil'];
const LAST = ['Verhaal', 'Brandvoort', 'Kestrel', 'Oduya', 'Lindqvar', 'Marovic', 'Tannberg', 'Halloran', 'Quell', 'Ostrander', 'Valcour', 'Nyberholt', 'Castelmar', 'Ferrow', 'Idrissen', 'Korvath', 'Salvane', 'Wendmoor', 'Achterval', 'Poulsky'];

const OUTLETS = ['Demo Wire', 'Sample Herald', 'The Example Gazette', 'Mock Tribune', 'Placeholder Post'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const ISSUES = ['drone exports', 'cyberattacks on power grids', 'election interference', 'human rights abuses', 'arms shipments', 'a crackdown on protesters', 'money laundering', 'nuclear enrichment'];
const MISCONDUCT = ['interference in its elections', 'violations of the ceasefire', 'supplying weapons to armed groups', 'spying on its diplomats', 'blocking grain exports', 'cyberattacks on its banks'];
const TOPICS = ['energy supplies', 'a grain corridor', 'border security', 'trade and investment', 'a prisoner exchange', 'climate finance', 'migration'];
const ACTIONS = ['release detained journalists', 'return to negotiations', 'allow inspectors into the country', 'withdraw its troops from the border', 'hold free elections', 'reopen the border crossing'];
const CRIMES = ['war crimes', 'the deportation of civilians', 'attacks on hospitals', 'crimes against humanity'];
const FILLERS = [
  'Markets in the region were little changed after the announcement.',
  'The statement gave no further details.',
  'Analysts said the decision had been expected for weeks.',
  'Officials are expected to meet again next month.',
  'Diplomats said more measures could follow before the end of the year.',
  'The announcement came after months of negotiations behind closed doors.',
  'It was not immediately clear when the measures would take effect.',
  'Several human rights groups welcomed the step but said it came late.',
];

interface Story {
  theme: 'sanctions' | 'warrant' | 'accusation' | 'alliance' | 'talks' | 'visit' | 'urge' | 'rupture' | 'rapprochement' | 'summit';
  a: Country;
  b: Country;
  bloc: string;
}

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A person invented for the demo, fixed per country and role so the same name recurs across articles. */
function person(c: Country, role: number): string {
  const seed = [...`${c.name}/${role}`].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
  return `${FIRST[seed % FIRST.length]} ${LAST[(seed >>> 8) % LAST.length]}`;
}

const surname = (name: string) => name.split(' ').pop()!;

function stories(random: () => number): Story[] {
  const themes: Story['theme'][] = ['sanctions', 'warrant', 'accusation', 'alliance', 'talks', 'visit', 'urge', 'rupture', 'rapprochement', 'summit'];
  // A few actors appear in many stories (hubs), the rest in one or two.
  const hubs = ['United States', 'Russia', 'China', 'Iran', 'Ukraine', 'France', 'Germany', 'Turkey'].map(country);
  const result: Story[] = [];
  for (let i = 0; i < 80; i++) {
    const a = random() < 0.6 ? pick(random, hubs) : pick(random, COUNTRIES);
    let b = pick(random, COUNTRIES);
    while (b === a) b = pick(random, COUNTRIES);
    result.push({ theme: themes[i % themes.length]!, a, b, bloc: pick(random, BLOCS) });
  }
  return result;
}

function lead(random: () => number, story: Story, day: string): { title: string; sentences: string[] } {
  const { a, b } = story;
  const A = named(a, true);
  const B = named(b);
  const minister = person(a, 1);
  const leader = person(a, 0);
  const other = person(b, 1);
  switch (story.theme) {
    case 'sanctions': {
      const issue = pick(random, ISSUES);
      const n = 3 + Math.floor(random() * 20);
      return {
        title: `${a.name} widens sanctions on ${b.name} over ${issue}`,
        sentences: [
          `${A} imposed new sanctions on ${B} on ${day}, targeting ${n} companies it accuses of ${issue}.`,
          `${bloc(pick(random, SANCTIONING), true)} is preparing restrictions on ${B} of its own, diplomats said.`,
          `“These measures will stay in place as long as the abuses continue,” ${a.adjective} ${foreignTitle(a)} ${minister} told reporters in ${a.capital}.`,
        ],
      };
    }
    case 'warrant': {
      const suspect = person(b, 7);
      const crime = pick(random, CRIMES);
      return {
        title: `ICC issues arrest warrant for ${b.adjective} commander ${surname(suspect)}`,
        sentences: [
          `The International Criminal Court on ${day} issued an arrest warrant for ${suspect}, a ${b.adjective} militia commander, over ${crime}.`,
          `${A} said it would arrest ${suspect} if he entered its territory.`,
          `${B} is not a member of the International Criminal Court and rejected the decision as political.`,
        ],
      };
    }
    case 'accusation': {
      const what = pick(random, MISCONDUCT);
      return {
        title: `${a.name} accuses ${b.name} of ${what}`,
        sentences: [
          `${A} accused ${B} on ${day} of ${what}, a charge ${B} denied.`,
          `${a.adjective} ${foreignTitle(a)} ${minister} said the evidence would be shared with the UN Security Council.`,
          `${b.adjective} ${foreignTitle(b)} ${other} accused ${named(a)} of spreading disinformation.`,
        ],
      };
    }
    case 'alliance':
      return {
        title: `${a.name} and ${b.name} sign defence pact`,
        sentences: [
          `${A} signed a defence pact with ${B} on ${day}, pledging joint exercises and shared intelligence.`,
          `${A} and its ally ${B} will hold the first exercises in the spring.`,
          `${a.adjective} President ${leader} said the agreement was aimed at no other country.`,
        ],
      };
    case 'talks': {
      const topic = pick(random, TOPICS);
      return {
        title: `${a.name} and ${b.name} hold talks on ${topic}`,
        sentences: [
          `${a.adjective} ${foreignTitle(a)} ${minister} met with ${b.adjective} ${foreignTitle(b)} ${other} in ${b.capital} on ${day} to discuss ${topic}.`,
          `${A} held talks with ${B} on ${topic} for the first time in two years.`,
          `Both sides described the meeting as constructive but gave no details of any agreement.`,
        ],
      };
    }
    case 'visit':
      return {
        title: `${a.adjective} president visits ${b.capital}`,
        sentences: [
          `${a.adjective} President ${leader} arrived in ${b.capital} on ${day} for a two-day state visit.`,
          `${leader} met ${b.adjective} President ${person(b, 0)} and laid a wreath at a war memorial.`,
          `${A} is seeking to deepen ties with ${B} as it looks for new export markets.`,
        ],
      };
    case 'urge': {
      const action = pick(random, ACTIONS);
      return {
        title: `UN urges ${b.name} to ${action}`,
        sentences: [
          `The United Nations urged ${B} on ${day} to ${action}.`,
          `${A} called on ${B} to cooperate with the UN inspectors.`,
          `${b.adjective} officials said they would study the request.`,
        ],
      };
    }
    case 'rupture':
      return {
        title: `${a.name} severs diplomatic ties with ${b.name}`,
        sentences: [
          `${A} severed diplomatic ties with ${B} on ${day}, giving its diplomats 72 hours to leave.`,
          `The ${a.adjective} foreign ministry accused ${B} of ${pick(random, MISCONDUCT)}.`,
          `${B} called the decision regrettable and said it would respond in kind.`,
        ],
      };
    case 'rapprochement':
      return {
        title: `${a.name} and ${b.name} move to restore relations`,
        sentences: [
          `${A} agreed on ${day} to restore relations with ${B} after years of tension.`,
          `${a.adjective} ${foreignTitle(a)} ${minister} said both countries would reopen their embassies within weeks.`,
          `${bloc(story.bloc, true)} welcomed the step and urged ${named(a)} to build on it.`,
        ],
      };
    case 'summit': {
      const members = MEMBERS[story.bloc] ?? [];
      const member = members.length > 0 ? country(pick(random, members)) : a;
      return {
        title: `${story.bloc} leaders meet as ${b.name} crisis deepens`,
        sentences: [
          `Leaders of ${bloc(story.bloc)} gathered in ${member.capital} on ${day} for a summit dominated by the crisis in ${b.name}.`,
          `${named(member, true)}, a member of ${bloc(story.bloc)}, pressed the others to impose sanctions on ${B}.`,
          `${a.adjective} President ${leader} attended the UN General Assembly in New York a week earlier and raised the same concerns.`,
        ],
      };
    }
  }
}

/** One background sentence from another story about one of the same actors: links stories, as real coverage does. */
function background(random: () => number, story: Story, all: Story[], besides: readonly Story[] = []): { sentence: string; other: Story } {
  const related = all.filter((s) => s !== story && !besides.includes(s) && (s.a === story.a || s.b === story.a || s.a === story.b || s.b === story.b));
  const other = related.length > 0 ? pick(random, related) : pick(random, all);
  return { sentence: backgroundSentence(random, other), other };
}

function backgroundSentence(random: () => number, other: Story): string {
  const A = named(other.a, true);
  const B = named(other.b);
  switch (other.theme) {
    case 'sanctions':
      return `Earlier this year ${named(other.a)} imposed sanctions on ${B} over ${pick(random, ISSUES)}.`;
    case 'accusation':
    case 'rupture':
      return `${A} has accused ${B} of ${pick(random, MISCONDUCT)}.`;
    case 'alliance':
      return `${A} is allied with ${B} under a pact signed last year.`;
    case 'talks':
    case 'visit':
      return `${A} has held talks with ${B} on ${pick(random, TOPICS)} several times this year.`;
    case 'urge':
      return `${A} has urged ${B} to ${pick(random, ACTIONS)}.`;
    case 'rapprochement':
      return `${A} has sought to strengthen ties with ${B} since the spring.`;
    case 'warrant':
    case 'summit': {
      const blocs = Object.keys(MEMBERS).filter((name) => MEMBERS[name]!.includes(other.a.name));
      if (blocs.length === 0) return `${A} has held talks with ${B} on ${pick(random, TOPICS)} several times this year.`;
      return `${A} is a member of ${bloc(pick(random, blocs))}.`;
    }
  }
}

const START = Date.UTC(2023, 0, 1);
const DAYS = 547; // 18 months: 2023-01-01 … 2024-06-30
const DAY_MS = 86_400_000;

/** Share of articles an outlet reprints from another. */
const WIRE_COPY_SHARE = 0.1;
/** How a reprint retitles a story. */
const RETITLES = [(t: string) => `${t}, officials say`, (t: string) => `What we know: ${t}`, (t: string) => `${t} (agency report)`, (t: string) => `Update: ${t}`];
/** One-word edits a reprint desk makes; the first that applies is used, else the last sentence is trimmed. */
const EDITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bsaid\b/, 'stated'],
  [/\bnew\b/, 'fresh'],
  [/\bofficials\b/, 'sources'],
  [/\bwould\b/, 'will'],
];

/** Reprints stay clearly above the copy threshold (0.8), so a detector that finds them is not finding them by luck. */
const REPRINT_SIMILARITY = 0.85;

/** A reprint of the article: its last sentence trimmed (when that leaves it near-identical) or one word changed. */
function reprintText(random: () => number, body: readonly string[]): string {
  const text = body.join(' ');
  if (body.length >= 5 && random() < 0.5) {
    const trimmed = body.slice(0, -1).join(' ');
    if (textSimilarity(text, trimmed) >= REPRINT_SIMILARITY) return trimmed;
  }
  for (const [word, replacement] of EDITS) if (word.test(text)) return text.replace(word, replacement);
  return `${text} (Agency report.)`;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `count` articles, in order of publication; the same `count` and `seed` always give the same articles. */
export function generateDemoArticles(count: number, seed = 13): DemoArticle[] {
  const random = seededRandom(seed);
  const all = stories(random);
  const texts = new Set<string>();
  const drafts: Array<DemoArticle & { order: number }> = [];
  for (let i = 0; drafts.length < count; i++) {
    // Stories early in the list are the running ones: they get more articles.
    const story = all[Math.floor(random() ** 1.6 * all.length)]!;
    const dayIndex = Math.floor(random() * DAYS);
    const date = new Date(START + dayIndex * DAY_MS);
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'Friday';
    const { title, sentences } = lead(random, story, weekday);
    const context = background(random, story, all);
    const body = [...sentences, context.sentence, pick(random, FILLERS)];
    if (random() < 0.5) {
      const more = background(random, story, all, [context.other]);
      if (more.sentence !== context.sentence) body.push(more.sentence);
    }
    let text = body.join(' ');
    // Two articles of one story on one day may draw the same sentences: a dateline keeps every text distinct.
    for (let n = 2; texts.has(text); n++) text = `${text} (Update ${n}.)`;
    texts.add(text);
    const published = date.toISOString().slice(0, 10);
    const source = pick(random, OUTLETS);
    const url = (outlet: string, day: string, headline: string, n: number) => `https://example.org/${slug(outlet)}/${day.slice(0, 7).replace('-', '/')}/${slug(headline)}-${n}`;
    drafts.push({ title, text, source, published, url: url(source, published, title, drafts.length + 1), order: drafts.length });
    if (drafts.length < count && random() < WIRE_COPY_SHARE) {
      // Reprinted by another outlet a day or two later, never past the last day.
      const copyDay = new Date(START + Math.min(DAYS - 1, dayIndex + 1 + Math.floor(random() * 2)) * DAY_MS).toISOString().slice(0, 10);
      const outlet = pick(
        random,
        OUTLETS.filter((o) => o !== source),
      );
      const headline = pick(random, RETITLES)(title);
      let copy = reprintText(random, text === body.join(' ') ? body : [text]);
      for (let n = 2; texts.has(copy); n++) copy = `${copy} (Update ${n}.)`;
      texts.add(copy);
      drafts.push({ title: headline, text: copy, source: outlet, published: copyDay, url: url(outlet, copyDay, headline, drafts.length + 1), order: drafts.length });
    }
  }
  drafts.sort((x, y) => (x.published < y.published ? -1 : x.published > y.published ? 1 : x.order - y.order));
  return drafts.map(({ order: _order, ...article }) => article);
}

/** Articles as JSON Lines, the format `newsgraph ingest` reads. */
export function demoJsonLines(articles: readonly DemoArticle[]): string {
  return articles.map((article) => JSON.stringify(article)).join('\n') + '\n';
}
