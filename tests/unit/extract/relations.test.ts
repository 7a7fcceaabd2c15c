/**
 * One positive and at least one negative case per relation rule family: the
 * negative cases are what the rules must not do — reach across a clause
 * boundary, ignore a negation, take a possessive or an earlier object for
 * the subject.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import { type Relation } from '../../../src/model/index.ts';
import { describeRelationCases, type RelationCase } from './relationCases.ts';

function relations(text: string): Relation[] {
  return extractDataset(text, { documentId: 'doc' }).relations;
}

const CASES: RelationCase[] = [
  // accused
  { name: 'X accused Y of', text: 'Poland accused Belarus of staging the crisis.', has: ['poland accused belarus'] },
  { name: 'X blamed Y for', text: 'Kenya blamed Somalia for the raid.', has: ['kenya accused somalia'] },
  { name: 'blamed on a demonym', text: 'Baku blamed the explosions on Armenian saboteurs.', has: ['azerbaijan accused armenia'] },
  { name: 'passive: Y was accused by X', text: 'Iran was accused by Israel of arming militias.', has: ['israel accused iran'] },
  { name: 'what he called Russian “genocide”', text: 'Volodymyr Zelensky spoke. Later the crowd heard what he called Russian “genocide” in the east.', has: ['volodymyr-zelensky accused russia'] },
  { name: 'not across "while"', text: 'Serbia protested while Kosovo accused nobody of anything.', hasNot: ['serbia accused kosovo'] },
  { name: 'echoed co-accuser', text: 'Volodymyr Zelensky spoke. Zelensky, repeating claims U.S. officials have made, accused Russia of blocking grain.', has: ['volodymyr-zelensky accused russia', 'united-states accused russia'] },

  // sanctioned
  { name: 'X imposed sanctions on Y', text: 'Canada imposed new sanctions on Iran on Friday.', has: ['canada sanctioned iran'] },
  { name: 'levying sanctions on the president himself', text: 'Russian President Vladimir Putin spoke. Western nations are levying sanctions on the president himself.', has: ['western-countries sanctioned vladimir-putin'] },
  { name: 'sanctions on demonym + companies', text: 'Japan imposed sanctions on eight Iranian companies.', has: ['japan sanctioned iran'] },
  { name: 'X sanctioned several of the same Y companies', text: 'The United States and Britain have sanctioned several of the same Chinese firms.', has: ['united-states sanctioned china', 'united-kingdom sanctioned china'] },
  { name: 'lifting sanctions is not sanctioning', text: 'Washington agreed to a deal lifting sanctions on Venezuela.', hasNot: ['united-states sanctioned venezuela'] },
  { name: 'not sanctioned when negated', text: 'India has not imposed sanctions on Russia.', has: ['india sanctioned russia (negated)'] },

  // issued-warrant
  { name: 'X issued an arrest warrant against him', text: 'Vladimir Putin skipped the trip after the International Criminal Court issued an arrest warrant against him.', has: ['international-criminal-court issued-warrant vladimir-putin'] },
  { name: 'warrant subject not across "after"', text: 'Vladimir Putin travelled to Mongolia after prosecutors sought a warrant for him.', hasNot: ['mongolia issued-warrant vladimir-putin'] },

  // attacked
  { name: 'X invaded Y', text: 'Iraq invaded Kuwait in 1990.', has: ['iraq attacked kuwait'] },
  { name: 'decided to invade, in a since-clause', text: 'Russian President Vladimir Putin spoke. Russia has become a pariah since Putin decided to invade Ukraine.', has: ['vladimir-putin attacked ukraine'], hasNot: ['russia attacked ukraine'] },
  { name: 'X’s invasion of Y', text: 'Russia’s invasion of Ukraine began in 2022.', has: ['russia attacked ukraine'] },
  { name: 'a military operation in Y', text: 'Azerbaijan launched what it called an “anti-terrorist operation” in Nagorno-Karabakh.', has: ['azerbaijan attacked nagorno-karabakh'] },
  { name: 'used to strike demonym cities', text: 'Iran sent drones that Russia has used to strike Ukrainian cities.', has: ['russia attacked ukraine'], hasNot: ['iran attacked ukraine'] },
  { name: 'wage war without an object', text: 'Sanctions hit Russia’s ability to wage war.', hasNot: ['russia attacked russia'] },

  // abducted-from
  { name: 'abducted demonym children', text: 'Russians have allegedly abducted Ukrainian children.', has: ['russia abducted-from ukraine (hedged)'] },
  { name: 'abducting children from Y', text: 'Investigators say Belarus was involved in abducting children from Ukraine.', has: ['belarus abducted-from ukraine'] },

  // threatened-arrest
  { name: 'they want to go after X', text: 'Officials in Austria and in Armenia have said they want to go after Putin if he visits. Vladimir Putin declined.', has: ['austria threatened-arrest vladimir-putin', 'armenia threatened-arrest vladimir-putin'] },
  { name: 'would not arrest', text: 'Brazil said it would not arrest Vladimir Putin.', has: ['brazil threatened-arrest vladimir-putin (negated)'] }, // "would" is the threat itself, not a hedge on it
  { name: 'an arrest threat needs a person', text: 'Brazil said it would arrest anyone who entered Venezuela illegally.', hasNot: ['brazil threatened-arrest venezuela'] },

  // leader-of / official-of
  { name: 'demonym President Name', text: 'Russian President Vladimir Putin spoke.', has: ['vladimir-putin leader-of russia'] },
  { name: 'Foreign Minister with demonym', text: 'Russian Foreign Minister Sergei Lavrov spoke.', has: ['sergei-lavrov official-of russia'] },
  { name: 'the Secretary General of X, Name', text: 'He met the Secretary General of the League of Arab States, Ahmed Abu al-Gheit, in Cairo.', has: ['ahmed-abu-al-gheit leader-of arab-league'] },
  { name: 'Title Name of Country', text: 'Prime Minister Ralph Gonsalves of Saint Vincent and the Grenadines spoke.', has: ['ralph-gonsalves leader-of saint-vincent-and-the-grenadines'] },
  { name: 'Name, the head of X', text: 'Rafael Grossi, the head of the IAEA, warned Iran.', has: ['rafael-grossi leader-of international-atomic-energy-agency'] },
  { name: 'a title alone says nothing about the country', text: 'President Joe Biden spoke about Canada.', hasNot: ['joe-biden leader-of canada'] },
  { name: 'ministry title inherits the country of the minister named before', text: 'Russian Foreign Minister Sergei Lavrov spoke. Foreign Ministry Spokesperson Maria Zakharova agreed.', has: ['maria-zakharova official-of russia'] },

  // member-of / allied-with
  { name: 'X is a member of Y', text: 'Turkey is a member of NATO.', has: ['turkey member-of nato'] },
  { name: 'X, a member of Y', text: 'Hungary, a member of the EU, objected.', has: ['hungary member-of european-union'] },
  { name: 'joined Y', text: 'Finland joined NATO in April.', has: ['finland member-of nato'] },
  { name: 'a bid to join is not membership', text: 'Stockholm backed Turkey’s bid to join the European Union.', hasNot: ['turkey member-of european-union', 'sweden member-of european-union'] },
  { name: 'member of a demonym military alliance', text: 'Armenia, which is a member of a Russian military alliance, objected.', has: ['armenia allied-with russia'] },
  { name: 'member of an organisation led by a state', text: 'Armenia is a member of the Collective Security Treaty Organization, a Moscow-led military alliance.', has: ['armenia member-of collective-security-treaty-organization', 'armenia allied-with russia'] },
  { name: 'X, Y’s closest ally', text: 'Turkey, Azerbaijan’s closest ally, backed the move.', has: ['azerbaijan allied-with turkey'] },
  { name: 'Y and its ally X', text: 'Russia and its ally Belarus held drills.', has: ['belarus allied-with russia'] },
  { name: 'allies of Russia name no ally', text: 'Even allies of Russia have grown wary.', hasNot: ['russia allied-with russia'] },

  // met-with
  { name: 'during a meeting with', text: 'Russian Foreign Minister Sergei Lavrov arrived. Lavrov said during a meeting with the Secretary General of the League of Arab States, Ahmed Abu al-Gheit, that all was fine.', has: ['ahmed-abu-al-gheit met-with sergei-lavrov'], hasNot: ['arab-league met-with sergei-lavrov'] },
  { name: 'X met Y', text: 'Iranian President Ebrahim Raisi met Russian President Vladimir Putin in Tehran.', has: ['ebrahim-raisi met-with vladimir-putin'] },
  { name: 'a phone call is not a meeting', text: 'French President Emmanuel Macron spoke by phone with Azerbaijani President Ilham Aliyev.', hasNot: ['emmanuel-macron met-with ilham-aliyev'] },

  // attended / hosted
  { name: 'didn’t attend the X summit', text: 'Vladimir Putin was absent. Putin didn’t attend the BRICS summit in South Africa.', has: ['vladimir-putin attended brics (negated)', 'south-africa hosted brics'] },
  { name: 'attended the X summit', text: 'Brazilian President Lula attended the BRICS summit.', has: ['lula attended brics'] },
  { name: 'skipped the gathering', text: 'Leaders of the G20 opened their summit in New Delhi. Russian President Vladimir Putin skipped the gathering.', has: ['india hosted g20', 'vladimir-putin attended g20 (negated)'] },
  { name: 'at the event', text: 'Russian Foreign Minister Sergei Lavrov joked at the United Nations General Assembly in New York City.', has: ['sergei-lavrov attended un-general-assembly', 'new-york-city hosted un-general-assembly'] },
  { name: 'X, which hosted the summit', text: 'NATO leaders gathered in Vilnius for a summit. Lithuania, which hosted the summit, deployed air defences.', has: ['lithuania hosted nato'] },
  { name: 'an organisation is not a meeting', text: 'Russia still has allies at the United Nations.', hasNot: ['russia attended united-nations'] },

  // urged
  { name: 'called for X to', text: 'Ukrainian President Volodymyr Zelensky has called for western allies to stand firm.', has: ['volodymyr-zelensky urged western-countries'] },
  { name: 'called for sanctions is not urging', text: 'Ukrainian President Volodymyr Zelensky has called for sanctions on Iran.', hasNot: ['volodymyr-zelensky urged iran', 'volodymyr-zelensky sanctioned iran'] },
  { name: 'X urged Y to', text: 'The United States urged Venezuela to respect the ruling.', has: ['united-states urged venezuela'] },
  { name: 'second verb keeps the first subject', text: 'Armenian Prime Minister Nikol Pashinyan accused Azerbaijan of aggression and called on the UN Security Council to act.', has: ['nikol-pashinyan urged un-security-council'], hasNot: ['azerbaijan urged un-security-council'] },
  { name: 'a possessive is not the subject', text: 'The United States said it supports Guyana’s sovereignty and urged Venezuela to respect the ruling.', has: ['united-states urged venezuela'], hasNot: ['guyana urged venezuela'] },

  // severed-ties / seeks-ties-with
  { name: 'X, which severed ties with Y', text: 'Canada, which severed diplomatic ties with Iran in 2012, agreed.', has: ['canada severed-ties iran'] },
  { name: 'shut off from us (a quotation’s speaker)', text: 'Russian Foreign Minister Sergei Lavrov spoke. “Europe decided to shut off from us,” he said.', has: ['europe severed-ties russia'] },
  { name: 'ought to end diplomacy is not an act', text: 'Lavrov said Russia ought to end diplomacy with western countries.', hasNot: ['russia severed-ties western-countries'] },
  { name: 'focus on relations with a list', text: 'Lavrov said Russia would focus more on relations with Latin America, Africa, and Asia.', has: ['russia seeks-ties-with latin-america', 'russia seeks-ties-with africa', 'russia seeks-ties-with asia'] }, // the intention is what the type records
  { name: 'X and Y deepened their cooperation', text: 'Iran and Russia have deepened their military cooperation.', has: ['iran seeks-ties-with russia', 'russia seeks-ties-with iran'] },
  { name: 'upgraded its relations with', text: 'Hanoi upgraded its relations with Washington.', has: ['vietnam seeks-ties-with united-states'] },
];

describeRelationCases('relation rules', CASES, { flags: true });

describe('relation rules, beyond triples', () => {
  it('merges the same (source, type, target) from several sentences, keeping every sentence', () => {
    const text = 'Poland accused Belarus of staging the crisis. Later Poland accused Belarus of lying.';
    const rels = relations(text);
    expect(rels).toHaveLength(1);
    expect(rels[0]!.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['Poland accused Belarus of staging the crisis.', 'Later Poland accused Belarus of lying.']);
    expect(rels[0]!.id).toBe('poland-accused-belarus');
  });

  it('attributes reported speech to the speaker', () => {
    const rels = relations('Sergei Lavrov said Russia would focus on relations with Africa. Lavrov left.');
    expect(rels.find((r) => r.type === 'seeks-ties-with')!.attributedTo).toBe('sergei-lavrov');
  });

  it('explains in a note how a sentence refers to an end it does not name', () => {
    const text = 'Vladimir Putin was absent. The court issued an arrest warrant against him. The International Criminal Court is in The Hague. The International Criminal Court said so.';
    const warrant = relations(text).find((r) => r.type === 'issued-warrant');
    expect(warrant).toBeUndefined(); // "the court" is not a name: no subject, no relation
    const text2 = 'Vladimir Putin was absent. The International Criminal Court issued an arrest warrant against him.';
    const found = relations(text2).find((r) => r.type === 'issued-warrant')!;
    expect(found.target).toBe('vladimir-putin');
    expect(found.evidence[0]!.note).toMatch(/“him” is Vladimir Putin/);
  });
});
