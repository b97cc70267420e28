import type { EntityMention, EntityType } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import { firstNameGender, gazetteerKey } from './gazetteer.js';
import { type RoleSpan, wordKey } from './roles.js';
import { type EntityToken, isDefiniteArticle, isListedTitle, isListedTitleToken, isPronoun, isTitleModifierToken } from './tokens.js';
import { FEMALE_TITLES, KNOWN_ALIASES, MALE_TITLES, PRONOUNS, TITLE_SYNONYMS, TITLES } from './vocabulary.js';

/**
 * A typed name before linking: token range, span, text, type and the role read next to it. Every field is always
 * present, `role` undefined when none was read: one object shape keeps the linking code optimised once (see `Draft`
 * in ./index.ts).
 */
export interface TypedName {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  role: (RoleSpan & { text: string }) | undefined;
}

type Gender = 'female' | 'male';

/** Words skipped when building an acronym from a name ("Bank of England" → "BE", "Partido de la …" → "P…"). */
const ACRONYM_SKIP = new Set(['of', 'for', 'and', 'the', 'de', 'del', 'la', 'las', 'los', 'y', '&']);
/** Splits a role into lower-case words ("Gov." → "gov"). */
const WORD_BREAK = /[\s.]+/;
/** Most modifiers allowed between the article and the title in "the former secretary". */
const MAX_TITLE_MODIFIERS = 2;

/**
 * Links every name to its canonical form inside the article (surname → full name, acronym → expansion, "U.S." →
 * "United States") and adds mentions for bare titles ("the secretary") and pronouns ("she") when exactly one
 * person fits. Returns all mentions in text order.
 */
export function linkMentions(tokens: readonly EntityToken[], names: readonly TypedName[]): EntityMention[] {
  const fullNames = indexFullNames(names);
  const acronyms = acronymTable(names);
  const out: EntityMention[] = names.map((n) => {
    let canonical = n.text;
    let via: EntityMention['via'] = 'name';
    if (n.type === 'person') {
      const full = nameWords(n.text).length === 1 || isSuffixName(n.text) ? fullNameFor(n, fullNames) : null;
      if (full) ({ name: canonical, via } = full);
    } else {
      const alias = KNOWN_ALIASES.get(gazetteerKey(n.text)) ?? acronyms.get(n.text.replace(/\./g, ''));
      if (alias && alias !== n.text) [canonical, via] = [alias, 'alias'];
    }
    const mention: EntityMention = { start: n.start, end: n.end, type: n.type, text: n.text, canonical, via };
    // Roles are offices people hold; a role read next to a place or an organisation is a misreading.
    if (n.role && !n.role.honorific && n.type === 'person') mention.role = stripRole(n.role);
    return mention;
  });
  const genders = personGenders(names, out);
  out.push(...titleMentions(tokens, out, names));
  out.push(...pronounMentions(tokens, out, genders));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function stripRole(role: RoleSpan & { text: string }): Span & { text: string } {
  return { start: role.start, end: role.end, text: role.text };
}

function nameWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** Two-word surnames written without the first name ("López Obrador") are linked like one-word surnames. */
function isSuffixName(text: string): boolean {
  return nameWords(text).length === 2;
}

/**
 * The full name a short person mention stands for: the closest earlier full name ending with the same words
 * (else the first later one); a lone first name matching exactly one full name is an alias.
 */
function fullNameFor(n: TypedName, fullNames: FullNameIndex): { name: string; via: 'surname' | 'alias' } | null {
  const words = nameWords(n.text).map(gazetteerKey);
  let before: TypedName | null = null;
  let after: TypedName | null = null;
  for (const f of fullNames.byLast.get(words[words.length - 1] ?? '') ?? []) {
    const fw = f.keys;
    if (fw.length <= words.length) continue;
    const tail = fw.slice(fw.length - words.length);
    if (tail.every((w, i) => w === words[i])) {
      if (f.start < n.start) before = f;
      else if (!after) after = f;
    }
  }
  const surname = before ?? after;
  if (surname) return { name: surname.text, via: 'surname' };
  if (words.length !== 1) return null;
  const byFirst = new Set((fullNames.byFirst.get(words[0] ?? '') ?? []).map((f) => f.text));
  const [only] = byFirst;
  return byFirst.size === 1 && only ? { name: only, via: 'alias' } : null;
}

type KeyedName = TypedName & { keys: string[] };

/** Person names of two or more words, by their first and by their last word (folded), in text order. */
interface FullNameIndex {
  byFirst: Map<string, KeyedName[]>;
  byLast: Map<string, KeyedName[]>;
}

function indexFullNames(names: readonly TypedName[]): FullNameIndex {
  const index: FullNameIndex = { byFirst: new Map(), byLast: new Map() };
  for (const n of names) {
    if (n.type !== 'person') continue;
    const keys = nameWords(n.text).map(gazetteerKey);
    if (keys.length < 2) continue;
    const keyed = { ...n, keys };
    for (const [map, key] of [
      [index.byFirst, keys[0] ?? ''],
      [index.byLast, keys[keys.length - 1] ?? ''],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(keyed);
      map.set(key, list);
    }
  }
  return index;
}

/** Acronyms of multi-word organisation and place names in the article ("FBI" → "Federal Bureau of Investigation"). */
function acronymTable(names: readonly TypedName[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const n of names) {
    if (n.type !== 'org' && n.type !== 'place') continue;
    const words = nameWords(n.text).filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()));
    if (words.length < 2) continue;
    table.set(words.map((w) => w[0] ?? '').join(''), n.text);
  }
  return table;
}

/** Gender of each person canonical name, from first names and gendered titles; unknown ones are absent. */
function personGenders(names: readonly TypedName[], mentions: readonly EntityMention[]): Map<string, Gender> {
  const votes = new Map<string, Set<Gender>>();
  const vote = (canonical: string, g: Gender | null): void => {
    if (!g) return;
    const set = votes.get(canonical) ?? new Set<Gender>();
    set.add(g);
    votes.set(canonical, set);
  };
  mentions.forEach((m, i) => {
    if (m.type !== 'person') return;
    const g = firstNameGender(nameWords(m.canonical)[0] ?? '');
    vote(m.canonical, g === 'female' || g === 'male' ? g : null);
    const role = names[i]?.role;
    if (!role) return;
    for (const w of role.text.toLowerCase().split(WORD_BREAK)) vote(m.canonical, FEMALE_TITLES.has(w) ? 'female' : MALE_TITLES.has(w) ? 'male' : null);
  });
  const genders = new Map<string, Gender>();
  for (const [name, set] of votes) {
    const [only] = set;
    if (set.size === 1 && only) genders.set(name, only);
  }
  return genders;
}

/** "the secretary", "la ministra": a bare title after a definite article, linked when one earlier person holds it. */
function titleMentions(tokens: readonly EntityToken[], mentions: readonly EntityMention[], names: readonly TypedName[]): EntityMention[] {
  const holders = new Map<string, Array<{ canonical: string; start: number }>>();
  mentions.forEach((m, i) => {
    const role = names[i]?.role;
    if (m.type !== 'person' || !role || role.honorific) return;
    for (const word of role.text.toLowerCase().split(WORD_BREAK)) {
      if (!TITLES.has(word)) continue;
      const list = holders.get(word) ?? [];
      list.push({ canonical: m.canonical, start: m.start });
      holders.set(word, list);
    }
  });
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const det = tokens[i];
    if (!det || !isDefiniteArticle(det.word)) continue;
    let j = i + 1;
    const modifierThenTitle = (k: number): boolean =>
      isTitleModifierToken(tokens[k]) && (isListedTitleToken(tokens[k + 1]) || isTitleModifierToken(tokens[k + 1]));
    while (j - i - 1 < MAX_TITLE_MODIFIERS && modifierThenTitle(j)) j++;
    const title = tokens[j];
    const next = tokens[j + 1];
    if (!title || !isListedTitle(title.word) || (next?.capitalized && next.sentence === title.sentence)) continue;
    const key = wordKey(title);
    const held = [...(holders.get(key) ?? []), ...(holders.get(TITLE_SYNONYMS.get(key) ?? '') ?? [])];
    const people = new Set(held.filter((h) => h.start < det.start).map((h) => h.canonical));
    const [only] = people;
    if (people.size !== 1 || !only) continue;
    out.push({ start: det.start, end: title.end, type: 'person', text: textOf(tokens, i, j + 1), canonical: only, via: 'title' });
    i = j;
  }
  return out;
}

/** Text of tokens `[first, last)` as written (one space where the text has any). */
function textOf(tokens: readonly EntityToken[], first: number, last: number): string {
  let s = '';
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    if (!t) break;
    s += (k > first && prev && t.start > prev.end ? ' ' : '') + t.text;
  }
  return s;
}

/**
 * "he"/"she" outside quotations, linked only when exactly one person of a compatible gender was named earlier in
 * the same sentence, or else in the previous sentence: anything less certain is left unlinked.
 */
function pronounMentions(tokens: readonly EntityToken[], mentions: readonly EntityMention[], genders: ReadonlyMap<string, Gender>): EntityMention[] {
  // Sentence (plus one; 0 for none) of the last token starting at each offset, and whether any token there is quoted:
  // typed arrays by offset instead of a map probed for every token.
  let end = 0;
  for (const t of tokens) end = Math.max(end, t.start + 1);
  for (const m of mentions) end = Math.max(end, m.start + 1);
  const sentenceAt = new Int32Array(end);
  const quotedAt = new Uint8Array(end);
  for (const t of tokens) {
    sentenceAt[t.start] = t.sentence + 1;
    if (t.quoted) quotedAt[t.start] = 1;
  }
  const sentenceOf = (m: EntityMention): number => (sentenceAt[m.start] as number) - 1;
  const bySentence = new Map<number, EntityMention[]>();
  const add = (m: EntityMention, s: number): void => {
    const list = bySentence.get(s) ?? [];
    list.push(m);
    bySentence.set(s, list);
  };
  // A name said inside a quotation is what the speaker talks about, never who a later "she said" refers to.
  for (const m of mentions) if (m.type === 'person' && quotedAt[m.start] === 0) add(m, sentenceOf(m));
  const out: EntityMention[] = [];
  for (const t of tokens) {
    if (!isPronoun(t.word) || t.quoted) continue;
    const gender = PRONOUNS.get(t.lower);
    if (!gender) continue;
    const compatible = (m: EntityMention): boolean => (genders.get(m.canonical) ?? gender) === gender;
    const inSentence = (bySentence.get(t.sentence) ?? []).filter((m) => m.start < t.start);
    const window = inSentence.length > 0 ? inSentence : (bySentence.get(t.sentence - 1) ?? []);
    const names = new Set(window.filter(compatible).map((m) => m.canonical));
    const [only] = names;
    if (names.size !== 1 || !only) continue;
    const linked: EntityMention = { start: t.start, end: t.end, type: 'person', text: t.text, canonical: only, via: 'pronoun' };
    out.push(linked);
    // Resolved pronouns join the candidates, so "She said … she added" chains to the same person.
    add(linked, t.sentence);
  }
  return out;
}
