/**
 * leader-of and official-of from titles (issue 15): court officers, offices
 * whose state is written elsewhere in the sentence or story, appositions and
 * relative clauses, rotating chairs, and former titles that state nothing.
 * Made-up sentences about real states and bodies, invented people.
 */
import { describeRelationCases, type RelationCase } from './relationCases.ts';

const COURTS: RelationCase[] = [
  {
    name: 'a chamber of Presiding Judge A, Judge B and Judge C serves the court named before',
    text: 'The International Criminal Court issued a warrant for Ali Haddad. The Chamber, composed of Presiding Judge Anna Berg, Judge Tomas Reiner and Judge Paulo Ferreira, considered the applications.',
    has: [
      'anna-berg official-of international-criminal-court',
      'tomas-reiner official-of international-criminal-court',
      'paulo-ferreira official-of international-criminal-court',
    ],
  },
  {
    name: 'the President of the Court, Judge X, leads it (and the rank adds no second role)',
    text: 'The International Court of Justice ruled on Friday. The President of the Court, Judge Maria Costa, read the order.',
    has: ['maria-costa leader-of international-court-of-justice'],
    hasNot: ['maria-costa official-of international-court-of-justice'],
  },
  {
    name: 'the Prosecutor, Mr X',
    text: 'The International Criminal Court issued two warrants. They followed applications by the Prosecutor, Mr Karim Khan, in February.',
    has: ['karim-khan official-of international-criminal-court'],
  },
  {
    name: 'Judge X of Uganda: a nationality, not the office',
    text: 'The International Court of Justice ruled on Friday. Judge Julia Sebutinde of Uganda voted against the measures.',
    has: ['julia-sebutinde official-of international-court-of-justice'],
    hasNot: ['julia-sebutinde official-of uganda'],
  },
  {
    name: 'the Registrar',
    text: 'The International Criminal Court opened its session. Registrar Osvaldo Zavala said the budget was tight.',
    has: ['osvaldo-zavala official-of international-criminal-court'],
  },
  {
    name: 'a judge with no court named states nothing',
    text: 'Brazilian judge Sergio Lemos said the law was clear. Judge Ana Prado agreed with him.',
    hasNot: ['ana-prado official-of'],
  },
];

const ELSEWHERE: RelationCase[] = [
  {
    name: 'her Japanese counterpart, X: the office of the title before it',
    text: 'U.S. Secretary of State Mike Pompeo met South Korean Foreign Minister Kang Kyung-wha and her Japanese counterpart, Taro Kono, in Bangkok.',
    has: ['taro-kono official-of japan', 'kang-kyung-wha official-of south-korea'],
    hasNot: ['taro-kono official-of south-korea', 'taro-kono official-of united-states'],
  },
  {
    name: 'his Russian counterpart: a head of government’s counterpart leads',
    text: 'Prime Minister Narendra Modi met his Russian counterpart, Mikhail Mishustin, in Moscow.',
    has: ['mikhail-mishustin leader-of russia'],
  },
  {
    name: 'its Trade Minister: the state the sentence opens with, not the ministry named earlier',
    text: 'Japanese Trade Minister Hiroshige Seko announced the curbs. Seoul filed a complaint at the World Trade Organization, and its Trade Minister Yoo Myung-hee said the curbs broke the rules.',
    has: ['yoo-myung-hee official-of south-korea', 'hiroshige-seko official-of japan'],
    hasNot: ['yoo-myung-hee official-of japan'],
  },
  {
    name: 'In Tokyo, Chief Cabinet Secretary X',
    text: 'In Tokyo, Chief Cabinet Secretary Yoshimasa Hayashi told reporters that the launch was a grave concern.',
    has: ['yoshimasa-hayashi official-of japan'],
  },
  {
    name: 'a dateline’s state for an unqualified national title',
    text: 'WASHINGTON — Sweden joined NATO on Thursday at a ceremony with U.S. officials. President Joe Biden said the alliance was stronger than ever.',
    has: ['joe-biden leader-of united-states'],
    hasNot: ['joe-biden leader-of sweden'],
  },
  {
    name: 'Foreign Ministry spokesman X under a dateline, then another ministry spokesman',
    text: 'BEIJING — China on Thursday rejected the declaration. Foreign Ministry spokesman Lin Jian told reporters it was full of Cold War thinking. Wang Wenbin, another ministry spokesman, said the United States was to blame.',
    has: ['lin-jian official-of china', 'wang-wenbin official-of china'],
    hasNot: ['wang-wenbin official-of united-states'],
  },
  {
    name: 'a dateline that the lead does not name again gives nothing',
    text: 'SEOUL — North Korea and Russia signed a pact on Wednesday. President Vladimir Putin said it was defensive.',
    hasNot: ['vladimir-putin leader-of south-korea'],
  },
  {
    name: 'Foreign Secretary X in an article that names the United Kingdom',
    text: 'The UK has today sanctioned 14 individuals over the deportation of children.\n\nForeign Secretary James Cleverly said: “This is a deliberate attempt to erase an identity.”',
    has: ['james-cleverly official-of united-kingdom'],
  },
  {
    name: 'Foreign Secretary X in an article that names both states with one',
    text: 'India and the United Kingdom held talks in London. Foreign Secretary Vikram Misri said the talks were useful.',
    hasNot: ['vikram-misri official-of'],
  },
  {
    name: 'Secretary of State for Defence is not the American office',
    text: 'The United States and Britain agreed to share intelligence. Secretary of State for Defence John Healey said the deal mattered.',
    hasNot: ['john-healey official-of united-states'],
  },
  {
    name: 'Kremlin spokesman X',
    text: 'Kremlin spokesman Dmitry Peskov said the talks were useful.',
    has: ['dmitry-peskov official-of russia'],
  },
  {
    name: 'Foreign Minister X led the Russian delegation',
    text: 'Vladimir Putin did not attend the summit in Johannesburg; Foreign Minister Sergei Lavrov led the Russian delegation in his place.',
    has: ['sergei-lavrov official-of russia'],
  },
];

const HEAD_FALLBACK: RelationCase[] = [
  {
    name: 'one state, one president: “President Zelensky” in a sentence set in Paris is not France’s',
    text: 'In Paris, President Emmanuel Macron’s office said he had spoken with “President Zelensky” by telephone and that France would help.',
    has: ['emmanuel-macron leader-of france'],
    hasNot: ['zelensky leader-of france'],
  },
  {
    name: 'an inferred state gives way to the one the document states, even later',
    text: 'Paris welcomed the visit, and President Volodymyr Zelensky thanked the French people.\n\nLater, Ukrainian President Volodymyr Zelensky flew to Berlin.',
    has: ['volodymyr-zelensky leader-of ukraine'],
    hasNot: ['volodymyr-zelensky leader-of france'],
  },
  {
    name: 'Thai Prime Minister X met Prime Minister Y: Y has no state',
    text: 'Thai Prime Minister Srettha Thavisin met Prime Minister Hun Manet in Bangkok.',
    has: ['srettha-thavisin leader-of thailand'],
    hasNot: ['hun-manet leader-of'],
  },
];

const APPOSITION: RelationCase[] = [
  {
    name: 'X, who took office as the Philippines’ president',
    text: 'Rodrigo Duterte, who took office as the Philippines’ president two weeks ago, said he was open to talks.',
    has: ['rodrigo-duterte leader-of philippines'],
  },
  {
    name: 'X, who serves as Secretary-General of the United Nations',
    text: 'Antonio Guterres, who serves as Secretary-General of the United Nations, visited Kyiv.',
    has: ['antonio-guterres leader-of united-nations'],
  },
  {
    name: 'X is the President of Y',
    text: 'Vladimir Putin met Xi Jinping on Monday. Mr Putin, born on 7 October 1952, is the President of the Russian Federation.',
    has: ['vladimir-putin leader-of russia'],
  },
  {
    name: 'X was the president of Y, X is not the president of Y: no role',
    text: 'Boris Yeltsin was the President of Russia. Vladimir Putin is not the President of Ukraine.',
    hasNot: ['boris-yeltsin leader-of russia', 'vladimir-putin leader-of ukraine'],
  },
  {
    name: 'X, Ukraine’s foreign minister,',
    text: 'Dmytro Kuleba, Ukraine’s foreign minister, said the talks had failed.',
    has: ['dmytro-kuleba official-of ukraine'],
  },
  {
    name: 'Y’s ambassador to the United Nations, X',
    text: 'Uganda’s ambassador to the United Nations, Adonia Ayebare, said the vote did not represent his government.',
    has: ['adonia-ayebare official-of uganda'],
    hasNot: ['adonia-ayebare official-of united-nations'],
  },
  {
    name: 'the bloc’s chairman, X',
    text: 'The African Union met in Addis Ababa. The bloc’s chairman, Moussa Faki, said the coup was unacceptable.',
    has: ['moussa-faki leader-of african-union'],
  },
  {
    name: 'X, head of Y',
    text: 'Rafael Grossi, head of the IAEA, visited Tehran.',
    has: ['rafael-grossi leader-of international-atomic-energy-agency'],
  },
  {
    name: 'X, chair of Y',
    text: 'Olaf Scholz, chair of the G7, urged calm.',
    has: ['olaf-scholz leader-of g7'],
  },
];

const CHAIRS: RelationCase[] = [
  {
    name: 'X, which held the rotating chairmanship: of the organisation just named',
    text: 'BRICS met in Kazan. Critics said the bloc was divided. Russia, which held the rotating chairmanship in 2024, hosted the summit.',
    has: ['russia leader-of brics'],
  },
  {
    name: 'never held the rotating chairmanship',
    text: 'ASEAN met in Jakarta. Timor-Leste, which has never held the rotating chairmanship, attended as an observer.',
    hasNot: ['leader-of'],
  },
];

const FORMER: RelationCase[] = [
  {
    name: 'former Nigerian President X leads nothing; the envoy apposition still holds',
    text: 'South Africa hosted the talks, which were led by the African Union’s envoy for the Horn of Africa, former Nigerian President Olusegun Obasanjo.',
    has: ['olusegun-obasanjo official-of african-union'],
    hasNot: ['olusegun-obasanjo leader-of nigeria'],
  },
  {
    name: 'the former Brazilian president X',
    text: 'The bank has been led since 2023 by the former Brazilian president Dilma Rousseff.',
    hasNot: ['dilma-rousseff leader-of brazil'],
  },
  {
    name: 'Y’s former prime minister X',
    text: 'Israel’s former prime minister Ehud Olmert criticised the plan.',
    hasNot: ['ehud-olmert leader-of israel'],
  },
  {
    name: 'Judge ad hoc X, the former president of Y’s Supreme Court',
    text: 'The International Court of Justice ruled on Friday. Judge ad hoc Aharon Barak, the former president of Israel’s Supreme Court, voted in favour.',
    has: ['aharon-barak official-of international-court-of-justice'],
    hasNot: ['aharon-barak leader-of israel'],
  },
  { name: 'the late President X', text: 'The late President Jacques Chirac of France was honoured in Paris.', hasNot: ['jacques-chirac leader-of france'] },
  {
    name: '“and then President X” is not a former office',
    text: 'Russia attacked Ukraine, and then President Volodymyr Zelensky of Ukraine called for help.',
    has: ['volodymyr-zelensky leader-of ukraine'],
  },
];

describeRelationCases('roles: court officers', COURTS);
describeRelationCases('roles: the state written elsewhere in the sentence or story', ELSEWHERE);
describeRelationCases('roles: the head-of-government fallback', HEAD_FALLBACK);
describeRelationCases('roles: apposition, relative clauses and “head of”', APPOSITION);
describeRelationCases('roles: rotating chairs', CHAIRS);
describeRelationCases('roles: former titles state no role', FORMER);
