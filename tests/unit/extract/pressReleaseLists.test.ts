/**
 * Issue 15's classes as a press release, a court statement and a wire report
 * write them (made-up sentences about real states, invented people): lists
 * whose items carry their own titles, lists that follow a phrase or a colon,
 * a designation list whose subject was named sentences before, roles given in
 * an appositive, "the group" for an armed group, a meeting named by its town.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import { describeRelationCases, type RelationCase } from './relationCases.ts';

const PRESS_RELEASE_LISTS: RelationCase[] = [
  {
    name: 'Among those designated today are A, his title, and B, her title',
    text: 'The United Kingdom today designated Iran. Among those designated today are Brigadier General Reza Tabrizi, Iran’s Deputy Minister of Defence, and Leila Haddadi, the commander of the Space Command.',
    has: ['united-kingdom sanctioned reza-tabrizi', 'united-kingdom sanctioned leila-haddadi', 'reza-tabrizi official-of iran'],
  },
  {
    name: 'Also designated is X: the sanctioner named in an earlier sentence',
    text: 'Canada sanctioned Belarus on Monday. Also designated is Olga Markevich, the head of the election commission.',
    has: ['canada sanctioned olga-markevich'],
  },
  {
    name: 'Those sanctioned include …, a title and a name',
    text: 'Japan sanctioned Russia again. Those sanctioned include Russia’s Minister of Education, Pavel Orlov, and Russia’s Minister of Culture, Irina Belova.',
    has: ['japan sanctioned pavel-orlov', 'japan sanctioned irina-belova', 'pavel-orlov official-of russia', 'irina-belova official-of russia'],
  },
  {
    name: 'a denial earlier is not who designated',
    text: 'Australia did not sanction Iran. Those listed include Hamid Rezaei, a senior official.',
    hasNot: ['australia sanctioned hamid-rezaei'],
  },
  {
    name: 'no designation earlier: no subject',
    text: 'Those sanctioned include Hamid Rezaei, a senior official.',
    hasNot: ['sanctioned'],
  },
  {
    name: 'designated N leaders, including the group’s title, A, and the commander of its forces, B',
    text: 'The Houthis attacked ships. Washington designated four Houthi leaders, including the group’s defence minister, Yahya Saleh, and the commander of its naval forces, Abdullah Qasim.',
    has: ['united-states sanctioned yahya-saleh', 'united-states sanctioned abdullah-qasim', 'yahya-saleh official-of houthis'],
  },
  {
    name: 'warrants for two individuals in the situation in X: A and B',
    text: 'The International Criminal Court issued warrants of arrest for two individuals in the situation in Darfur: Mr Ahmad Haroun and Mr Ali Kushayb.',
    has: ['international-criminal-court issued-warrant ahmad-haroun', 'international-criminal-court issued-warrant ali-kushayb'],
  },
  {
    name: 'a colon after a clause is no list of the warrant',
    text: 'The International Criminal Court issued warrants for two men in Darfur. The reason was simple: Ahmad Haroun refused.',
    hasNot: ['international-criminal-court issued-warrant ahmad-haroun'],
  },
];

const ROLES_AND_REFERENCES: RelationCase[] = [
  { name: 'X, Iran’s Deputy Minister of Defence, …', text: 'The drones were supplied by Reza Tabrizi, Iran’s Deputy Minister of Defence, according to the report.', has: ['reza-tabrizi official-of iran'] },
  { name: 'Ukraine’s parliamentary human rights commissioner, X', text: 'Ukraine’s parliamentary human rights commissioner, Oleh Kravets, accused Russia of torture.', has: ['oleh-kravets official-of ukraine', 'oleh-kravets accused russia'] },
  { name: 'the army, led by General X', text: 'The Rapid Support Forces, led by General Ahmed Dagar, attacked the capital.', has: ['ahmed-dagar leader-of rapid-support-forces'] },
  { name: 'X, commanded by Y', text: 'The war pits the army against the Rapid Support Forces, commanded by Ahmed Dagar.', has: ['ahmed-dagar leader-of rapid-support-forces'] },
  { name: '“the group” is the armed group named before', text: 'The Houthis fired missiles at ships. The group’s defence minister, Yahya Saleh, spoke.', has: ['yahya-saleh official-of houthis'] },
  { name: '“the group” is never a union of states', text: 'The European Union met. The group’s envoy, Marta Lind, spoke.', hasNot: ['marta-lind official-of european-union'] },
];

const MEETINGS_AND_TIES: RelationCase[] = [
  {
    name: 'did not attend the <town> summit',
    text: 'The 15th BRICS summit was held in Johannesburg in August. Vladimir Putin did not attend the Johannesburg summit.',
    has: ['vladimir-putin attended brics'],
  },
  { name: 'agreed to restore ties (no adjective)', text: 'Saudi Arabia and Iran agreed on Friday to restore ties.', has: ['saudi-arabia seeks-ties-with iran', 'iran seeks-ties-with saudi-arabia'] },
];

/** Flags on: what someone is urged to do, or did not do, is no plain fact. */
const NOT_FACTS: RelationCase[] = [
  { name: 'called on X to open talks with Y: the talks are a demand', text: 'Rwanda called on Congo to open talks with the M23 rebels.', has: ['democratic-republic-of-the-congo met-with m23 (hedged)', 'rwanda urged democratic-republic-of-the-congo'] },
  { name: 'urged X to stop attacking Y', text: 'The United States urged Israel to stop attacking Gaza.', has: ['israel attacked gaza (hedged)'] },
  {
    name: 'did not attend a planned summit with Y: no meeting',
    text: 'Rwandan President Paul Kagame did not attend a planned tripartite summit with Congolese President Félix Tshisekedi in Luanda.',
    has: ['felix-tshisekedi met-with paul-kagame (negated)'],
  },
];

const LIST_ENDS: RelationCase[] = [
  { name: 'after ", and" a name with its own verb opens a clause', text: 'Russia attacked Ukraine, and the UN urged it to stop.', has: ['russia attacked ukraine'], hasNot: ['russia attacked united-nations'] },
  { name: '"and" then a name with its own verb opens a clause', text: 'Hamas attacked Israel and Russia attacked Ukraine.', hasNot: ['hamas attacked russia'] },
  { name: 'an inverted "should" still ends the list', text: 'States Parties are obliged to arrest Mr Vladimir Putin and Ms Maria Lvova-Belova should either enter their territory.', has: ['states-parties threatened-arrest maria-lvova-belova'] },
  { name: 'a participle after the last item still lists it', text: 'Washington sanctioned Iran, Syria, and Russia based companies.', has: ['united-states sanctioned iran', 'united-states sanctioned syria', 'united-states sanctioned russia'] },
];

const WAR_AND_POWER: RelationCase[] = [
  { name: 'A’s troops clashed with B’s forces: each attacked the other', text: 'Georgian troops clashed with Russian forces near the border.', has: ['georgia attacked russia', 'russia attacked georgia'] },
  { name: 'forces advanced on a city', text: 'Russian forces advanced on Kharkiv.', has: ['russia attacked kharkiv'] },
  { name: 'fought alongside is no attack', text: 'Russia fought alongside Syria.', hasNot: ['attacked'] },
  { name: 'X seized power in a state', text: 'General Amadou Kone, the head of the presidential guard, seized power in Niger in July.', has: ['amadou-kone leader-of niger'] },
  { name: 'a state taking control is no leader', text: 'Russia took power in the region.', hasNot: ['leader-of'] },
  { name: 'an unknown town an attack strikes is a place', text: 'Georgian forces shelled Tskhinvali overnight, and Russian troops captured Rafiyah.', has: ['georgia attacked tskhinvali', 'russia attacked rafiyah'] },
  { name: 'a one-word name that speaks is no town', text: 'Russia attacked Kovalenko. Kovalenko said the attack failed.', hasNot: ['russia attacked kovalenko'] },
  { name: 'a prince is no head of state', text: 'Saudi Foreign Minister Prince Faisal bin Farhan met his Iranian counterpart Hossein Amirabdollahian.', has: ['faisal-bin-farhan official-of saudi-arabia', 'hossein-amirabdollahian official-of iran'], hasNot: ['leader-of'] },
];

describeRelationCases('war, coups and princes', WAR_AND_POWER);
describeRelationCases('demands and negated meetings are not facts', NOT_FACTS, { flags: true });
describeRelationCases('where an object list ends', LIST_ENDS);
describeRelationCases('press-release and court lists', PRESS_RELEASE_LISTS);
describeRelationCases('roles in appositives, and the group', ROLES_AND_REFERENCES);
describeRelationCases('meetings named by their town, ties restored', MEETINGS_AND_TIES);

describe('a designation list’s subject', () => {
  it('is said in the evidence note, since the sentence does not name it', () => {
    const dataset = extractDataset('Canada sanctioned Belarus on Monday. Also designated is Olga Markevich, the head of the election commission.', { documentId: 'doc' });
    const relation = dataset.relations.find((r) => r.source === 'canada' && r.target === 'olga-markevich')!;
    expect(relation.evidence[0]!.note).toMatch(/Canada/);
  });

  it('did not attend: the attendance is negated', () => {
    const dataset = extractDataset('The 15th BRICS summit was held in Johannesburg in August. Vladimir Putin did not attend the Johannesburg summit.', { documentId: 'doc' });
    expect(dataset.relations.find((r) => r.source === 'vladimir-putin' && r.type === 'attended')?.negated).toBe(true);
  });
});

describe('people named once', () => {
  const text = 'Those present included Defence Minister Viktor Kosel. Belarus said nothing.';

  it('a person named in full is kept, though in no relation', () => {
    expect(extractDataset(text, { documentId: 'doc' }).entities.map((e) => e.id)).toContain('viktor-kosel');
  });

  it('--min-mentions applies to everyone when it is given', () => {
    expect(extractDataset(text, { documentId: 'doc', minMentions: 2 }).entities.map((e) => e.id)).not.toContain('viktor-kosel');
  });

  it('a country named once in passing is still left out', () => {
    expect(extractDataset(text, { documentId: 'doc' }).entities.map((e) => e.id)).not.toContain('belarus');
  });
});
