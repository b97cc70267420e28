import type { EntityType } from '../../model/annotations.js';
import {
  CITIES,
  COUNTRIES,
  DEMONYMS,
  EXTRA_PLACES,
  FEMALE_FIRST_NAMES,
  KNOWN_PEOPLE,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  ORGANIZATIONS,
  REGIONS,
  SPORTS_TEAMS,
  UNISEX_FIRST_NAMES,
} from './data/gazetteer-data.js';
import { GROUP_NOUNS, SPANISH_DEMONYMS } from './vocabulary.js';

/** What a gazetteer entry says a name is. */
export type GazetteerKind = 'country' | 'city' | 'region' | 'org' | 'team' | 'person' | 'demonym';

function set(list: string): Set<string> {
  return new Set(list.split('|'));
}

const KINDS = new Map<string, GazetteerKind>();
// Later lists win: a name that is both a region and a country ("Georgia") is read as the country.
for (const [list, kind] of [
  [REGIONS, 'region'],
  [CITIES, 'city'],
  [EXTRA_PLACES, 'region'],
  [COUNTRIES, 'country'],
  [ORGANIZATIONS, 'org'],
  [SPORTS_TEAMS, 'team'],
  [KNOWN_PEOPLE, 'person'],
] as const) {
  for (const name of list.split('|')) KINDS.set(name, kind);
}
for (const name of [...DEMONYMS.split('|'), ...SPANISH_DEMONYMS, ...GROUP_NOUNS]) {
  if (!KINDS.has(name)) KINDS.set(name, 'demonym');
}

/** Longest gazetteer entry in words, so phrase lookups stop early. */
export const MAX_GAZETTEER_WORDS = 5;

/** Whether some listed name of two or more words starts with this word. */
export function startsPhrase(word: string): boolean {
  return PHRASE_STARTS.has(gazetteerKey(word));
}

const MALE = set(MALE_FIRST_NAMES);
const FEMALE = set(FEMALE_FIRST_NAMES);
const UNISEX = set(UNISEX_FIRST_NAMES);
const LAST = set(LAST_NAMES);

/** Lower-cased, accent-free, dot-free key, so "México", "MEXICO" and "U.S." match the lists. */
export function gazetteerKey(phrase: string): string {
  const memo = KEYS.get(phrase);
  if (memo !== undefined) return memo;
  const key = fold(phrase);
  remember(KEYS, phrase, key);
  return key;
}

/**
 * `gazetteerKey(text.slice(start, end)) === key` without the slice and the memo lookup when the span is ASCII, which
 * folding only lower-cases and strips of dots (`fold`).
 */
export function spanHasKey(text: string, start: number, end: number, key: string): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return gazetteerKey(text.slice(start, end)) === key;
  let j = 0;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c === DOT) continue;
    if (c >= UPPER_A && c <= UPPER_Z) c += LOWER_A - UPPER_A;
    if (j >= key.length || key.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === key.length;
}

const DOT = 46;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;

function fold(phrase: string): string {
  const lower = phrase.toLowerCase();
  // Most names are plain ASCII: skip the costly Unicode decomposition for them.
  const folded = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
  return folded.includes('.') ? folded.replace(DOTS, '') : folded;
}

/**
 * The rules ask about the same words many times per article (every token is tried as a name start, a first name,
 * a phrase start): bounded memos keep those lookups to one map read. Cleared whole when full.
 */
const MEMO_SIZE = 50_000;
const KEYS = new Map<string, string>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
}

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const DOTS = /\./g;

const FOLDED = new Map<string, GazetteerKind>();
for (const [name, kind] of KINDS) {
  const key = fold(name);
  if (!FOLDED.has(key)) FOLDED.set(key, kind);
}

/** First words of multi-word entries (folded): a phrase lookup starting elsewhere can stop at once. */
const PHRASE_STARTS = new Set<string>();
for (const name of KINDS.keys()) {
  const space = name.indexOf(' ');
  if (space > 0) PHRASE_STARTS.add(fold(name.slice(0, space)));
}

/**
 * First two words of multi-word entries (folded, one space between). Folding works word by word, so a phrase of
 * words whose first two are not listed here is not listed at all: the tagger's phrase features stop at one lookup
 * instead of joining and looking up every length.
 */
const PHRASE_PAIRS = new Set<string>();
for (const key of FOLDED.keys()) {
  const words = key.split(' ');
  if (words.length >= 2) PHRASE_PAIRS.add(`${words[0]} ${words[1]}`);
}

/**
 * Second words of multi-word entries (folded). A pair of words can start a listed name only when the second one's
 * key is here (keys with a space never pair: the pairs hold exactly one), so the tagger asks this once per word
 * and joins a pair only after it.
 */
const PHRASE_SECONDS = new Set<string>();
for (const key of PHRASE_PAIRS) PHRASE_SECONDS.add(key.slice(key.indexOf(' ') + 1));

/** Whether some listed name of two or more words starts with these two words (joined by a space). */
export function startsPhrasePair(first: string, second: string): boolean {
  return PHRASE_PAIRS.has(`${gazetteerKey(first)} ${gazetteerKey(second)}`);
}

/** Whether some listed name of two or more words has this word second (`startsPhrasePair` is false otherwise). */
export function continuesPhrase(word: string): boolean {
  return PHRASE_SECONDS.has(gazetteerKey(word));
}

/** The kind of a phrase ("new york" → city), or undefined when no list has it. */
export function gazetteerKind(phrase: string): GazetteerKind | undefined {
  const memo = MEMO.get(phrase);
  if (memo !== undefined) return memo === NONE ? undefined : memo;
  const kind = KINDS.get(phrase.toLowerCase()) ?? FOLDED.get(gazetteerKey(phrase));
  remember(MEMO, phrase, kind ?? NONE);
  return kind;
}

const NONE = 'none';
const MEMO = new Map<string, GazetteerKind | typeof NONE>();

type NameGender = 'female' | 'male' | 'unknown' | null;
const GENDERS = new Map<string, NameGender>();

/** Gender a first name suggests, `unknown` for unisex or unlisted names. */
export function firstNameGender(name: string): NameGender {
  const memo = GENDERS.get(name);
  if (memo !== undefined) return memo;
  const gender = listedGender(name.toLowerCase());
  remember(GENDERS, name, gender);
  return gender;
}

function listedGender(key: string): NameGender {
  const m = MALE.has(key);
  const f = FEMALE.has(key);
  if (m && !f) return 'male';
  if (f && !m) return 'female';
  if (m || f || UNISEX.has(key)) return 'unknown';
  return null;
}

/** Whether a word is a listed first name. */
export function isFirstName(name: string): boolean {
  return firstNameGender(name) !== null;
}

/** Whether a word is a listed last name. */
export function isLastName(name: string): boolean {
  let listed = LAST_MEMO.get(name);
  if (listed === undefined) {
    listed = LAST.has(name.toLowerCase());
    remember(LAST_MEMO, name, listed);
  }
  return listed;
}

const LAST_MEMO = new Map<string, boolean>();

/** The type of a listed name's kind, for names the tagger did not find or type. */
export const KIND_TYPE: Record<GazetteerKind, EntityType> = {
  country: 'place',
  city: 'place',
  region: 'place',
  org: 'org',
  team: 'org',
  person: 'person',
  demonym: 'group',
};
