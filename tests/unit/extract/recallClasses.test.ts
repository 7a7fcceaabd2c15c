/**
 * The classes of misses issue 15 lists, one describe block each, written
 * from general English (made-up sentences about real states, invented
 * people): lists, reference, the types real text rarely triggered, sanction
 * wording, passives, negation and modality scope, modifiers that are not
 * relations, roles at a distance and accusation verbs. Unknown actors and
 * name identity (class 2) are in `actors.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../../../src/extract/extractDataset.ts';
import { describeRelationCases, type RelationCase } from './relationCases.ts';

const LISTS: RelationCase[] = [
  {
    name: 'warrants for N officials, A, B and C',
    text: 'The International Criminal Court issued arrest warrants for three commanders, Ali Haddad, Omar Farouk and Yusuf Bello.',
    has: ['international-criminal-court issued-warrant ali-haddad', 'international-criminal-court issued-warrant omar-farouk', 'international-criminal-court issued-warrant yusuf-bello'],
  },
  {
    name: 'the bloc, comprising A, B and C',
    text: 'BRICS, comprising Brazil, Russia, India, China and South Africa, met in Johannesburg.',
    has: ['brazil member-of brics', 'russia member-of brics', 'india member-of brics', 'china member-of brics', 'south-africa member-of brics'],
  },
  {
    name: 'whose members include A and B',
    text: 'The Shanghai Cooperation Organisation, whose members include Iran and Pakistan, met in Astana.',
    has: ['iran member-of shanghai-cooperation-organisation', 'pakistan member-of shanghai-cooperation-organisation'],
  },
  {
    name: 'several states, including A and B, sanctioned',
    text: 'Several states, including France and the United Kingdom, imposed sanctions on Iran.',
    has: ['france sanctioned iran', 'united-kingdom sanctioned iran'],
  },
  {
    name: 'countries such as A and B condemned',
    text: 'Western countries such as Canada and Australia accused Moscow of war crimes.',
    has: ['canada accused russia', 'australia accused russia'],
  },
  {
    name: 'a list of objects with an ally',
    text: 'Washington imposed sanctions on Iran and its ally Syria.',
    has: ['united-states sanctioned iran', 'united-states sanctioned syria'],
  },
  {
    name: 'the list ends at a verb',
    text: 'Poland, Lithuania and Latvia accused Belarus of staging the crisis, and Germany thanked them.',
    has: ['poland accused belarus', 'lithuania accused belarus', 'latvia accused belarus'],
    hasNot: ['germany accused belarus'],
  },
];

const REFERENCE: RelationCase[] = [
  {
    name: 'a court’s chamber acts for the court',
    text: 'Pre-Trial Chamber II of the International Criminal Court issued warrants of arrest for two individuals, Mr Vladimir Putin and Ms Maria Lvova-Belova.',
    has: ['international-criminal-court issued-warrant vladimir-putin', 'international-criminal-court issued-warrant maria-lvova-belova'],
  },
  {
    name: 'a chamber after its court was named',
    text: 'The International Criminal Court opened a case. On Thursday, Pre-Trial Chamber I issued a warrant for Ali Kushayb.',
    has: ['international-criminal-court issued-warrant ali-kushayb'],
  },
  {
    name: 'the premier',
    text: 'Indian Prime Minister Narendra Modi arrived in Moscow on Monday. The premier accused Pakistan of sheltering militants.',
    has: ['narendra-modi accused pakistan'],
  },
  {
    name: 'the Israeli prime minister',
    text: 'Israeli Prime Minister Benjamin Netanyahu spoke on Sunday. Later the Israeli prime minister accused Iran of arming the group.',
    has: ['benjamin-netanyahu accused iran'],
  },
  {
    name: 'the Russian president',
    text: 'Russian President Vladimir Putin flew to Beijing. The Russian president met Chinese President Xi Jinping there.',
    has: ['vladimir-putin met-with xi-jinping'],
  },
  {
    name: 'the Gulf nation',
    text: 'Qatar has mediated between the sides for months. The Gulf nation urged Israel to allow aid into Gaza.',
    has: ['qatar urged israel'],
  },
  {
    name: 'the Balkan country, with the country named two sentences back',
    text: 'Serbia held elections in December. Turnout was low. The Balkan country accused Kosovo of provocations.',
    has: ['serbia accused kosovo'],
  },
  {
    name: 'both countries, the two neighbours: the two states named most',
    text: 'Japan tightened export controls on South Korea. Both countries are allies of the United States. Chinese Foreign Minister Wang Yi urged the two neighbours to talk.',
    has: ['japan allied-with united-states', 'south-korea allied-with united-states', 'wang-yi urged japan', 'wang-yi urged south-korea'],
    hasNot: ['wang-yi urged china'],
  },
  {
    name: 'the two neighbours met',
    text: 'Thailand accused Cambodia of shelling. The two neighbours met in Kuala Lumpur.',
    has: ['cambodia met-with thailand'],
  },
  {
    name: '…, and it called on: the state the sentence opens with',
    text: 'Rwanda said the summit could not go ahead because Kinshasa had refused to negotiate, and it called on Congo to open talks.',
    has: ['rwanda urged democratic-republic-of-the-congo'],
  },
  {
    name: 'she across sentences',
    text: 'Annalena Baerbock, the German foreign minister, arrived in Kyiv. She accused Russia of war crimes.',
    has: ['annalena-baerbock accused russia'],
  },
  {
    name: 'the court, named before',
    text: 'The International Court of Justice heard the case in January. The court ordered Israel to prevent acts of genocide.',
    has: ['international-court-of-justice urged israel'],
  },
];

const TYPES: RelationCase[] = [
  {
    name: 'agreed to resume diplomatic relations (both ways)',
    text: 'Saudi Arabia and Iran agreed to resume diplomatic relations after seven years.',
    has: ['saudi-arabia seeks-ties-with iran', 'iran seeks-ties-with saudi-arabia'],
  },
  {
    name: 'restore diplomatic ties with',
    text: 'Bahrain said it would restore diplomatic ties with Qatar.',
    has: ['bahrain seeks-ties-with qatar'],
  },
  {
    name: 're-establish relations',
    text: 'Egypt moved to re-establish relations with Turkey.',
    has: ['egypt seeks-ties-with turkey'],
  },
  {
    name: 'hosted the summit',
    text: 'Kazakhstan hosted the Shanghai Cooperation Organisation summit in July.',
    has: ['kazakhstan hosted shanghai-cooperation-organisation'],
  },
  {
    name: 'the summit will be hosted by',
    text: 'The next G20 summit will be hosted by Brazil.',
    has: ['brazil hosted g20'],
  },
  {
    name: 'forcibly taken to X after being captured in Y',
    text: 'The children were forcibly taken to Russia after being captured in Ukraine.',
    has: ['russia abducted-from ukraine'],
  },
  {
    name: 'the deportation of children from Y to X',
    text: 'Prosecutors described the unlawful deportation of children from Ukraine to Russia.',
    has: ['russia abducted-from ukraine'],
  },
  {
    name: 'X said Y must cede power',
    text: 'The United States said Venezuela’s government must cede power.',
    has: ['united-states urged venezuela'],
  },
  {
    name: 'called on X to',
    text: 'Germany called on China to use its influence.',
    has: ['germany urged china'],
  },
];

const SANCTIONS: RelationCase[] = [
  {
    name: 'the Treasury designated',
    text: 'The United States on Tuesday designated five companies in Iran that supply drone parts.',
    has: ['united-states sanctioned iran'],
  },
  {
    name: 'OFAC and the Treasury act for the United States; companies in a country',
    text: 'The U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) today sanctioned three companies in Iran.',
    has: ['united-states sanctioned iran'],
  },
  {
    name: 'the Council of the EU is its own body',
    text: 'The Council of the EU adopted a package of sanctions against Russia.',
    has: ['council-of-the-european-union sanctioned russia'],
  },
  {
    name: 'by sanctioning X',
    text: 'The European Union responded by sanctioning Belarus.',
    has: ['european-union sanctioned belarus'],
  },
  {
    name: 'froze the assets of',
    text: 'Switzerland froze the assets of Syria’s central bank.',
    has: ['switzerland sanctioned syria'],
  },
  {
    name: 'headline: Treasury Sanctions X',
    text: 'Japan Sanctions Russian Banks Over War.',
    has: ['japan sanctioned russia'],
  },
  {
    name: 'imposed sanctions on X and its ally Y',
    text: 'Britain imposed sanctions on Russia and its ally Belarus.',
    has: ['united-kingdom sanctioned russia', 'united-kingdom sanctioned belarus'],
  },
  {
    name: 'added X to its sanctions list',
    text: 'Canada added Nicaragua to its sanctions list.',
    has: ['canada sanctioned nicaragua'],
  },
];

const PASSIVES: RelationCase[] = [
  {
    name: 'will be attended by',
    text: 'The G20 summit will be attended by Chinese Premier Li Qiang.',
    has: ['li-qiang attended g20'],
  },
  {
    name: 'a warrant issued by',
    text: 'Vladimir Putin faces an arrest warrant issued by the International Criminal Court.',
    has: ['international-criminal-court issued-warrant vladimir-putin'],
  },
  {
    name: 'would be detained if he arrived (the speaker threatens)',
    text: 'Vladimir Putin was invited. South Africa said Putin would be detained if he arrived.',
    has: ['south-africa threatened-arrest vladimir-putin'],
  },
  {
    name: 'was sanctioned by',
    text: 'Belarus was sanctioned by Canada in 2021.',
    has: ['canada sanctioned belarus'],
  },
  {
    name: 'was invaded by',
    text: 'Kuwait was invaded by Iraq in 1990.',
    has: ['iraq attacked kuwait'],
  },
];

const SCOPE: RelationCase[] = [
  {
    name: 'will not attend: negated, and an announcement of the future',
    text: 'Chinese President Xi Jinping will not attend the G20 summit in New Delhi.',
    has: ['xi-jinping attended g20 (negated) (hedged)'],
  },
  {
    name: 'said he would not attend',
    text: 'Vladimir Putin said he would not attend the BRICS summit.',
    has: ['vladimir-putin attended brics (negated) (hedged)'],
  },
  {
    name: 'would be obliged to arrest: an obligation, hedged',
    text: 'As an ICC member, South Africa would be obliged to arrest Vladimir Putin.',
    has: ['south-africa threatened-arrest vladimir-putin (hedged)'],
  },
  {
    name: 'is required to arrest: an obligation, hedged',
    text: 'Mongolia is required to arrest Vladimir Putin under the Rome Statute.',
    has: ['mongolia threatened-arrest vladimir-putin (hedged)'],
  },
  {
    name: 'very likely: not a fact',
    text: 'Investigators said Russia very likely attacked Georgia first.',
    has: ['russia attacked georgia (hedged)'],
  },
  {
    name: 'a hedge in another clause does not hedge this one',
    text: 'Ireland said it would definitely arrest Vladimir Putin, while Hungary said it could not.',
    has: ['ireland threatened-arrest vladimir-putin'],
    hasNot: ['hungary threatened-arrest vladimir-putin'],
  },
  {
    name: 'is not a party: negated',
    text: 'Russia is not a State Party to the Rome Statute.',
    has: ['russia member-of international-criminal-court (negated)'],
  },
  {
    name: 'a summit without X: X did not attend',
    text: 'Leaders of the Group of 20 opened their annual summit in New Delhi without Chinese President Xi Jinping.',
    has: ['xi-jinping attended g20 (negated)'],
  },
  {
    name: 'a prosecutor’s request for a warrant is a claim',
    text: 'The chief prosecutor of the International Criminal Court, Karim Khan, requested arrest warrants for Benjamin Netanyahu.',
    has: ['karim-khan issued-warrant benjamin-netanyahu (hedged)'],
  },
  {
    name: 'denied accusing',
    text: 'India denied that it had imposed sanctions on Nepal.',
    has: ['india sanctioned nepal (negated)'],
  },
];

const MODIFIERS: RelationCase[] = [
  {
    name: 'a US-based opposition leader is not a leader of the US',
    text: 'Fethullah Gulen, a US-based cleric and opposition leader, died in October.',
    hasNot: ['fethullah-gulen leader-of united-states'],
  },
  {
    name: 'an investigation into the abduction of children',
    text: 'The United Nations opened an investigation into the abduction of children from Ukraine.',
    hasNot: ['united-nations abducted-from ukraine'],
  },
  {
    name: 'Russia’s deportation of children is Russia’s',
    text: 'The court examined Russia’s deportation of children from Ukraine.',
    has: ['russia abducted-from ukraine'],
  },
];

const ROLES: RelationCase[] = [
  {
    name: 'As an ICC member, X',
    text: 'As an ICC member, Tajikistan was expected to act.',
    has: ['tajikistan member-of international-criminal-court'],
  },
  {
    name: 'a State Party to the Rome Statute is a member of the court',
    text: 'As a State Party to the Rome Statute, Chile backed the inquiry. Russia is not a State Party to the Rome Statute. Mongolia, a party to the Rome Statute, did nothing.',
    has: ['chile member-of international-criminal-court', 'mongolia member-of international-criminal-court'],
  },
  {
    name: 'as a member of X, Y',
    text: 'As a member of NATO, Turkey has a veto over new members.',
    has: ['turkey member-of nato'],
  },
  {
    name: 'a title with its country earlier in the paragraph',
    text: 'Hungary’s prime minister spoke first. Prime Minister Viktor Orban told reporters the bloc must change.',
    has: ['viktor-orban leader-of hungary'],
  },
];

const TITLED_NAMES: RelationCase[] = [
  { name: 'Sheikh opens no name', text: 'Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met William Burns.', has: ['mohammed-bin-abdulrahman-al-thani met-with william-burns', 'mohammed-bin-abdulrahman-al-thani leader-of qatar'] },
  { name: 'an agency’s Director is a title', text: 'CIA Director William Burns met Benjamin Netanyahu.', has: ['benjamin-netanyahu met-with william-burns'], hasNot: ['director-william-burns'] },
  { name: 'intelligence agencies act for their state', text: 'CIA Director William Burns and Mossad chief David Barnea arrived.', has: ['william-burns official-of united-states', 'david-barnea official-of israel'] },
  { name: 'X, whose political leader Y', text: 'Hamas, whose political leader Ismail Haniyeh lives in Qatar, agreed.', has: ['ismail-haniyeh leader-of hamas'] },
  { name: 'a spokesman for X’s Foreign Ministry', text: 'Majed al-Ansari, a spokesman for Qatar’s Foreign Ministry, said so.', has: ['majed-al-ansari official-of qatar'] },
  { name: 'X’s emir, Sheikh Y', text: 'Joe Biden thanked Qatar’s emir, Sheikh Tamim bin Hamad Al Thani.', has: ['tamim-bin-hamad-al-thani leader-of qatar'] },
  { name: 'a relative clause after a list takes the whole list', text: 'The listings were coordinated with the United States, the United Kingdom and Canada, which announced sanctions against Belarusian officials.', has: ['united-states sanctioned belarus', 'united-kingdom sanctioned belarus', 'canada sanctioned belarus'] },
  { name: 'a conflict that would follow is no attack', text: 'If NATO members sent troops, a direct conflict between Russia and NATO would follow.', hasNot: ['attacked'] },
  { name: 'a place gone to is not who meets', text: 'Ulf Kristersson travelled to Budapest to meet Prime Minister Viktor Orban.', has: ['ulf-kristersson met-with viktor-orban'], hasNot: ['hungary met-with viktor-orban'] },
  { name: 'Brigadier General is a rank', text: 'Britain designated Brigadier General Sayed Hamzeh Ghalandari, Iran’s deputy defence minister.', has: ['united-kingdom sanctioned sayed-hamzeh-ghalandari'] },
];

const ACCUSATION: RelationCase[] = [
  { name: '…, X’s ministry said, accusing Y of', text: '“The ruling is void,” China’s Foreign Ministry said in a statement, accusing Manila of lying.', has: ['china accused philippines'] },
  { name: 'accused Eritrean forces of', text: 'The United States has accused Eritrean forces of killing civilians.', has: ['united-states accused eritrea'] },
  { name: 'calls A and B measures illegal', text: 'China calls the U.S. and EU measures illegal unilateral sanctions.', has: ['china accused united-states', 'china accused european-union'] },
  { name: 'sanctions on entities it accuses of', text: 'The European Union imposed sanctions on eight Iranian entities it accuses of supplying drones.', has: ['european-union accused iran'] },
  { name: 'accusations by X that Y', text: 'Beijing rejected accusations by the United States that China armed Russia.', has: ['united-states accused china'] },
  { name: 'suspected of: a claim', text: 'Britain suspected Russia of the poisoning.', has: ['united-kingdom accused russia'] },
  { name: 'criticised', text: 'Germany criticised China over its military drills.', has: ['germany accused china'] },
  { name: 'condemned', text: 'The African Union condemned Niger’s junta.', has: ['african-union accused niger'] },
  { name: 'denounced', text: 'Venezuela denounced Guyana at the United Nations.', has: ['venezuela accused guyana'] },
  { name: 'called X a dictator', text: 'Joe Biden called Vladimir Putin a war criminal.', has: ['joe-biden accused vladimir-putin'] },
  { name: 'condemned the attack by X', text: 'Japan condemned the missile launch by North Korea.', has: ['japan accused north-korea'] },
  { name: 'praised is not accused', text: 'Germany praised China for its climate pledges.', hasNot: ['germany accused china'] },
];

/** Shapes met in the tuning splits' wire reports, press releases, court statements and encyclopedia leads. */
const SHAPES: RelationCase[] = [
  { name: 'whose members are A, B and C', text: 'The Arab League is a regional body whose members are Egypt, Jordan and Iraq.', has: ['egypt member-of arab-league', 'jordan member-of arab-league', 'iraq member-of arab-league'] },
  { name: 'became NATO’s 31st member', text: 'Finland formally became NATO’s 31st member on Tuesday.', has: ['finland member-of nato'] },
  { name: 'one of the council’s permanent members', text: 'The UN Security Council met. China is one of the council’s five permanent members.', has: ['china member-of un-security-council'] },
  { name: 'the last of the alliance’s members to ratify', text: 'NATO waited as Turkey and Hungary, the last of the alliance’s members to ratify it, held out.', has: ['turkey member-of nato', 'hungary member-of nato'] },
  { name: 'the summit was held in X, Y', text: 'The first ASEAN summit was held in Bali, Indonesia, in 1976.', has: ['indonesia hosted asean'] },
  { name: 'the Jeddah talks: a meeting named by its town', text: 'Saudi Arabia hosted the Jeddah talks in May.', has: ['saudi-arabia hosted jeddah-talks'] },
  { name: 'a town named with its country is a place', text: 'The first BRICS summit was held in 2009. At the 2014 summit in Fortaleza, Brazil, the members agreed to found a bank.', has: ['fortaleza hosted brics', 'brazil hosted brics'] },
  { name: 'the summit that X hosted', text: 'India did not attend the G20 summit that Brazil hosted.', has: ['brazil hosted g20'] },
  { name: 'a summit is not the session named in between', text: 'The BRICS summit opened. Its ministers met at the UN General Assembly. The 16th summit was held in Kazan, Russia.', hasNot: ['russia hosted un-general-assembly'] },
  { name: 'They opening a sentence: the names the sentence before opened with', text: 'Poland and Lithuania met in Vilnius. They urged Belarus to release the prisoners.', has: ['poland urged belarus', 'lithuania urged belarus'] },
  { name: 'an appositive, then a verb', text: 'Washington, a treaty ally of both Seoul and Tokyo, has led sanctions against North Korea.', has: ['united-states sanctioned north-korea', 'japan allied-with united-states'], hasNot: ['japan sanctioned north-korea'] },
  { name: 'an appositive inside a clause', text: 'Vladimir Putin stayed home, since Mongolia, a party to the treaty, would have been obliged to arrest him.', has: ['mongolia threatened-arrest vladimir-putin'] },
  { name: 'a bare comma lists only names', text: 'The United States, a treaty ally of the Philippines, urged Beijing to comply.', hasNot: ['china allied-with united-states'] },
  { name: 'sent troops into', text: 'In 2020 Ethiopia sent troops into Tigray.', has: ['ethiopia attacked tigray'] },
  { name: 'fired missiles at A, at B and at C', text: 'The Houthis have fired missiles at ships, at U.S. warships and at Israel.', has: ['houthis attacked united-states', 'houthis attacked israel'] },
  { name: 'whose allies, including', text: 'Israel, whose allies, including France and Britain, helped it, was attacked.', has: ['france allied-with israel', 'israel allied-with united-kingdom'] },
  { name: 'leaders who sign a treaty in a city meet', text: 'Vladimir Putin and Kim Jong Un signed a treaty in Pyongyang.', has: ['kim-jong-un met-with vladimir-putin'] },
  { name: 'warrants of arrest for A and for B', text: 'The International Criminal Court issued warrants of arrest for Vladimir Putin and for Anna Petrova.', has: ['international-criminal-court issued-warrant vladimir-putin', 'international-criminal-court issued-warrant anna-petrova'] },
  { name: 'obliged to arrest and surrender A and B', text: 'Member states of the ICC such as Chile are obliged to arrest and surrender Vladimir Putin and Anna Petrova.', has: ['chile threatened-arrest vladimir-putin', 'chile threatened-arrest anna-petrova'] },
  { name: 'declared a partnership (both ways)', text: 'China and Russia declared a partnership with no limits.', has: ['china seeks-ties-with russia', 'russia seeks-ties-with china'] },
  { name: 'the deepening ties between A and B', text: 'Officials worried about the deepening ties between Moscow and Pyongyang.', has: ['russia seeks-ties-with north-korea'] },
  { name: 'suspended aid to', text: 'The European Union suspended budget support to Ethiopia.', has: ['european-union severed-ties ethiopia'] },
  { name: 'scrap a pact with', text: 'South Korea decided to scrap an intelligence-sharing pact with Japan.', has: ['south-korea severed-ties japan'] },
  { name: 'responsible for the deportation of children from', text: 'Anna Petrova is responsible for the unlawful deportation of children from Ukraine.', has: ['anna-petrova abducted-from ukraine'] },
];

/** Common news wording of each type, written from general English. */
const WORDING: RelationCase[] = [
  { name: 'the attack by X on Y', text: 'The world condemned the attack by Hamas on Israel.', has: ['hamas attacked israel'] },
  { name: 'the occupation of Y by X', text: 'Ukraine protested the occupation of Crimea by Russia.', has: ['russia attacked crimea'] },
  { name: 'X troops crossed into Y', text: 'Russian troops crossed into Ukraine before dawn.', has: ['russia attacked ukraine'] },
  { name: 'captured a town from Y', text: 'Azerbaijan captured the town from Armenian forces.', has: ['azerbaijan attacked armenia'] },
  { name: 'put X under sanctions', text: 'Canada put Belarus under new sanctions.', has: ['canada sanctioned belarus'] },
  { name: 'blocked the assets of', text: 'The United States blocked the assets of Venezuela’s state oil company.', has: ['united-states sanctioned venezuela'] },
  { name: 'X’s accusations against Y', text: 'Russia’s accusations against Ukraine were rejected.', has: ['russia accused ukraine'] },
  { name: 'criticism of Y by X', text: 'Beijing dismissed the criticism of China by Japan.', has: ['japan accused china'] },
  { name: 'the ICC’s warrant for', text: 'Mongolia ignored the ICC’s arrest warrant for Vladimir Putin.', has: ['international-criminal-court issued-warrant vladimir-putin'] },
  { name: 'X’s membership of Y', text: 'Finland’s membership of NATO took effect in April.', has: ['finland member-of nato'] },
  { name: 'X left the organisation', text: 'Burkina Faso left ECOWAS in January.', has: ['burkina-faso severed-ties ecowas'] },
  { name: 'rapprochement between X and Y', text: 'Analysts noted the rapprochement between Turkey and Egypt.', has: ['turkey seeks-ties-with egypt', 'egypt seeks-ties-with turkey'] },
  { name: 'courted X', text: 'India has courted Japan for investment.', has: ['india seeks-ties-with japan'] },
  { name: 'pushed X to', text: 'France pushed Germany to approve the deal.', has: ['france urged germany'] },
];

describe('a reference is not an alias', () => {
  it('“the summit” becomes no entity’s alias', () => {
    const dataset = extractDataset('Xi Jinping attended the BRICS summit. Narendra Modi attended the G20 summit. Vladimir Putin skipped the summit.', { documentId: 'doc' });
    for (const entity of dataset.entities) expect(entity.aliases.map((a) => a.toLowerCase())).not.toContain('summit');
  });
});

/** An encyclopedia lead about a bloc, and a court's order: the shapes dev-3 showed. */
const LEADS_AND_ORDERS: RelationCase[] = [
  {
    name: 'founded in a city by A, B and C; joined, became members, was admitted; the organisation; the 2022 summit',
    text:
      'The Shanghai Cooperation Organisation is a security organisation founded in Shanghai in 2001 by China, Russia and Kazakhstan. ' +
      'India and Pakistan became full members in 2017, Iran joined in July 2023, and Belarus was admitted as the tenth member state in 2024. ' +
      'India chaired the organisation in 2023. The 2022 summit was held in Samarkand, Uzbekistan.',
    has: [
      'china member-of shanghai-cooperation-organisation',
      'kazakhstan member-of shanghai-cooperation-organisation',
      'pakistan member-of shanghai-cooperation-organisation',
      'iran member-of shanghai-cooperation-organisation',
      'belarus member-of shanghai-cooperation-organisation',
      'india leader-of shanghai-cooperation-organisation',
      'uzbekistan hosted shanghai-cooperation-organisation',
    ],
  },
  { name: 'a summit in a town, which was attended by', text: 'Kazakhstan hosted the SCO summit in Astana, which was attended by Xi Jinping and Vladimir Putin.', has: ['xi-jinping attended shanghai-cooperation-organisation', 'vladimir-putin attended shanghai-cooperation-organisation'] },
  { name: 'the Court indicated that X shall', text: 'The International Court of Justice indicated that the Russian Federation shall immediately suspend its military operations.', has: ['international-court-of-justice urged russia'] },
  { name: 'instituted proceedings against', text: 'Ukraine instituted proceedings against the Russian Federation on 26 February.', has: ['ukraine accused russia'] },
  { name: 'cancel agreements with', text: 'The United Kingdom will cancel its bilateral air services agreements with Iran.', has: ['united-kingdom severed-ties iran'] },
  { name: 'the war between A and B: each attacked the other', text: 'The war between Ethiopia and Eritrea began in 1998.', has: ['ethiopia attacked eritrea', 'eritrea attacked ethiopia'] },
  { name: '…, saying … and accusing Y of', text: 'Rwanda’s foreign ministry rejected the statement, saying it had acted in defence and accusing Washington of ignoring the threat.', has: ['rwanda accused united-states'] },
  { name: 'a pronoun after a comma is no list item', text: 'If NATO members sent troops, he warned, a war would follow. Dmitry Peskov spoke.', hasNot: ['member-of'] },
  { name: 'responded with an invasion of', text: 'Israel responded with a bombing campaign and a ground invasion of Gaza.', has: ['israel attacked gaza'] },
  {
    name: 'the three European governments: the three states named most',
    text: 'The United Kingdom, France and Germany sanctioned Iran. Britain acted first. France and Germany followed. Iran accused the three European governments of hostility.',
    has: ['iran accused united-kingdom', 'iran accused france', 'iran accused germany'],
  },
];

describeRelationCases('lists: one relation per item', LISTS);
describeRelationCases('encyclopedia leads and court orders', LEADS_AND_ORDERS);
describeRelationCases('common wording of each type', WORDING);
describeRelationCases('shapes of the tuning splits', SHAPES);
describeRelationCases('reference: titles, descriptions and pronouns that stand for a name', REFERENCE);
describeRelationCases('seeks-ties-with, hosted, abducted-from and urged in real wording', TYPES);
describeRelationCases('sanction wording', SANCTIONS);
describeRelationCases('passives', PASSIVES);
describeRelationCases('negation and modality stay in their clause', SCOPE, { flags: true });
describeRelationCases('modifiers are not relations', MODIFIERS);
describeRelationCases('roles and memberships at a distance', ROLES);
describeRelationCases('accusation verbs', ACCUSATION);
describeRelationCases('names after honorifics and ranks', TITLED_NAMES);
