/**
 * Closed word lists
 * =================
 *
 * The small vocabularies the rules read: function words that open sentences
 * (so "The", "Even" or "Last" at a sentence start is not a name), speech
 * verbs (reported speech → `attributedTo`), negation and hedging cues, clause
 * boundaries, heads of organisation and event names. All are general English;
 * none is specific to one article. Keys are normalised (lower case, straight
 * apostrophes).
 */

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Capitalised at a sentence start, but not names. */
export const NOT_NAMES = set(`
the a an and or but nor so yet for of in on at to by from with without within into onto over under about above below across after before since
while when where whether if unless until though although because as than that this these those there here then thus hence also even just only
still already again once last next first second third new old other another some many most more much few several all both each every any no none
not never always often sometimes usually however meanwhile moreover furthermore nevertheless nonetheless instead indeed perhaps maybe yes
he she it we they i you his her its our their my your him them us me who whom whose which what why how
officials official critics analysts experts observers diplomats sources leaders residents witnesses lawmakers judges prosecutors
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
today yesterday tomorrow tonight earlier later recently currently now soon
mr mrs ms dr sir madam lord lady
according despite during amid among between including following regarding against toward towards
it's there's he's she's that's what's let's
is are was were be been being has have had do does did will would can could shall should may might must
say says said tell told asked added noted
western eastern northern southern central global international national federal regional local foreign domestic
breaking update exclusive analysis opinion editorial photo video
`);

/** Verbs and phrases that introduce reported speech: their subject is the speaker. */
export const SPEECH_VERBS = set(`
said says say saying told tells tell added adds noted notes stated states wrote writes argued argues insisted insists claimed claims claiming
warned warns asked asks explained explains declared declares announced announces replied replies remarked remarks continued
called calling referring alleged alleges alleging stressed stresses emphasised emphasized acknowledged admitted denied denies
suggested suggests urged urges
`);

/** Negation within a few tokens before a trigger: "didn’t attend", "has not imposed". */
export const NEGATIONS = set(`
not n't never no didn't doesn't don't won't wouldn't can't cannot couldn't hasn't haven't hadn't isn't aren't wasn't weren't shouldn't
refused declined failed neither nor
`);

/**
 * Cues in a relation's own clause that it is a claim or an intention, not an
 * established fact: adverbs and modals ("have allegedly abducted", "would focus").
 */
export const HEDGES = set(`
allegedly reportedly purportedly supposedly apparently possibly probably likely unlikely presumably would could may might will
obliged obligated required
`);

/** Verbs whose object clause the speaker says is untrue: "denied that it had imposed …", "denied imposing …". */
export const DENIALS = set(`denied denies deny denying rejected rejects dismissed dismisses refuted refutes`);

/**
 * Nouns and verbs that make the clause they introduce a claim: "allegations
 * that Putin …", "claimed that …", "accused of abducting …".
 */
export const HEDGE_GOVERNORS = set(`
alleged allegation allegations alleging claims claimed claim claiming reports reported suspicion suspicions suspected accused accusing
accusations rumours rumors
`);

/** Modal verbs that make a statement hypothetical or normative: no relation is extracted. */
export const MODALS = set(`ought should must`);

/** Words that open a subordinate or relative clause: a rule's subject and object never cross them. */
export const CLAUSE_OPENERS = set(`
while whilst after which since because although though whereas when whom who whose unless until before if that once
`);

/** Relative pronouns: the clause they open takes its subject from the name just before it ("Armenia, which is …"). */
export const RELATIVE_PRONOUNS = set(`which who whom whose that`);

/** Punctuation that bounds a clause. */
export const CLAUSE_PUNCTUATION = new Set([';', ':', '—', '–', '(', ')', '[', ']']);

/** Pronouns that can stand for a named person, and for the speaker. */
export const PERSON_PRONOUNS = set(`he him himself she her herself`);
export const FIRST_PERSON_SINGULAR = set(`i me myself`);
export const FIRST_PERSON_PLURAL = set(`we us ourselves`);
export const THIRD_PERSON_PLURAL = set(`they them themselves`);

/** Heads that make a capitalised phrase an organisation: "Islamic Revolutionary Guard Corps", "Supreme Court". */
export const ORGANISATION_HEADS = set(`
court council ministry agency bank party union committee commission organization organisation fund institute assembly parliament congress senate
forces army navy group company corporation corp inc ltd plc university department office service services authority front movement alliance league
federation association foundation tribunal board corps guard guards police network programme program centre center observatory brigade brigades
cabinet reserve trust initiative coalition secretariat bureau directorate administration agency government community
`);

/** Words that alone say nothing about which body is meant: "the Foreign Ministry", "the Supreme Court" are not named organisations. */
export const GENERIC_ORGANISATION_WORDS = set(`
foreign defence defense interior finance justice health economy economic trade energy state national federal central supreme constitutional high
presidential general security home public international world global regional royal military naval air armed special joint
commerce treasury labour labor information communications immigration oil petroleum mining mines planning development intelligence homeland
agriculture environment culture education transport industry
the of for and on
`);

/** Heads that make a capitalised phrase an event: "Munich Security Conference". */
export const EVENT_HEADS = set(`summit conference forum dialogue games olympics cup session convention`);

/** Nouns after an organisation that make the phrase one of its events: "the BRICS summit", "the UN confab". */
export const EVENT_NOUNS = set(`summit summits meeting meetings conference confab talks session gathering forum ministerial congress`);

/** Particles inside personal names: "Ahmed Abu al-Gheit", "Ursula von der Leyen". */
export const NAME_PARTICLES = set(`al el bin ibn bint de da di du del della der den van von la le dos das ul ud`);

/** News agencies and outlets: cited as sources ("according to Reuters"), not actors in the story. */
export const MEDIA = set(`
reuters ap afp bloomberg cnn bbc tass ria interfax xinhua rbc kommersant izvestia aljazeera al-jazeera dpa ansa efe yonhap kyodo nhk politico axios
guardian times post journal telegraph economist newsweek nbc abc cbs fox msnbc npr pbs wsj nyt ft
`);

/** Auxiliaries: skipped between a subject and its verb, and a sign that the main verb has begun. */
export const AUXILIARIES = set(`
is are was were be been being has have had do does did will would can could shall should may might must also still already reportedly allegedly
`);

/** Honorifics before a name ("Mr Putin", "Sheikh Tamim"): they open no name, and may stand between a title and its holder. */
export const HONORIFICS = set(`mr mrs ms miss dr sir dame sheikh sheik sheikha prince princess`);
