import type { QuoteMention } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import { type Mention, titleKey } from './mentions.js';
import { phraseHead } from './phrases.js';
import type { Tok } from './tokens.js';
import { AGENT_NOUNS, DOCUMENT_WORDS, NON_PERSON_WORDS, PARTITIVE_WORDS, SOURCE_PRONOUNS, TITLE_WORDS, VAGUE_SOURCE_WORDS } from './vocabulary.js';

/**
 * Speaker resolution: from the words that name the source to a canonical name, or null when the text does not
 * make it clear. Pronouns go to the last compatible person, preferring sentence subjects; titles ("the
 * secretary") to the last person written with that title; names to their mention's canonical name.
 */

/**
 * How far back a pronoun looks for its person, in characters: about three news paragraphs. Beyond that a bare
 * "he said" is more often a new speaker the text introduced in a way we missed, so it stays unresolved.
 */
export const PRONOUN_WINDOW_CHARS = 1500;

/** What the resolver needs to know about one mention beyond the mention itself. */
interface Candidate extends Mention {
  /** No verb precedes it in its sentence: the likely topic of the next pronoun. */
  subject: boolean;
  /** A group or coordinated source remembered for "they". */
  plural: boolean;
  /** How a speaker taken from this mention is presented ("they" after "officials said" is a group). */
  kind: Speaker['kind'];
}

/**
 * A resolved speaker: a `name` the text gives (a person or body, or a title resolved to one), a `description` of
 * one unnamed source ("a White House spokesman"), or a non-specific `group` ("officials", "many economists").
 */
export interface Speaker {
  name: string;
  kind: NonNullable<QuoteMention['speakerKind']>;
}

function asName(name: string | null): Speaker | null {
  return name === null ? null : { name, kind: 'name' };
}

/**
 * A group's head: a plural word for people ("officials", "critics") or a count of them ("63 percent", "most").
 * Plural by its ending, as the tagger gives no number: a singular ending in "s" ("boss") is not an agent plural.
 */
function isGroupHead(head: Tok): boolean {
  return PARTITIVE_WORDS.has(head.lower) || (/[^s]s$/.test(head.lower) && isAgentNoun(head.text));
}

export class SpeakerResolver {
  private readonly candidates: Candidate[] = [];
  private readonly learnedGender = new Map<string, 'm' | 'f'>();
  private bySurname: Map<string, Candidate[]> | null = null;

  /**
   * @param mentions named mentions, in text order
   * @param insideQuote tells whether an offset lies inside quoted words (names said in a quote are not antecedents)
   * @param isSubject tells whether no verb precedes an offset in its sentence
   */
  constructor(
    private readonly text: string,
    mentions: readonly Mention[],
    insideQuote: (offset: number) => boolean,
    isSubject: (offset: number) => boolean,
  ) {
    // One literal with every field, not a spread: faster to build, and one hidden class for every reader.
    for (const m of mentions) {
      if (insideQuote(m.start)) continue;
      const { start, end, canonical, person, agent, gender, titles } = m;
      this.candidates.push({ start, end, canonical, person, agent, gender, titles, subject: isSubject(m.start), plural: false, kind: 'name' });
    }
    this.candidates.sort((a, b) => a.start - b.start);
  }

  /**
   * The speaker for a source phrase (its tokens), or null. A resolved pronoun or title becomes a mention itself, so
   * "She stressed …" after "…, she said" finds the same person; a group source becomes one for a later "they".
   * Call in text order.
   */
  resolve(source: readonly Tok[]): Speaker | null {
    const first = source[0];
    const last = source[source.length - 1];
    if (!first || !last) return null;
    const span = { start: first.start, end: last.end };
    const parts = conjuncts(source);
    // "Vidal and her aides": each part resolved ("Mateo Vidal and her aides"), unless one name covers them all
    // ("the Department of Health and Human Services"). Named when any part is.
    if (parts.length > 1 && !this.candidates.some((m) => m.start <= span.start && span.end <= m.end)) {
      const each = parts.map(
        (p) => this.resolve(p) ?? { name: this.text.slice((p[0] as Tok).start, (p[p.length - 1] as Tok).end), kind: 'description' as const },
      );
      const speaker: Speaker = { name: each.map((e) => e.name).join(' and '), kind: each.some((e) => e.kind === 'name') ? 'name' : 'group' };
      this.rememberGroup(span, speaker);
      return speaker;
    }
    const head = phraseHead(source) ?? last;
    // Any name holding the head: a name before a speech verb is someone even when its type was misread ("Ibarra").
    const named = this.candidates.find((m) => covers(m, head));
    // A transcript's speaker label ("VIDAL:") is a speaker whatever the tagger made of it: the person of that
    // surname named earlier, else the label as written.
    if (!named && source.every((t) => isUpperWord(t.text))) {
      const surnamed = this.surnamed(source);
      return surnamed ? { name: surnamed, kind: 'name' } : { name: this.text.slice(span.start, span.end), kind: 'description' };
    }
    // A document is not an agent: "Reports indicate …" stays unattributed unless a name in the phrase issued it. A
    // name ending in a document word ("the National Review") is that name.
    if (isDocument(head) && !(named && named.end - named.start > head.end - head.start)) return asName(this.issuer(span, head));
    const given = this.mentionEndingAt(span);
    if (source.length === 1 && first.lower in SOURCE_PRONOUNS) {
      if (given) return asName(given.canonical);
      if (SOURCE_PRONOUNS[first.lower] === 'plural') return this.lastGroup(first.start);
      const speaker = this.pronoun(first);
      if (speaker) this.remember(span, speaker, first);
      return asName(speaker);
    }
    // Only agents speak: the phrase's head must be a name or a word for people or a body. "The timing
    // of Vidal's announcement suggests …" names Vidal, but its head is a timing: a parsing accident (a verb that
    // also means "indicates"), and the words stay unattributed rather than being given to it or to Vidal.
    if (!this.canSpeak(source)) return null;
    if (given) return asName(given.canonical);
    // "Rodrigo Peña of the port workers' union called …": the name the head belongs to, not the phrase's last noun.
    if (named?.person) return asName(named.canonical);
    const surface = this.text.slice(span.start, span.end);
    if (named) return { name: surface, kind: 'name' };
    // "Both sides", "some", "the others": who they are is in an earlier sentence, and guessing it would be worse
    // than saying nothing; the words stay unattributed.
    if (source.every((t) => VAGUE_SOURCE_WORDS.has(t.lower))) return null;
    const lastKey = titleKey(last.text);
    const definite = first.lower === 'the' || first.lower === 'el' || first.lower === 'la';
    if (!definite || !(lastKey in TITLE_WORDS)) {
      if (!isGroupHead(head)) return { name: surface, kind: 'description' };
      const group: Speaker = { name: surface, kind: 'group' };
      this.rememberGroup(span, group);
      return group;
    }
    const speaker = this.titled(lastKey, span.start);
    // "The senator" with no senator named before: the text's own words, not a guess at who.
    if (!speaker) return { name: surface, kind: 'description' };
    this.remember(span, speaker, first);
    return asName(speaker);
  }

  /**
   * Whether a source phrase can be a source at all: a pronoun, a document ("the report", whoever issued it), or a
   * phrase whose head is an agent. "The timing of the visit suggests …" is none: the verb means "indicates" there.
   */
  canSpeak(source: readonly Tok[]): boolean {
    const head = phraseHead(source) ?? source[source.length - 1];
    if (!head) return false;
    if ((source.length === 1 && head.lower in SOURCE_PRONOUNS) || isDocument(head)) return true;
    // A partitive with nothing after it counts people ("63 percent said", "some believe").
    return this.candidates.some((m) => covers(m, head)) || isAgentNoun(head.text) || PARTITIVE_WORDS.has(head.lower);
  }

  /** The organisation or person named inside a document phrase ("the agency's report" → the agency), or null. */
  private issuer(span: Span, head: Tok): string | null {
    // Before the document word ("the agency's report") or after it ("footage of Vidal"); never the document itself.
    return this.candidates.find((m) => m.agent && m.start >= span.start && m.end <= span.end && !covers(m, head))?.canonical ?? null;
  }

  /** A mention that covers the phrase's last word (the head): "Secretary of State Mateo Vidal", "he" from entities. */
  private mentionEndingAt(span: Span): Candidate | undefined {
    for (let i = this.candidates.length - 1; i >= 0; i--) {
      const m = this.candidates[i] as Candidate;
      if (m.end < span.end) break;
      if (m.start >= span.start && m.end === span.end) return m;
    }
    return this.candidates.find((m) => m.start >= span.start && m.end === span.end);
  }

  private pronoun(tok: Tok): string | null {
    const kind = SOURCE_PRONOUNS[tok.lower];
    if (kind === 'plural' || kind === undefined) return null;
    if (tok.lower === 'who' || tok.lower === 'which') return this.relative(tok.start);
    if (kind === 'x') return null; // "I", "it": no safe person to point at.
    const floor = tok.start - PRONOUN_WINDOW_CHARS;
    let fallback: Candidate | null = null;
    for (let i = this.candidates.length - 1; i >= 0; i--) {
      const m = this.candidates[i] as Candidate;
      if (m.end > tok.start) continue;
      if (m.start < floor) break;
      if (!m.person || m.plural || !this.genderFits(m, kind)) continue;
      if (m.subject) return this.learn(m.canonical, kind);
      fallback ??= m;
    }
    return fallback ? this.learn(fallback.canonical, kind) : null;
  }

  /** The last person before the label whose name ends in the label's last word, compared without case. */
  private surnamed(label: readonly Tok[]): string | null {
    const word = (label[label.length - 1] as Tok).lower;
    const at = (label[0] as Tok).start;
    // People by the last word of their name, in text order, built once: a transcript has a label per turn.
    if (!this.bySurname) {
      this.bySurname = new Map();
      for (const m of this.candidates) {
        if (!m.person) continue;
        const last = m.canonical.toLowerCase().split(/\s+/).pop() ?? '';
        const list = this.bySurname.get(last);
        if (list) list.push(m);
        else this.bySurname.set(last, [m]);
      }
    }
    const people = this.bySurname.get(word) ?? [];
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((people[mid] as Candidate).end <= at) lo = mid + 1;
      else hi = mid;
    }
    return people[lo - 1]?.canonical ?? null;
  }

  /**
   * "Officials said … They added …": the last group or coordinated source within the pronoun window, or null. Only
   * sources of earlier attributions count (a plural noun anywhere else is too weak a guess).
   */
  private lastGroup(at: number): Speaker | null {
    for (let i = this.candidates.length - 1; i >= 0; i--) {
      const m = this.candidates[i] as Candidate;
      if (m.end > at) continue;
      if (m.start < at - PRONOUN_WINDOW_CHARS) break;
      // A coordination's part ("her aides") is remembered with the whole: the whole is the antecedent.
      if (!m.plural) continue;
      // The whole starts before its part: look back from the part, no further than the window.
      let whole = m;
      for (let j = i - 1; j >= 0 && (this.candidates[j] as Candidate).start >= at - PRONOUN_WINDOW_CHARS; j--) {
        const w = this.candidates[j] as Candidate;
        if (w.plural && w.start <= m.start && m.end <= w.end) whole = w;
      }
      return { name: whole.canonical, kind: whole.kind };
    }
    return null;
  }

  /** "X, who said": the mention just before the comma. */
  private relative(at: number): string | null {
    const before = this.candidates.filter((m) => m.end <= at && at - m.end <= 3);
    return before[before.length - 1]?.canonical ?? null;
  }

  private titled(head: string, at: number): string | null {
    for (let i = this.candidates.length - 1; i >= 0; i--) {
      const m = this.candidates[i] as Candidate;
      if (m.end <= at && m.person && m.titles.includes(head)) return m.canonical;
    }
    return null;
  }

  private genderFits(m: Candidate, kind: 'm' | 'f'): boolean {
    const known = m.gender === 'x' ? this.learnedGender.get(m.canonical) : m.gender;
    return known === undefined || known === kind;
  }

  private learn(canonical: string, kind: 'm' | 'f'): string {
    if (!this.learnedGender.has(canonical)) this.learnedGender.set(canonical, kind);
    return canonical;
  }

  private remember(span: Span, canonical: string, first: Tok): void {
    const gender = first.lower === 'he' ? 'm' : first.lower === 'she' ? 'f' : 'x';
    this.insert({ ...span, canonical, person: true, agent: true, gender, titles: [], subject: true, plural: false, kind: 'name' });
  }

  /** A group or coordinated source, for a later "they" (never a person: "he" and "she" skip it). */
  private rememberGroup(span: Span, speaker: Speaker): void {
    this.insert({ ...span, canonical: speaker.name, person: false, agent: true, gender: 'x', titles: [], subject: true, plural: true, kind: speaker.kind });
  }

  private insert(mention: Candidate): void {
    let i = this.candidates.length;
    while (i > 0 && (this.candidates[i - 1] as Candidate).start > mention.start) i--;
    this.candidates.splice(i, 0, mention);
  }
}

/** A source phrase split at its coordinating "and"s ("Vidal and her aides" → Vidal, her aides); one part if none. */
function conjuncts(source: readonly Tok[]): Tok[][] {
  const parts: Tok[][] = [[]];
  for (const tok of source) {
    if (tok.lower === 'and' || tok.text === '&') parts.push([]);
    else (parts[parts.length - 1] as Tok[]).push(tok);
  }
  return parts.every((p) => p.length > 0) ? parts : [[...source]];
}

/** A word in capitals of two letters or more ("VIDAL", "MS."). */
function isUpperWord(word: string): boolean {
  return word.length >= 2 && /\p{Lu}/u.test(word) && word === word.toUpperCase() && !/\p{Ll}/u.test(word);
}

/** The mention holds the token. */
function covers(m: Span, tok: Tok): boolean {
  return m.start <= tok.start && tok.end <= m.end;
}

/**
 * A word's forms to look up: as written, its singulars ("agencies" → agency, "analyses" → analysis) and, for a
 * prefixed compound, its last part ("ex-wife" → wife, "co-editors" → editor).
 */
function lookupForms(word: string): string[] {
  const key = titleKey(word);
  const whole = [key, key.replace(/s$/, ''), key.replace(/es$/, ''), key.replace(/ies$/, 'y'), key.replace(/ses$/, 'sis')];
  const dash = key.lastIndexOf('-');
  return dash > 0 ? [...whole, ...lookupForms(key.slice(dash + 1))] : whole;
}

/**
 * Answers of `isAgentNoun` and `isDocument` by word: each builds five to ten forms with regexes, and the same head
 * words come back in every article. Cleared whole when full (a word is a few dozen bytes).
 */
const AGENT_NOUN_WORDS = new Map<string, boolean>();
const DOCUMENT_HEADS = new Map<string, boolean>();
const WORD_ANSWERS = 20_000;

function remembered(answers: Map<string, boolean>, word: string, answer: (word: string) => boolean): boolean {
  const known = answers.get(word);
  if (known !== undefined) return known;
  if (answers.size >= WORD_ANSWERS) answers.clear();
  const value = answer(word);
  answers.set(word, value);
  return value;
}

/** A word for people or a body that speaks, in any of its plural forms ("officials", "agencies", "witnesses"). */
export function isAgentNoun(word: string): boolean {
  return remembered(AGENT_NOUN_WORDS, word, (w) => lookupForms(w).some((f) => f in TITLE_WORDS || NON_PERSON_WORDS.has(f) || AGENT_NOUNS.has(f)));
}

/** A head noun naming a document or someone's words ("the report", "independent analyses", "his remarks"). */
function isDocument(head: Tok): boolean {
  return remembered(DOCUMENT_HEADS, head.text, (w) => lookupForms(w).some((f) => DOCUMENT_WORDS.has(f)));
}
