/**
 * Roles from titles: leader-of and official-of
 * ============================================
 *
 * A title phrase states who a person is and for whom, in a few shapes:
 *
 *   Russian President Vladimir Putin              qualifier, title, name
 *   Russia’s top diplomat Sergei Lavrov            possessive, up to two words, title, name
 *   the ICC’s chief prosecutor, Karim Khan         possessive, title, comma, name
 *   the Secretary General of the Arab League, Ahmed Abu al-Gheit
 *   Rafael Grossi, the head of the IAEA           name, appositive title
 *   Foreign Ministry Spokesperson Maria Zakharova  no qualifier: the country of
 *                                                  the foreign minister named earlier
 *
 * The qualifier becomes a *modifier*: it names the person's state, it is not
 * an argument, so "a meeting with the Secretary General of the Arab League,
 * Ahmed Abu al-Gheit" is a meeting with the man, not the League.
 */

import type { EntityTypeId } from '../model/entityTypes.ts';
import type { RoleFact, RoledSentence, Slot, SlotLayer, SlottedSentence, TitleMatch } from './sentenceModel.ts';
import type { EntityRegistry } from './entities.ts';
import { titleKey } from './titles.ts';

/**
 * Country (or body) of each office ("foreign") as last stated in the document;
 * under `title:<title>`, the country a title was stated with in a paragraph
 * ("Malaysia’s prime minister") and the person named with it, if any.
 */
export type OfficeMemory = Map<string, { id: string; title: string; paragraph?: number; holder?: string }>;

const AFFILIATION_TYPES: EntityTypeId[] = ['country', 'organisation', 'place'];

function isPerson(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && slot.ids.length === 1 && registry.typeOf(slot.ids[0]!) === 'person';
}

function affiliation(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && slot.ids.length === 1 && AFFILIATION_TYPES.includes(registry.typeOf(slot.ids[0]!)!);
}

const DEPUTISING = /^(?:sent|sends|dispatched|dispatches|delegated)$/;

/**
 * "was represented by [Title]" or "sent [Title]" just before an unqualified
 * title: the person who did so, as stated earlier in the sentence with their
 * state (the last role fact before the title).
 */
function deputisedBy(sentence: SlottedSentence, title: TitleMatch, facts: RoleFact[]): RoleFact | undefined {
  const { tokens } = sentence;
  let k = title.tokenStart - 1;
  if (tokens[k]?.norm === 'the' || tokens[k]?.norm === 'his' || tokens[k]?.norm === 'her') k--;
  const represented = tokens[k]?.norm === 'by' && /^represented$/.test(tokens[k - 1]?.norm ?? '');
  if (!represented && !DEPUTISING.test(tokens[k]?.norm ?? '')) return undefined;
  return [...facts].reverse().find((f) => f.at < k && f.type === 'leader-of');
}

function isLowerWord(sentence: SlottedSentence, i: number): boolean {
  const token = sentence.tokens[i];
  return !!token && token.kind === 'word' && !token.capitalised && !sentence.slotAt[i];
}

/** The qualifier before a title: "Russian", "Russia’s", "the EU’s foreign policy". */
function qualifierBefore(sentence: SlottedSentence, title: TitleMatch, registry: EntityRegistry): Slot | undefined {
  let j = title.tokenStart - 1;
  for (let words = 0; words < 2 && isLowerWord(sentence, j) && sentence.tokens[j]!.norm !== 'the'; words++) j--;
  if (sentence.tokens[j]?.kind === 'possessive') j--;
  const slot = sentence.slotAt[j];
  return affiliation(slot, registry) && slot.tokenEnd === j + 1 ? slot : undefined;
}

/** "of [the] X" right after a title. */
function ofAfter(sentence: SlottedSentence, index: number, registry: EntityRegistry): { slot: Slot; end: number } | undefined {
  if (sentence.tokens[index]?.norm !== 'of') return undefined;
  let k = index + 1;
  if (sentence.tokens[k]?.norm === 'the' && !sentence.slotAt[k]) k++;
  const slot = sentence.slotAt[k];
  return affiliation(slot, registry) && slot.tokenStart === k ? { slot, end: slot.tokenEnd } : undefined;
}

/**
 * "The Taliban rejected the move, with a spokesman, Zabihullah Mujahid, …",
 * "The Kremlin, through its spokesman, Dmitry Peskov, …": a spokesperson with
 * no qualifier, introduced by "its"/"their" or "with/through a", speaks for
 * the state or organisation the sentence opens with.
 */
function spokespersonOfSubject(sentence: SlottedSentence, title: TitleMatch, registry: EntityRegistry, modifiers: ReadonlySet<Slot>): Slot | undefined {
  if (title.title.office !== 'press') return undefined;
  const { tokens } = sentence;
  const determiner = tokens[title.tokenStart - 1]?.norm ?? '';
  const introduced = determiner === 'its' || determiner === 'their' || ((determiner === 'a' || determiner === 'an') && /^(?:with|through|via)$/.test(tokens[title.tokenStart - 2]?.norm ?? ''));
  if (!introduced) return undefined;
  const first = sentence.slots[0];
  const opensWith = first && (first.tokenStart === 0 || (first.tokenStart === 1 && tokens[0]!.norm === 'the'));
  if (!opensWith || !first.recorded || first.modifier || modifiers.has(first) || first.kind === 'adjective') return undefined;
  const type = registry.typeOf(first.ids[0]!);
  return first.ids.length === 1 && (type === 'country' || type === 'organisation') ? first : undefined;
}

/** What `findRoles` reads off one sentence. */
interface SentenceRoles {
  facts: RoleFact[];
  /** Qualifiers of title phrases ("Russian" in "Russian President Vladimir Putin"): to become modifier slots. */
  modifiers: Set<Slot>;
  /** Tokens of a title phrase before the person it names. */
  titlePhrase: boolean[] | undefined;
  titlesGiven: Array<{ person: string; title: string }>;
}

const NO_ROLES: SentenceRoles = { facts: [], modifiers: new Set(), titlePhrase: undefined, titlesGiven: [] };

/**
 * Stage 4: the roles each sentence's title phrases state, in document order
 * (an unqualified title takes the country last stated for its office). The
 * qualifiers become modifier slots: new slots in place of the old.
 */
export function findDocumentRoles(sentences: readonly SlottedSentence[], registry: EntityRegistry): RoledSentence[] {
  const offices: OfficeMemory = new Map();
  return sentences.map((sentence) => {
    const { facts, modifiers, titlePhrase, titlesGiven } = findRoles(sentence, registry, offices);
    const layer = modifiers.size === 0 ? sentence : withModifiers(sentence, modifiers);
    return { ...sentence, ...layer, roles: facts, titlePhrase: titlePhrase ?? new Array<boolean>(sentence.tokens.length).fill(false), titlesGiven };
  });
}

/** The sentence's slots with `modifiers` replaced by modifier slots. */
function withModifiers(sentence: SlottedSentence, modifiers: ReadonlySet<Slot>): SlotLayer {
  const replaced = new Map<Slot, Slot>();
  for (const slot of modifiers) replaced.set(slot, { ...slot, modifier: true });
  const swap = (slot: Slot | undefined) => (slot && replaced.get(slot)) ?? slot;
  return { slots: sentence.slots.map((slot) => swap(slot)!), slotAt: sentence.slotAt.map(swap) };
}

function findRoles(sentence: SlottedSentence, registry: EntityRegistry, offices: OfficeMemory): SentenceRoles {
  // Most sentences have no title: set nothing up for them.
  if (sentence.titles.length === 0) return NO_ROLES;
  const facts: RoleFact[] = [];
  const modifiers = new Set<Slot>();
  const titlesGiven: Array<{ person: string; title: string }> = [];
  let titlePhrase: boolean[] | undefined;
  const { tokens, slotAt } = sentence;

  const paragraph = sentence.span.paragraph;
  // "Malaysia’s prime minister …": the title's country in this paragraph, for "Prime Minister Anwar Ibrahim" with none.
  for (const title of sentence.titles) {
    const qualifier = qualifierBefore(sentence, title, registry) ?? ofAfter(sentence, title.tokenEnd, registry)?.slot;
    if (!qualifier) continue;
    const after = slotAt[title.tokenEnd];
    const holder = isPerson(after, registry) && after.tokenStart === title.tokenEnd ? after.ids[0] : undefined;
    offices.set(`title:${titleKey(tokens, title)}`, { id: qualifier.ids[0]!, title: titleKey(tokens, title), paragraph, ...(holder ? { holder } : {}) });
  }

  /**
   * "Sweden formally joined … when Prime Minister Ulf Kristersson handed …":
   * a head-of-government title with no state, right before its holder's
   * name, is the state's when the sentence names exactly one state before
   * it (and that state is no other title's qualifier: "Thai Prime Minister
   * X met Prime Minister Y" says nothing of Y's state).
   */
  const onlyStateBefore = (title: TitleMatch): string | undefined => {
    const states = new Set<string>();
    for (const slot of sentence.slots) {
      if (slot.tokenEnd > title.tokenStart) break;
      if (!slot.recorded || slot.ids.length !== 1 || modifiers.has(slot) || sentence.slotAt[slot.tokenStart]?.modifier) continue;
      if (registry.typeOf(slot.ids[0]!) === 'country') states.add(slot.ids[0]!);
    }
    return states.size === 1 ? [...states][0] : undefined;
  };

  const record = (title: TitleMatch, person: Slot, target: Slot | undefined, at: number, nameFollows = false) => {
    const personId = person.ids[0]!;
    const key = titleKey(tokens, title);
    titlesGiven.push({ person: personId, title: key });
    const type = title.title.kind === 'leader' ? 'leader-of' : 'official-of';
    if (target) {
      modifiers.add(target);
      const targetId = target.ids[0]!;
      if (title.title.office) offices.set(title.title.office, { id: targetId, title: key });
      if (type === 'official-of' && registry.typeOf(targetId) === 'place') return;
      facts.push({ type, person: personId, target: targetId, at });
      return;
    }
    // No qualifier: an office of a ministry inherits the country of the same ministry named earlier.
    const office = title.title.office;
    // The same title with its country earlier in the paragraph, held by no one else named.
    const stated = offices.get(`title:${key}`);
    if (stated && stated.paragraph === paragraph && (stated.holder === undefined || stated.holder === personId)) {
      facts.push({
        type,
        person: personId,
        target: stated.id,
        note: `“${tokens.slice(title.tokenStart, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(stated.id)}’s: the same paragraph names ${registry.label(stated.id)}’s ${key}.`,
        at,
      });
      return;
    }
    // "Putin … was represented by Foreign Minister Sergei Lavrov", "Xi, who sent Premier Li Qiang": a deputy serves the sender's state.
    const sender = deputisedBy(sentence, title, facts);
    if (sender && sender.person !== personId) {
      facts.push({
        type,
        person: personId,
        target: sender.target,
        note: `“${tokens.slice(title.tokenStart, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(sender.target)}’s: ${registry.label(personId)} stands in for ${registry.label(sender.person)}.`,
        at,
      });
      return;
    }
    const remembered = office && office !== 'head' && office !== 'press' ? offices.get(office) : undefined;
    if (remembered) {
      facts.push({
        type,
        person: personId,
        target: remembered.id,
        note: `“${tokens.slice(title.tokenStart, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(remembered.id)}’s: the article names ${registry.label(remembered.id)}’s ${remembered.title} earlier.`,
        at,
      });
      return;
    }
    const only = nameFollows && type === 'leader-of' && office === 'head' ? onlyStateBefore(title) : undefined;
    if (only && only !== personId) {
      facts.push({
        type,
        person: personId,
        target: only,
        note: `“${tokens.slice(title.tokenStart, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(only)}’s: the only state the sentence names before it.`,
        at,
      });
    }
  };

  for (const title of sentence.titles) {
    const after = slotAt[title.tokenEnd];
    // Qualifier, title, name.
    if (isPerson(after, registry) && after.tokenStart === title.tokenEnd) {
      // "Prime Minister Ralph Gonsalves of Saint Vincent and the Grenadines".
      record(title, after, qualifierBefore(sentence, title, registry) ?? ofAfter(sentence, after.tokenEnd, registry)?.slot, title.tokenStart, true);
      continue;
    }
    // The title of X, name.
    const of = ofAfter(sentence, title.tokenEnd, registry);
    if (of) {
      let k = of.end;
      if (tokens[k]?.text === ',') k++;
      const person = slotAt[k];
      if (isPerson(person, registry) && person.tokenStart === k) {
        record(title, person, of.slot, title.tokenStart);
        titlePhrase ??= new Array<boolean>(tokens.length).fill(false);
        for (let i = title.tokenStart; i < k; i++) titlePhrase[i] = true;
        continue;
      }
    }
    // [X’s] title, [title] name: "the Secretary General, al-Gheit, said", "the ICC’s chief prosecutor, Karim Khan",
    // "Sudan’s army chief, General Abdel Fattah al-Burhan" (a rank between the comma and the name is passed over).
    if (tokens[title.tokenEnd]?.text === ',') {
      let k = title.tokenEnd + 1;
      const rank = sentence.titleAt[k];
      if (rank && rank.tokenStart === k) k = rank.tokenEnd;
      const person = slotAt[k];
      if (isPerson(person, registry) && person.tokenStart === k) {
        const qualifier = qualifierBefore(sentence, title, registry);
        const speaksFor = qualifier ? undefined : spokespersonOfSubject(sentence, title, registry, modifiers);
        if (speaksFor && person.ids[0] !== speaksFor.ids[0]) {
          facts.push({
            type: 'official-of',
            person: person.ids[0]!,
            target: speaksFor.ids[0]!,
            note: `“${tokens.slice(title.tokenStart - 1, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(speaksFor.ids[0]!)}’s: the sentence opens with ${registry.label(speaksFor.ids[0]!)}.`,
            at: title.tokenStart,
          });
          titlesGiven.push({ person: person.ids[0]!, title: titleKey(tokens, title) });
          continue;
        }
        record(title, person, qualifier, title.tokenStart);
        continue;
      }
    }
    // Name, the [X’s] title [of Y].
    let k = title.tokenStart - 1;
    for (let words = 0; words < 2 && isLowerWord(sentence, k) && tokens[k]!.norm !== 'the'; words++) k--;
    let qualifier: Slot | undefined;
    if (tokens[k]?.kind === 'possessive') k--;
    if (affiliation(slotAt[k], registry)) {
      qualifier = slotAt[k]!;
      k = qualifier.tokenStart - 1;
    }
    if (tokens[k]?.norm === 'the' || tokens[k]?.norm === 'a' || tokens[k]?.norm === 'an') k--;
    if (tokens[k]?.text === ',') {
      const person = slotAt[k - 1];
      if (isPerson(person, registry) && person.tokenEnd === k) {
        const target = qualifier ?? ofAfter(sentence, title.tokenEnd, registry)?.slot;
        record(title, person, target, title.tokenStart);
      }
    }
  }
  return { facts, modifiers, titlePhrase, titlesGiven };
}
