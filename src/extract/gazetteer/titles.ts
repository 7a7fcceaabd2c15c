/**
 * Gazetteer: titles of office
 * ===========================
 *
 * A title before or beside a name says what the person is and for whom:
 * "Russian President Vladimir Putin" leads Russia, "Foreign Ministry
 * Spokesperson Maria Zakharova" speaks for a government. `leader` titles head
 * what they qualify (→ leader-of); `official` titles hold an office in it
 * (→ official-of). `office` groups titles of one ministry, so an unqualified
 * "Foreign Ministry spokesperson" inherits the country of the foreign minister
 * named earlier in the same article. Matched without regard to case.
 */

export type TitleKind = 'leader' | 'official';

export interface TitleEntry {
  phrase: string;
  kind: TitleKind;
  /** Ministry or office the title belongs to, for inheriting an unstated country. */
  office?: string;
  /** Labels of the only states whose office this is ("Foreign Secretary": the United Kingdom, India). */
  states?: string[];
}

const leader = (office?: string) => (phrase: string): TitleEntry => ({ phrase, kind: 'leader', ...(office ? { office } : {}) });
const official = (office?: string) => (phrase: string): TitleEntry => ({ phrase, kind: 'official', ...(office ? { office } : {}) });

const MINISTRIES = [
  'foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'economic', 'trade', 'energy', 'justice', 'health', 'home', 'agriculture', 'environment', 'culture', 'education', 'transport', 'industry',
  'commerce', 'treasury', 'labour', 'labor', 'information', 'communications', 'immigration', 'oil', 'petroleum', 'mining', 'mines', 'planning', 'development', 'security', 'homeland security', 'intelligence',
];

function ministryTitles(ministry: string): TitleEntry[] {
  const office = ministry === 'defense' ? 'defence' : ministry;
  const make = official(office);
  return [
    `${ministry} minister`,
    `deputy ${ministry} minister`,
    `vice ${ministry} minister`,
    `${ministry} ministry representative`,
    `${ministry} secretary`,
    `${ministry} ministry spokesperson`,
    `${ministry} ministry spokesman`,
    `${ministry} ministry spokeswoman`,
    `${ministry} ministry official`,
    `minister of ${ministry === 'foreign' ? 'foreign affairs' : ministry}`,
    `minister for ${ministry === 'foreign' ? 'foreign affairs' : ministry}`,
    `${ministry} affairs minister`,
    `deputy minister of ${ministry === 'foreign' ? 'foreign affairs' : ministry}`,
    `deputy minister for ${ministry === 'foreign' ? 'foreign affairs' : ministry}`,
    `vice minister of ${ministry === 'foreign' ? 'foreign affairs' : ministry}`,
    `secretary of ${ministry}`,
    `secretary of the ${ministry}`,
  ].map(make);
}

export const TITLES: TitleEntry[] = [
  ...['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'amir', 'sultan', 'crown prince', 'supreme leader', 'emperor', 'monarch', 'head of state', 'head of government', 'taoiseach', 'grand duke'].map(leader('head')),
  ...['interim president', 'acting president', 'transitional president', 'interim prime minister', 'acting prime minister', 'caretaker prime minister', 'junta leader', 'military ruler'].map(leader('head')),
  ...['secretary general', 'secretary-general', 'director general', 'director-general', 'managing director', 'chairman', 'chairwoman', 'chairperson', 'chair', 'head', 'leader', 'president of the european commission'].map(leader()),
  ...['chief prosecutor', 'prosecutor', 'deputy prosecutor', 'judge', 'chief judge', 'presiding judge', 'judge ad hoc', 'registrar', 'deputy registrar'].map(official('court')),
  // "The President of the Court, Judge X": the court is the one the document names (see roles.ts).
  leader('court')('president of the court'),
  ...['vice-president of the court', 'vice president of the court'].map(official('court')),
  // "her Japanese counterpart, Taro Kono": the same kind of office as the title before it in the sentence (roles.ts).
  official('counterpart')('counterpart'),
  ...['spokesperson', 'spokesman', 'spokeswoman', 'government spokesperson', 'government spokesman', 'presidential spokesperson', 'presidential spokesman', 'press secretary'].map(official('press')),
  ...['vice president', 'vice-president', 'deputy prime minister', 'deputy president', 'first lady', 'vice premier', 'vice-premier', 'deputy premier', 'vice prime minister', 'vice chancellor'].map(official('head')),
  // Cabinet-level offices that are not "X minister": a trade envoy, law officers, a state department's voice.
  ...['trade representative', 'trade envoy', 'attorney general', 'attorney-general', 'solicitor general', 'state department spokesperson', 'state department spokesman', 'state department spokeswoman', 'deputy secretary of state', 'assistant secretary of state', 'under secretary of state', 'undersecretary of state', 'permanent representative', 'special representative', 'deputy secretary-general', 'deputy secretary general', 'high commissioner', 'central bank governor', 'army commander', 'military chief', 'defence chief', 'defense chief', 'intelligence chief', 'spy chief', 'top diplomat', 'chief diplomat', 'trade chief', 'foreign policy chief'].map(official()),
  ...['minister', 'deputy minister', 'vice minister', 'minister of state', 'chief', 'commissioner', 'human rights commissioner', 'commissioner for human rights', 'ombudsman', 'ombudsperson', 'high representative', 'ambassador', 'envoy', 'special envoy', 'national security adviser', 'national security advisor', 'adviser', 'advisor', 'negotiator', 'chief negotiator', 'diplomat', 'senior official', 'official', 'general', 'army chief', 'chief of staff', 'commander', 'lawmaker', 'senator', 'governor', 'mayor', 'lieutenant general', 'major general', 'brigadier general', 'brigadier', 'admiral', 'colonel', 'director'].map(official()),
  // Cabinet offices named without "minister". Each is its own office: a "foreign minister" named earlier is another state's.
  // Offices only a few states have: unqualified, they are the one of those states the article names (roles.ts).
  { ...official('foreign secretary')('foreign secretary'), states: ['United Kingdom', 'India'] },
  { ...official('home secretary')('home secretary'), states: ['United Kingdom'] },
  { ...official('secretary of state')('secretary of state'), states: ['United States'] },
  { ...official('cabinet')('chief cabinet secretary'), states: ['Japan'] },
  official('cabinet')('cabinet secretary'),
  // "Under Secretary of the Treasury for …": the department follows as "of X" (roles.ts).
  ...['under secretary', 'undersecretary', 'under-secretary'].map(official()),
  ...MINISTRIES.flatMap(ministryTitles),
];

/**
 * Nouns after a demonym that make it stand for its country: "Russian forces
 * attacked" is Russia attacking, "sanctions on Iranian companies" and
 * "strikes on Ukrainian cities" target the country.
 */
export const AGENT_NOUNS = new Set([
  'forces', 'force', 'troops', 'military', 'army', 'navy', 'air', 'soldiers', 'officials', 'official', 'authorities', 'government', 'governments',
  'diplomats', 'diplomat', 'leaders', 'leader', 'leadership', 'ministry', 'ministers', 'regime', 'administration', 'state', 'police', 'courts', 'court',
  'prosecutors', 'investigators', 'negotiators', 'delegation', 'side', 'jets', 'warplanes', 'drones', 'missiles', 'artillery', 'strikes', 'units',
  'fighters', 'militants', 'parliament', 'lawmakers', 'president', 'embassy', 'intelligence', 'agents', 'border', 'coast', 'guards',
  'individuals', 'entities', 'companies', 'company', 'firms', 'firm', 'banks', 'bank', 'businesses', 'oligarchs', 'nationals', 'citizens',
  'cities', 'city', 'towns', 'villages', 'territory', 'soil', 'positions', 'ports', 'infrastructure', 'airspace', 'waters', 'saboteurs',
]);

/**
 * Nouns after a demonym that make it name people acting against or apart
 * from their state: "sanctions on Haitian gang leaders" do not target Haiti,
 * "Syrian rebels attacked" is not Syria attacking.
 */
export const NON_STATE_NOUNS = new Set([
  'gang', 'gangs', 'rebel', 'rebels', 'opposition', 'militia', 'militias', 'criminal', 'criminals', 'cartel', 'cartels', 'drug', 'separatist', 'separatists',
  'insurgent', 'insurgents', 'jihadist', 'jihadists', 'dissident', 'dissidents', 'exiles', 'exile', 'smugglers', 'traffickers', 'pirates', 'mercenaries',
]);
