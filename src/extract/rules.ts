/**
 * Relation rules, as data
 * =======================
 *
 * One plain object per way English news states a relation: its type, a token
 * pattern (language in `pattern.ts`) and, when the pattern has no `S`, where
 * the subject comes from:
 *
 *  - `left` (default): the nearest name to the left of the trigger in the same
 *    clause (never across while/after/which/since, a semicolon or a quotation
 *    mark), passing over a parenthesis set off by commas ("Zelensky,
 *    repeating claims …, accused Russia");
 *  - `main-person`: the person the sentence is about (its first person named
 *    outside quotations) — for "at the UN General Assembly";
 *  - `previous`: the subject of the last relation of the same type in the
 *    sentence ("sanctions on X in addition to measures aimed at Y");
 *  - `speaker`: who says it ("South Africa said Putin would be detained");
 *  - `main`: the name the sentence's main clause opens with ("The EU imposed
 *    sanctions on Iranian entities it accuses of …");
 *  - `earlier`: the subject of the last plain relation of the same type in
 *    the article so far — a press release's "Also designated is …".
 *
 * Rules name no particular country, person or article: only verbs, nouns and
 * prepositions of general English. Which entity types may fill each end is in
 * `TYPE_CONSTRAINTS`.
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import type { BuiltInRelationTypeId } from '../model/relationTypes.ts';
import type { EntityRegistry } from './entities.ts';
import type { Slot, SlottedSentence } from './sentenceModel.ts';

export interface RelationRule {
  id: string;
  type: BuiltInRelationTypeId;
  pattern: string;
  subject?: 'left' | 'main-person' | 'main' | 'previous' | 'speaker' | 'earlier';
  /** The trigger itself denies the relation ("skipped the summit"). */
  negated?: boolean;
  /** The trigger itself makes it a claim ("suspected Russia of …"). */
  hedged?: boolean;
  /** Search the subject at most this many tokens left of the trigger. */
  window?: number;
  /** Words just before the trigger that cancel the rule ("lifted sanctions on"). */
  unless?: string[];
  /** Words anywhere in the match that cancel it ("agreed to a deal *lifting* sanctions on"). */
  forbids?: string[];
  /** Narrower than the type's constraints. */
  subjectTypes?: BuiltInEntityTypeId[];
  objectTypes?: BuiltInEntityTypeId[];
  /** A co-accuser named in a parenthesis is also a subject ("repeating claims U.S. officials have made"). */
  echoes?: boolean;
  /** No object: the coordinated subjects relate to each other ("Iran and Russia have deepened their cooperation"). */
  reciprocal?: boolean;
  /** No subject: the listed objects relate to each other ("a meeting between Tshisekedi and Kagame"). */
  among?: boolean;
  /** A further relation each match implies, from every subject to the entities `targets` finds beside an object. */
  implies?: RuleImplication;
  /**
   * Where the object comes from when the pattern has no `O`: `left`, the
   * nearest name left of the trigger ("Putin faces a warrant issued by the
   * ICC", "Putin would be detained"); `topic`, the organisation the document
   * is about ("Iran joined in July 2023" in a lead about the SCO).
   */
  object?: 'left' | 'topic';
}

/**
 * A relation a rule's match states besides its own: "a member of the CSTO, a
 * Moscow-led military alliance" makes the member allied with Russia. It
 * keeps the match's negation but is never hedged or attributed, and is
 * recorded as rule `<rule id>+<id>`; the entity types of its ends must fit
 * `TYPE_CONSTRAINTS[type]`.
 */
export interface RuleImplication {
  type: BuiltInRelationTypeId;
  id: string;
  targets: (sentence: SlottedSentence, object: Slot, registry: EntityRegistry) => string[];
}

/** ", a Moscow-led military alliance" / ", a US-led bloc" right after an organisation: the state that leads it. */
function leaderOfBloc(sentence: SlottedSentence, organisation: Slot, registry: EntityRegistry): string[] {
  const { tokens, slotAt } = sentence;
  let k = organisation.tokenEnd;
  if (tokens[k]?.text !== ',') return [];
  k++;
  if (/^(?:a|an|the)$/.test(tokens[k]?.norm ?? '')) k++;
  const leader = slotAt[k];
  if (!leader || leader.tokenStart !== k) return [];
  k = leader.tokenEnd;
  if (!/^-?(?:led|dominated)$/.test(tokens[k]?.norm ?? '')) return [];
  for (let words = 0; words <= 2; words++) {
    const noun = tokens[k + 1 + words]?.norm ?? '';
    if (/^(?:alliance|bloc|pact|coalition|organi[sz]ation|grouping)$/.test(noun)) return leader.ids.filter((id) => registry.typeOf(id) === 'country');
  }
  return [];
}

/** Members of a bloc led by a state are allied with that state. */
const ALLIED_WITH_BLOC_LEADER: RuleImplication = { type: 'allied-with', id: 'led-bloc', targets: leaderOfBloc };

/** Words just before "join" that make it a wish, not membership ("its bid to join the EU"). */
const WISH = ['bid', 'bids', 'seek', 'seeks', 'seeking', 'sought', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoping', 'aim', 'aims', 'plan', 'plans', 'application', 'apply', 'applied', 'ambition', 'ambitions', 'effort', 'efforts', 'intends', 'intention', 'desire', 'refused', 'push', 'drive', 'quest', 'offer', 'invitation', 'invited', 'path', 'eager', 'ready', 'allowed'];

const ACTORS: BuiltInEntityTypeId[] = ['country', 'organisation', 'group', 'person'];
const STATES: BuiltInEntityTypeId[] = ['country', 'organisation', 'group'];
const EVENTS: BuiltInEntityTypeId[] = ['event', 'organisation'];

export const TYPE_CONSTRAINTS: Record<BuiltInRelationTypeId, { subject: BuiltInEntityTypeId[]; object: BuiltInEntityTypeId[] }> = {
  'allied-with': { subject: STATES, object: STATES },
  sanctioned: { subject: ACTORS, object: ACTORS },
  'issued-warrant': { subject: ['organisation', 'country', 'person'], object: ['person'] },
  accused: { subject: ACTORS, object: ACTORS },
  attacked: { subject: ACTORS, object: ['country', 'place', 'organisation', 'group'] },
  'abducted-from': { subject: ACTORS, object: ['country', 'place'] },
  'threatened-arrest': { subject: ACTORS, object: ['person'] },
  'leader-of': { subject: ['person'], object: ['country', 'organisation', 'place'] },
  'official-of': { subject: ['person'], object: ['country', 'organisation'] },
  'member-of': { subject: ACTORS, object: ['organisation'] },
  'met-with': { subject: ['person', 'country', 'organisation'], object: ['person', 'country', 'organisation'] },
  attended: { subject: ACTORS, object: EVENTS },
  hosted: { subject: ['country', 'place'], object: EVENTS },
  urged: { subject: ACTORS, object: ACTORS },
  'severed-ties': { subject: [...ACTORS, 'place'], object: [...STATES, 'place'] },
  'seeks-ties-with': { subject: ACTORS, object: [...STATES, 'place'] },
};

const CRIMES = 'dictator|tyrant|criminal|criminals|murderer|thug|liar|butcher|threat|illegal|unlawful|illegitimate|genocide|terrorism|terror|aggression|atrocities|atrocity|crimes|occupation|invasion|annexation|massacre|massacres|abuses|violations|interference|meddling|blackmail|provocation|provocations|aggressor|terrorist|war';

/** Undoing or escaping sanctions is not imposing them. */
const LIFTING = ['lift', 'lifts', 'lifted', 'lifting', 'ease', 'eases', 'eased', 'easing', 'relief', 'end', 'ends', 'ended', 'ending', 'waive', 'waived', 'waiving', 'evade', 'evading', 'evaded', 'circumvent', 'circumventing', 'remove', 'removed', 'removing', 'scrap', 'scrapped', 'drop', 'dropped', 'unfreeze', 'unfrozen'];

const TAKING = 'abduct|abducts|abducted|abducting|kidnap|kidnaps|kidnapped|deport|deports|deported|deporting|transferred|transferring|took|taken|taking';
const ARREST = 'arrest|detain|extradite|apprehend|prosecute|seize|jail';
const INTEND = 'want|wants|wanted|vow|vows|vowed|pledge|pledges|pledged|threaten|threatens|threatened|promise|promises|promised|intend|intends|intended|plan|plans|planned|would|will|could|ready|prepared|obliged|obligated|bound|required';

export const RELATION_RULES: RelationRule[] = [
  // accused
  { id: 'accuse-of', type: 'accused', pattern: 'accus* O+ of|over|for', echoes: true },
  { id: 'blame-for', type: 'accused', pattern: 'blame|blames|blamed|blaming O+ for', echoes: true },
  { id: 'blame-on', type: 'accused', pattern: 'blame|blames|blamed|blaming ~3 on Oa' },
  { id: 'accused-by', type: 'accused', pattern: 'O was|were|been|is|are|being accused|blamed by S' },
  { id: 'call-crime', type: 'accused', pattern: `called|calls|calling|call|described|describes|branded|brands|termed|terms|denounced|denounces|condemned|condemns O+a ['s] ~1 [“|"|‘] ~2 ${CRIMES}` },
  // "Bangkok said Cambodian troops had fired first": a claim that the other side broke the peace.
  {
    id: 'said-fired-first',
    type: 'accused',
    pattern: 'said|says|claimed|claims|alleged|alleges|insisted|insists|maintained [that] Oa ~2 had|has|have|was|were fired|violated|breached|broke|provoked|started|opened',
    forbids: ['not', "n't", 'never'],
  },
  // "Ukraine instituted proceedings against the Russian Federation", "filed a complaint against".
  { id: 'proceedings-against', type: 'accused', pattern: 'instituted|filed|brought|launched|lodged|initiated ~2 proceedings|case|lawsuit|suit|complaint|charges against O+' },
  { id: 'accusations-against', type: 'accused', pattern: 'accusations|allegations|charges against O+' },
  // "accusations by the United States that China …": the accuser is named after "by".
  // "sanctions on eight Iranian entities it accuses of supplying drones": the sentence's subject accuses.
  { id: 'it-accuses', type: 'accused', pattern: 'Oa ~3 [that|which|whom] it|they accuses|accuse|accused of', subject: 'main' },
  { id: 'accusations-by', type: 'accused', pattern: 'accusations|allegations|claims|charges by|from S that O' },
  { id: 'possessive-accusations', type: 'accused', pattern: "Sa 's ~2 accusations|allegations|criticism|condemnation|charges of|against O+" },
  { id: 'criticism-of-by', type: 'accused', pattern: 'criticism|condemnation|accusations|denunciation of O by S' },
  { id: 'was-behind', type: 'accused', pattern: 'said|says|believes|believe|concluded|claimed|claims|insisted [that] Oa was|were|is|are|had|has ~1 behind' },
  { id: 'held-responsible', type: 'accused', pattern: 'held|holds|hold|holding O+ responsible|accountable|liable' },
  { id: 'pointed-finger', type: 'accused', pattern: 'pointed|points|point|pointing ~1 finger at O+' },
  { id: 'charged-with', type: 'accused', pattern: 'charged|indicted O+ with', subjectTypes: ['organisation', 'country'] },
  { id: 'suspect-of', type: 'accused', pattern: 'suspect|suspects|suspected O+ of', hedged: true },
  // "criticised China", "condemned Niger’s junta", "denounced Guyana": public blame of an actor.
  { id: 'condemn', type: 'accused', pattern: 'condemn*|denounc*|criticis*|criticiz*|rebuk*|censur*|castigat*|slammed|slams|slam|slamming|lambast*|chastis*|chastiz*|reprimand* O+a', echoes: true },
  { id: 'condemn-act-by', type: 'accused', pattern: 'condemn*|denounc*|criticis*|criticiz*|rebuk*|slammed|lambast* ~4 by O' },
  { id: 'accused-of-by', type: 'accused', pattern: 'O , accused|blamed by S' },

  // sanctioned
  {
    id: 'impose-sanctions',
    type: 'sanctioned',
    pattern:
      'impos*|levy|levies|levied|levying|slap*|plac*|announc*|adopt*|approv*|introduc*|extend*|expand*|tighten*|broaden*|unveil*|renew*|rais*|hike|hikes|hiked|hiking|increas*|doubl*|tripl*|quadrupl* ~8 sanctions|penalties|embargo|embargoes|measures|restrictions|tariffs|tariff|duties|duty|surtax|surtaxes|levies|quotas|controls|curbs on|against|targeting O+a',
    forbids: LIFTING,
  },
  { id: 'sanctions-on', type: 'sanctioned', pattern: 'sanctions|embargo|embargoes on|against|targeting O+', window: 6, unless: [...LIFTING, 'from', 'under', 'despite', 'of', 'for'] },
  {
    id: 'sanction-nouns',
    type: 'sanctioned',
    pattern: 'price|export|import|travel|arms|oil|visa|asset|assets cap|caps|ban|bans|freeze|freezes|embargo|embargoes|controls|curbs on|against|targeting O+a',
    window: 8,
    unless: [...LIFTING, 'from', 'under', 'despite'],
  },
  // "introduced the price cap in December 2022 to limit Russia’s oil revenues": measures aimed at a state's income.
  {
    id: 'measures-to-limit',
    type: 'sanctioned',
    pattern: 'impos*|introduc*|adopt*|approv*|announc*|agreed|tighten*|extend* ~3 cap|caps|sanctions|embargo|ban|bans|restrictions|measures|tariffs ~5 to limit|curb|cut|reduce|choke|squeeze|starve|cripple|punish|deprive O',
    forbids: LIFTING,
  },
  // "tariffs of 25 percent on Chinese steel", "Washington’s tariffs on Chinese goods".
  {
    id: 'tariffs-of-on',
    type: 'sanctioned',
    pattern: 'impos*|levy|levied|slap*|announc*|introduc*|rais*|hike|hiked|increas*|tighten* ~3 tariffs|duties|levies|surtax|surtaxes|tariff of ~4 on|against O+a',
    forbids: LIFTING,
  },
  // "Washington’s tariffs on Chinese goods", "the EU’s 12th package of sanctions against Russia".
  { id: 'possessive-tariffs', type: 'sanctioned', pattern: "Sa 's ~4 tariffs|duties|sanctions|embargo|surtax|levies on|against|targeting O+a", unless: LIFTING },
  // "banned exports of gallium to the United States": a trade ban aimed at the country it names.
  {
    id: 'ban-trade-to',
    type: 'sanctioned',
    pattern: 'ban|bans|banned|banning|block|blocks|blocked|blocking|restrict*|curb|curbs|curbed|curbing|embargo* ~2 exports|sales|shipments|supplies ~6 [,] ~6 [,] to O+',
    subjectTypes: STATES,
    unless: LIFTING,
  },
  {
    id: 'ban-trade-from',
    type: 'sanctioned',
    pattern: 'ban|bans|banned|banning|block|blocks|blocked|blocking|restrict*|curb|curbs|curbed|curbing|embargo* ~2 imports|purchases ~6 from O+',
    subjectTypes: STATES,
    unless: LIFTING,
  },
  { id: 'close-borders', type: 'sanctioned', pattern: 'clos*|shut|shuts|sealed|seals|seal its|their border|borders|frontier|frontiers|airspace with|to O', subjectTypes: STATES, unless: ['reopen', 'reopened', 'reopening', ...WISH] },
  // "targeted Iran with new sanctions", "hit Moscow with tariffs".
  { id: 'hit-with', type: 'sanctioned', pattern: 'target|targets|targeted|targeting|hit|hits|hitting|slapped|slaps|punished|punishes O+a with ~3 sanctions|tariffs|penalties|restrictions|embargo|duties|measures' },
  { id: 'put-under', type: 'sanctioned', pattern: 'put|puts|putting|placed|places|placing O+a under ~2 sanctions|embargo|restrictions' },
  { id: 'sanction-verb', type: 'sanctioned', pattern: 'sanctioned|sanctioning|blacklisted|blacklisting O+' },
  // "sanctioned three companies in Iran", "blacklisted firms based in China".
  { id: 'sanction-in', type: 'sanctioned', pattern: 'sanctioned|sanctioning|blacklisted|blacklisting ~4 in|from|of O+a', subjectTypes: STATES },
  { id: 'sanctioned-by', type: 'sanctioned', pattern: 'O was|were|been|is|are|being sanctioned|blacklisted|targeted by S' },
  // "voted to sanction Russia"; the noun ("a sanction") is not the verb.
  { id: 'sanction-base', type: 'sanctioned', pattern: 'sanction O+', unless: ['a', 'the', 'new', 'any', 'no', 'this', 'that', 'each', 'every', 'un', 'eu'] },
  // Headline style: "Japan Sanctions Russian Banks".
  { id: 'headline-sanctions', type: 'sanctioned', pattern: 'S sanctions O+a' },
  // "designated five companies in Iran": a listing under a sanctions programme.
  { id: 'designate', type: 'sanctioned', pattern: 'designat* O+a', subjectTypes: STATES, unless: ['newly', 'a', 'the'] },
  { id: 'designate-in', type: 'sanctioned', pattern: 'designat* ~4 in|from|of|for O+a', subjectTypes: STATES, unless: ['newly', 'a', 'the'] },
  { id: 'possessive-designation', type: 'sanctioned', pattern: "Sa 's ~1 designation|designations|listing|blacklisting of O+", subjectTypes: STATES },
  { id: 'add-to-list', type: 'sanctioned', pattern: 'add|adds|added|adding|put|puts|putting|plac* O+a ~2 to|on [its|their|the|a|an] ~1 sanctions|blacklist|blacklists|entity', subjectTypes: STATES },
  { id: 'freeze-assets', type: 'sanctioned', pattern: 'froze|freeze|freezes|freezing|frozen|seized|seize|seizes|seizing|blocked|blocking|blocks|confiscat* ~3 assets|funds|accounts|reserves|property|properties ~2 of|to|by O+a' },
  { id: 'freeze-owners-assets', type: 'sanctioned', pattern: "froze|freeze|freezes|freezing|seized|seize|seizes|confiscat* Oa 's ~2 assets|funds|accounts|reserves|property|properties" },
  // A press release's list after its first designation: "Those sanctioned include X", "Among those designated today are X and Y", "Also designated is X".
  { id: 'those-designated', type: 'sanctioned', pattern: 'those|persons|individuals|entities|people|officials designated|sanctioned|listed|targeted ~3 include|includes|included|are|were O+', subject: 'earlier' },
  { id: 'among-designated', type: 'sanctioned', pattern: 'among those|the|them designated|sanctioned|listed|targeted ~3 are|were|is|was O+', subject: 'earlier' },
  { id: 'also-designated', type: 'sanctioned', pattern: 'also designated|sanctioned|listed|targeted ~2 is|are|was|were O+', subject: 'earlier' },
  { id: 'sanctions-aimed-at', type: 'sanctioned', pattern: 'measures|sanctions|restrictions|penalties aimed|designed|intended at|to ~2 O+', subject: 'previous' },

  // issued-warrant
  { id: 'issue-warrant', type: 'issued-warrant', pattern: 'issu*|obtain*|approv* ~3 warrant|warrants [of] [arrest] for|against O+' },
  // A prosecutor's request is not a warrant yet: reported as a claim.
  { id: 'request-warrant', type: 'issued-warrant', pattern: 'sought|seek*|request*|appl* ~3 warrant|warrants [of] [arrest] for|against O+', hedged: true },
  { id: 'warrant-for-arrest', type: 'issued-warrant', pattern: 'warrant|warrants for the arrest of O+' },
  { id: 'warrant-issued-by', type: 'issued-warrant', pattern: 'warrant|warrants for|against O+ issued by S' },
  { id: 'possessive-warrant', type: 'issued-warrant', pattern: "Sa 's ~2 warrant|warrants for|against O+", subjectTypes: ['organisation', 'country'] },
  // "Putin faces an arrest warrant issued by the ICC", "… is subject to an ICC warrant", "wanted by the court".
  { id: 'faces-warrant-by', type: 'issued-warrant', pattern: 'face|faces|faced|facing|under|subject ~4 warrant|warrants issued|sought|requested by S', object: 'left' },
  { id: 'faces-court-warrant', type: 'issued-warrant', pattern: "face|faces|faced|facing|under|subject [to] [an|a|the] Sa ['s] ~2 warrant|warrants", object: 'left', subjectTypes: ['organisation', 'country'] },
  { id: 'wanted-by', type: 'issued-warrant', pattern: 'wanted by S', object: 'left', subjectTypes: ['organisation'] },

  // attacked
  { id: 'attack-verb', type: 'attacked', pattern: 'attack|attacks|attacked|attacking|invade|invades|invaded|invading|bomb|bombs|bombed|bombing|shell|shells|shelled|shelling|struck|strike|striking|raided|annexed|annexing|annex|occupied|occupying|captured|recaptured|stormed|besieged|overran|encircled O+' },
  // "shelled the outskirts of Goma": a part of a place is the place.
  {
    id: 'attack-part-of',
    type: 'attacked',
    pattern: 'attack|attacks|attacked|attacking|bomb|bombs|bombed|bombing|shell|shells|shelled|shelling|struck|strike|striking|raided|stormed|seized|captured|overran|besieged ~2 outskirts|suburbs|centre|center|edge|outskirt|districts|parts|areas|positions|port|airport of O',
  },
  { id: 'attack-noun', type: 'attacked', pattern: 'Sa [\'s] ~1 invasion|war|attack|attacks|offensive|aggression|bombardment|strikes|airstrikes|incursion|occupation|annexation of|on|against|in|into O' },
  { id: 'war-of-aggression', type: 'attacked', pattern: "Sa ['s] ~1 war|campaign of aggression|conquest against|on|in O" },
  {
    id: 'military-operation',
    type: 'attacked',
    pattern: 'launch*|began|begun|start*|mount*|conduct*|wag* ~6 military|anti-terrorist|counter-terrorist|counterterrorism|counter-terrorism|ground|special|armed|offensive operation|operations [”|"|’] in|on|against|into O',
  },
  { id: 'launch-attack', type: 'attacked', pattern: 'launch*|wag*|carried|carries|carry|conduct* ~3 attack|attacks|strikes|airstrikes|offensive|war|raid|raids|invasion|incursion|insurgency|rebellion|campaign on|against|in|into Oa' },
  // "sent troops into Tigray".
  { id: 'send-troops-into', type: 'attacked', pattern: 'sent|send|sends|sending|ordered|deployed|moved|marched ~2 troops|forces|soldiers|tanks|army into|across|onto O' },
  // "battered Ukraine’s power grid", "launched missiles and drones at Israel".
  { id: 'pound', type: 'attacked', pattern: 'battered|battering|batters|pounded|pounding|pounds|bombarded|bombarding|hammered|hammering Oa' },
  { id: 'fire-at', type: 'attacked', pattern: 'launch*|fired|fire|fires|firing ~4 missiles|drones|rockets|shells|projectiles at|on|into|toward|towards O+a' },
  { id: 'go-to-war', type: 'attacked', pattern: 'went|go|goes|going to war with|against O' },
  { id: 'attacked-by', type: 'attacked', pattern: 'O was|were|been|is|are|being invaded|attacked|bombed|shelled|struck|occupied|annexed|raided|overrun by S' },
  // "The war between the army and the RSF": each side attacked the other.
  // ("a conflict between Russia and the alliance would …" is too often a hypothesis to count.)
  { id: 'war-between', type: 'attacked', pattern: 'war|fighting|clashes|hostilities between O+', among: true },
  // "the attack by Hamas on Israel", "the occupation of Crimea by Russia".
  // "Israel responded with a bombing campaign and a ground invasion of Gaza".
  { id: 'with-invasion-of', type: 'attacked', pattern: 'with|launched|began|mounted|started ~6 invasion|bombardment|offensive|assault|bombing|occupation of|on|against|into O' },
  { id: 'attack-by-on', type: 'attacked', pattern: 'attack|attacks|strike|strikes|airstrikes|assault|invasion|offensive|incursion|bombardment|shelling by S on|against|of|into O' },
  { id: 'occupation-of-by', type: 'attacked', pattern: 'occupation|invasion|annexation|bombardment|shelling of O by S' },
  // "Russian troops crossed into Ukraine".
  { id: 'troops-crossed-into', type: 'attacked', pattern: 'troops|forces|soldiers|army|tanks|units ~2 crossed|entered|pushed|poured|advanced|marched|moved|rolled|stormed into|across|on|toward|towards O', subjectTypes: STATES },
  // "Georgian troops clashed with Russian forces": each side attacked the other.
  { id: 'clash-with', type: 'attacked', pattern: 'clash|clashes|clashed|clashing|fought|battled|skirmished with|against Oa', objectTypes: STATES },
  { id: 'clash-with-back', type: 'attacked', pattern: 'Oa ~2 clash|clashes|clashed|clashing|fought|battled|skirmished with|against Sa', subjectTypes: STATES, objectTypes: STATES },
  { id: 'seized-from', type: 'attacked', pattern: 'seized|captured|took|retook|wrested ~4 from Oa', subjectTypes: STATES },

  // abducted-from
  // Verbs only: the noun takes its subject from a possessive or a "to" ("an investigation into the abduction of children" accuses no investigator).
  { id: 'abduct-people', type: 'abducted-from', pattern: `${TAKING}|forcibly ~2 Oa children|civilians|people|citizens|minors|orphans|nationals|residents` },
  { id: 'abduct-from', type: 'abducted-from', pattern: `${TAKING}|removed|removing ~3 children|civilians|people|citizens|minors|orphans|nationals from O` },
  // "She is allegedly responsible for the war crimes of unlawful deportation … of children from … Ukraine".
  { id: 'responsible-for-deportation', type: 'abducted-from', pattern: 'responsible|responsibility|role for|in ~6 deportation|deportations|transfer|abduction|abductions|removal ~8 from ~3 O' },
  { id: 'possessive-abduction', type: 'abducted-from', pattern: "Sa 's ~1 abduction|abductions|deportation|deportations|transfer|transfers|removal|kidnapping|kidnappings of ~3 children|civilians|people|citizens|minors|orphans|nationals|residents from ~3 O" },
  // "the deportation of children from Ukraine to Russia": the destination is the taker.
  { id: 'deported-from-to', type: 'abducted-from', pattern: 'abduct*|kidnap*|deport*|transfer*|remov*|taking|took|taken ~3 children|civilians|people|citizens|minors|orphans|nationals|residents from ~3 O to S' },
  // "children were forcibly taken to Russia after being captured in Ukraine".
  {
    id: 'people-taken-to',
    type: 'abducted-from',
    pattern: 'children|civilians|people|citizens|minors|orphans|nationals|residents|families ~4 deported|transferred|taken|moved|brought|relocated|abducted to S ~5 from|in O',
    subjectTypes: ['country'],
  },

  // threatened-arrest
  { id: 'would-arrest', type: 'threatened-arrest', pattern: `${INTEND} ~2 [to] ${ARREST} [and|or] [surrender|hand|extradite|transfer] O+` },
  { id: 'go-after', type: 'threatened-arrest', pattern: `${INTEND} ~2 [to] go|come after O` },
  // "South Africa said Putin would be detained if he arrived": the speaker threatens.
  { id: 'would-be-arrested', type: 'threatened-arrest', pattern: 'would|will be ~1 arrested|detained|extradited|apprehended|prosecuted|jailed', object: 'left', subject: 'speaker' },

  // member-of / allied-with
  // "is a member of", "is not a State Party to the Rome Statute" (the court's founding treaty stands for it).
  { id: 'member-of', type: 'member-of', pattern: 'is|are|was|were|became|become|becomes|remains|remain|as [not|never|no] [longer] a|an|the ~2 member|members|party|parties|signatory|signatories of|to O+', implies: ALLIED_WITH_BLOC_LEADER },
  { id: 'appositive-member', type: 'member-of', pattern: ', a|an ~2 member|members|party|signatory of|to O+', window: 3, implies: ALLIED_WITH_BLOC_LEADER },
  { id: 'joined-org', type: 'member-of', pattern: 'join|joins|joined|joining|accede|acceded|admitted|admission|accession|membership to|into|in [the] O', unless: WISH, implies: ALLIED_WITH_BLOC_LEADER },
  { id: 'joined-org-direct', type: 'member-of', pattern: 'join|joins|joined|joining O', unless: WISH, implies: ALLIED_WITH_BLOC_LEADER },
  { id: 'possessive-membership', type: 'member-of', pattern: "Sa 's ~1 membership|accession in|of|to O", unless: WISH },
  { id: 'part-of-org', type: 'member-of', pattern: 'is|are|was|were|remains|remain part of O', objectTypes: ['organisation'] },
  { id: 'of-which-member', type: 'member-of', pattern: 'O , of which S is|are|was|were|remains [a|an|the] ~2 member|members', implies: ALLIED_WITH_BLOC_LEADER },
  { id: 'org-member', type: 'member-of', pattern: 'O member|members|member-state|ally S', implies: ALLIED_WITH_BLOC_LEADER },
  // "BRICS, comprising Brazil, Russia …", "the SCO, whose members include Iran and Pakistan".
  { id: 'comprising', type: 'member-of', pattern: 'O , comprising|grouping|uniting S+', subjectTypes: ['country'] },
  { id: 'whose-members', type: 'member-of', pattern: 'O , whose|which|its ~1 members|membership|member-states include|includes|included|comprise|comprises|are S+', subjectTypes: ['country', 'organisation'] },
  { id: 'which-includes', type: 'member-of', pattern: 'O , which includes|comprises|groups|unites S+', subjectTypes: ['country'] },
  { id: 'members-are', type: 'member-of', pattern: 'Oa ~1 members|member-states|signatories include|includes|included|such as S+', subjectTypes: ['country'] },
  // "BRICS is an organisation of emerging economies whose members are Brazil, Russia …": the body named before.
  { id: 'whose-members-are', type: 'member-of', pattern: 'whose|its ~1 members|member-states|membership are|include|includes|included|comprise|comprises S+', object: 'left', subjectTypes: ['country'] },
  // "Sweden became NATO’s 32nd member", "Russia is one of the council’s five permanent members".
  { id: 'possessive-member', type: 'member-of', pattern: "became|become|becomes|is|are|was|were|remains|remain [one|among] [of] Oa 's ~3 member|members|member-state|member-states", implies: ALLIED_WITH_BLOC_LEADER },
  // "Turkey and Hungary, the last of the alliance’s 31 members to ratify it".
  { id: 'the-last-of-members', type: 'member-of', pattern: ", the|one|two|three|all|both ~2 of Oa 's ~3 members|member-states", window: 2 },
  // In a lead about a bloc: "Iran joined in July 2023", "India and Pakistan became full members", "Belarus was admitted as …".
  { id: 'joined-topic', type: 'member-of', pattern: 'joined|joins in|on|at|as|last|this|after|before|,', object: 'topic', unless: WISH },
  { id: 'became-members', type: 'member-of', pattern: 'became|become|becomes ~2 member|members|member-state|member-states', object: 'topic', unless: WISH },
  { id: 'admitted-as', type: 'member-of', pattern: 'admitted|accepted ~1 as ~3 member|members|member-state', object: 'topic' },
  { id: 'founded-by', type: 'member-of', pattern: 'founded|established|created|formed ~6 by S+', object: 'topic', subjectTypes: ['country'] },
  // "General Tiani seized power in Niger": a coup's leader leads the state.
  { id: 'took-power', type: 'leader-of', pattern: 'seiz*|took|take|takes|taking|grabbed|grab|grabs|came|come|comes|swept|rose ~1 power in|over O', subjectTypes: ['person'], objectTypes: ['country'] },
  // "India chaired the organisation in 2023".
  { id: 'chaired', type: 'leader-of', pattern: 'chaired|chairs|chairing|presided|presides ~1 [over] O', subjectTypes: ['country'], objectTypes: ['organisation'] },
  // "As an ICC member, Tajikistan …", "As a member of NATO, Turkey …".
  { id: 'as-member', type: 'member-of', pattern: 'as a|an Oa member|member-state|signatory|party , S' },
  { id: 'as-member-of', type: 'member-of', pattern: 'as a|an [state] member|member-state|signatory|party of|to O , S' },
  { id: 'member-of-alliance', type: 'allied-with', pattern: 'member|members|part of a|an|the Oa [\'s] ~2 alliance|bloc|coalition|pact' },
  { id: 'its-ally', type: 'allied-with', pattern: 'S and its|their|her|his ally|allies|partner O+' },
  { id: 'ally-of', type: 'allied-with', pattern: 'ally|allies of [both] O+', window: 4 },
  { id: 'appositive-ally', type: 'allied-with', pattern: "S , O 's ~2 ally|allies" },
  { id: 'possessive-ally', type: 'allied-with', pattern: "O 's ~1 ally|allies S" },
  { id: 'possessive-allies-including', type: 'allied-with', pattern: "O 's ~2 ally|allies [,] including|such as S+" },
  // "Seoul and Washington are allies", "signed a mutual defence treaty".
  { id: 'are-allies', type: 'allied-with', pattern: 'are|were|remain|became|become close|treaty|military ~1 allies', reciprocal: true },
  { id: 'defence-pact', type: 'allied-with', pattern: 'sign*|conclud*|agreed|forg* ~4 defence|defense|security|military pact|treaty|alliance', reciprocal: true },
  // "Israel, whose allies, including the United States, Britain and France, …".
  { id: 'whose-allies', type: 'allied-with', pattern: 'whose ~1 allies|ally [,] [including] S+', object: 'left' },
  { id: 'allied-with', type: 'allied-with', pattern: 'allied with|to O+' },
  { id: 'alliance-with', type: 'allied-with', pattern: 'alliance|defence|defense pact with O+' },

  // leader-of (titles are in roles.ts): "Dagalo, who leads the Rapid Support Forces", "took over the chairmanship of the AU"
  // "the army, led by General Abdel Fattah al-Burhan", "the RSF, commanded by Mohamed Hamdan Dagalo".
  { id: 'led-by', type: 'leader-of', pattern: 'O , [which|who] [is|was|are|were] led|headed|commanded|chaired by S', objectTypes: ['organisation', 'country'] },
  { id: 'who-leads', type: 'leader-of', pattern: 'who|whom leads|heads|chairs|led|headed|chaired|commands|commanded O', unless: ['once', 'formerly', 'previously', 'briefly'] },
  {
    id: 'take-chair',
    type: 'leader-of',
    pattern: 'took|take|takes|taking|assum*|hold|holds|holding|held|inherit* [over] ~2 chairmanship|chairpersonship|chairship|presidency|leadership|helm of O',
    window: 8,
  },

  // met-with
  { id: 'meet-with', type: 'met-with', pattern: 'met|meet|meets|meeting|talks|talked|spoke|speaks|conferred|negotiations|summit with O+' },
  { id: 'meet-direct', type: 'met-with', pattern: 'met|meets|meet O+', objectTypes: ['person'] },
  // "Kim Jong Un and Vladimir Putin signed a treaty in Pyongyang": leaders who sign together meet.
  { id: 'signed-together', type: 'met-with', pattern: 'signed|sign|signs ~3 treaty|agreement|pact|accord|deal|declaration in|at', reciprocal: true, subjectTypes: ['person'] },
  // "Congo and Rwanda met in Luanda": met each other (an object would follow the verb directly).
  { id: 'met-each-other', type: 'met-with', pattern: 'met|meet|meets in|on|for|at|last|this|again|privately|separately|briefly|twice|face-to-face', reciprocal: true },
  { id: 'held-talks', type: 'met-with', pattern: 'held|hold|holds|holding talks|negotiations in|on|for|at|last|this|again', reciprocal: true },
  { id: 'meeting-between', type: 'met-with', pattern: 'meeting|meetings|talks|summit|encounter between O+', among: true },
  { id: 'host-person', type: 'met-with', pattern: 'hosted|hosts|received|welcomed|receives|welcomes O+', subjectTypes: ['person'], objectTypes: ['person'] },

  // attended
  { id: 'attend', type: 'attended', pattern: 'attend|attends|attended|attending|addressed|addresses|address|joined|joins|chaired|chairs Oe' },
  { id: 'take-part', type: 'attended', pattern: 'took|take|takes|taking part in Oe' },
  { id: 'participate', type: 'attended', pattern: 'participat* in Oe' },
  { id: 'skip', type: 'attended', pattern: 'skip|skips|skipped|skipping|boycott|boycotts|boycotted|boycotting|snubbed|snubs|missed|misses Oe', negated: true },
  { id: 'at-event', type: 'attended', pattern: 'at Oe', subject: 'main-person', subjectTypes: ['person'] },
  // "opened their annual summit in New Delhi without Chinese President Xi Jinping".
  { id: 'without', type: 'attended', pattern: 'without S', object: 'left', negated: true },
  { id: 'on-sidelines', type: 'attended', pattern: 'sidelines|margins|margin of Oe', subject: 'main-person', subjectTypes: ['person'] },
  { id: 'which-attended-by', type: 'attended', pattern: 'which|that was|were|is|will [be] attended by S+', object: 'left' },
  { id: 'attended-by', type: 'attended', pattern: 'Oe ~1 [will|would|is|was|were|are|has|had] [be|been|being] attended by S+' },

  // hosted
  { id: 'event-in-place', type: 'hosted', pattern: 'Oe ~3 in S+' },
  { id: 'gathered-in-place', type: 'hosted', pattern: 'gathered|gather|gathering|met|meet|convened|convene|assembled in S ~4 for Oe' },
  { id: 'event-held-in', type: 'hosted', pattern: 'Oe , held|hosted in|by S' },
  { id: 'host-event', type: 'hosted', pattern: 'host|hosts|hosted|hosting|held|holds Oe' },
  // "the first summit was held in Yekaterinburg, Russia", "the summit that Switzerland hosted", "hosted the 16th summit in Kazan".
  { id: 'held-in', type: 'hosted', pattern: 'Oe ~2 [was|were|is|are|will|would] [be|been] held|convened|staged|took in|place S+', subjectTypes: ['country', 'place'] },
  { id: 'that-hosted', type: 'hosted', pattern: 'Oe ~1 that|which S hosted|hosts|will|would [host]' },
  { id: 'hosted-in', type: 'hosted', pattern: 'host|hosts|hosted|hosting|held|holds Oe ~2 in S', subjectTypes: ['place'] },
  { id: 'hosted-by-in', type: 'hosted', pattern: 'Oe , hosted|held by S in S' },
  { id: 'hosted-by', type: 'hosted', pattern: 'Oe ~1 [will|would|is|was|were|are|has|had] [be|been|being] hosted by S' },

  // urged
  { id: 'urge', type: 'urged', pattern: 'urg*|press|pressed|presses|pressing|push|pushed|pushes|pushing|implor*|exhort*|encourag*|told|asked|order|orders|ordered|ordering O+ [countries|members|states|allies|leaders|governments|nations|partners] to|not' },
  { id: 'call-on', type: 'urged', pattern: 'call|calls|called|calling|appeal*|appealed on|upon|to|for O+ to' },
  { id: 'ask-for-help', type: 'urged', pattern: 'ask|asks|asked|asking|begged|begs|petitioned|petitions O+ for help|assistance|support|aid|protection|intervention|action|troops' },
  // A court's order: "the Court indicated that the Russian Federation shall immediately suspend …".
  { id: 'ordered-that', type: 'urged', pattern: 'ordered|orders|indicated|ruled|decided|decreed|demanded|demands that Oa ~2 shall|must|should', subjectTypes: ['organisation', 'country'] },
  { id: 'demand-that', type: 'urged', pattern: 'demand*|insist*|urg*|request* that O' },
  { id: 'demand-act', type: 'urged', pattern: 'demand|demands|demanded|demanding O+ withdraw|stop|halt|release|end|cease|leave|return|free|hand|restore' },
  { id: 'want-to', type: 'urged', pattern: 'want|wants|wanted|warned|warns|warning O+ to|not|against' },
  // "said Venezuela’s government must cede power": an order given in reported speech.
  { id: 'said-must', type: 'urged', pattern: "said|says|insisted|insists|stressed|declared|warned [that] Oa ['s] ~2 must|should" },

  // severed-ties
  {
    id: 'sever-ties',
    type: 'severed-ties',
    pattern: 'sever*|cut|cuts|cutting|break|breaks|broke|breaking|end|ends|ended|ending|suspend*|halt*|freeze|froze|frozen|downgrad*|terminat* ~3 ties|relations|cooperation|contacts|links|diplomacy|dealings with O+',
  },
  // "suspended budget support to Ethiopia", "would scrap an intelligence-sharing pact with Japan".
  { id: 'suspend-aid', type: 'severed-ties', pattern: 'suspend*|halt*|cut|cuts|froze|freeze|freezes|paus*|withdr* ~3 aid|support|assistance|funding|cooperation to|for|with O+' },
  { id: 'scrap-pact', type: 'severed-ties', pattern: 'scrap*|abandon*|tore|tear|tears|ditch*|quit|exit*|cancel*|revok*|terminat*|suspend* ~4 pact|pacts|agreement|agreements|accord|accords|treaty with O+' },
  { id: 'shut-off', type: 'severed-ties', pattern: 'shut|shuts|shutting|cut|cuts|close|closed|closes off|out from O+' },
  { id: 'suspend-member', type: 'severed-ties', pattern: 'suspend|suspends|suspended|suspending|expel|expels|expelled|expelling O', subjectTypes: ['organisation'], objectTypes: ['country', 'organisation', 'group'] },
  { id: 'withdraw-from-org', type: 'severed-ties', pattern: 'withdr*|quit|quits|exit*|left|leave|leaves|pull|pulled|pulls|pulling out of|from O', objectTypes: ['organisation'] },
  { id: 'left-org', type: 'severed-ties', pattern: 'left|quit|quits|exited|exits|leave|leaves O', objectTypes: ['organisation'], unless: WISH },

  // seeks-ties-with
  { id: 'focus-relations', type: 'seeks-ties-with', pattern: 'focus*|concentrat* ~3 on|upon relations|ties|cooperation|partnerships|partnership|links|trade with O+' },
  {
    id: 'strengthen-ties',
    type: 'seeks-ties-with',
    pattern: 'strengthen*|deepen*|boost*|expand*|improv*|build*|bolster*|forg*|seek*|sought|pursu*|develop*|restor*|normalis*|normaliz*|renew*|upgrad*|mend*|warm*|resum*|re-establish*|reestablish*|establish*|reopen* ~3 ties|relations|cooperation|partnership|links|dialogue|embassies with O+',
  },
  { id: 'pivot', type: 'seeks-ties-with', pattern: 'pivot|pivots|pivoted|pivoting to|toward|towards O+' },
  {
    id: 'mutual-ties',
    type: 'seeks-ties-with',
    pattern: 'strengthen*|deepen*|boost*|expand*|improv*|build*|bolster*|develop*|upgrad* their|bilateral ~3 ties|relations|cooperation|partnership|links',
    reciprocal: true,
  },
  { id: 'rapprochement', type: 'seeks-ties-with', pattern: 'rapprochement|reconciliation with O+' },
  { id: 'rapprochement-between', type: 'seeks-ties-with', pattern: 'rapprochement|détente|detente|reconciliation|normalisation|normalization between O+', among: true },
  { id: 'courted', type: 'seeks-ties-with', pattern: 'courted|courting|wooed|wooing O+' },
  // "Beijing and Moscow declared a partnership", "the deepening ties between Moscow and Pyongyang".
  { id: 'declare-partnership', type: 'seeks-ties-with', pattern: 'declar*|sign*|form*|forg*|announc*|establish*|launch* ~3 partnership|friendship|alliance', reciprocal: true },
  { id: 'ties-between', type: 'seeks-ties-with', pattern: 'deepening|growing|closer|warming|strengthening|improving|expanding ties|relations|cooperation|partnership between O+', among: true },
  // "Saudi Arabia and Iran agreed to resume diplomatic relations": each toward the other.
  { id: 'resume-ties', type: 'seeks-ties-with', pattern: 'resum*|restor*|re-establish*|reestablish*|normalis*|normaliz*|reopen*|establish* ~2 diplomatic|full|bilateral|formal ~1 ties|relations|embassies', reciprocal: true },
  // "Saudi Arabia and Iran agreed to restore ties" (a plain noun after the verb; "would reopen their embassies" says less).
  { id: 'restore-ties', type: 'seeks-ties-with', pattern: 'resum*|restor*|re-establish*|reestablish*|normalis*|normaliz* ties|relations', reciprocal: true },
];
