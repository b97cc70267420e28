import { ownClass, verbLemma } from './claims.js';
import tablesFile from './related-predicates.json' with { type: 'json' };
import { LIGHT_VERBS, PREDICATE_CLASS, VERB_ONLY } from './vocabulary.js';

/**
 * Predicate classes that tell one happening though they are not one class ("killed" and "died" of one victim,
 * "attack" and "hit" of one strike): learned from ECB+ (scripts/build-predicate-relatedness.ts), not listed by hand.
 * A pair is kept when event mentions of the two classes in different documents of one sub-topic co-refer often
 * enough, in enough topics. One table per half of the topics (held-out scoring of the other half) and one on all
 * topics (the engine's); each row is [class, class, mention pairs co-referring, mention pairs apart].
 */
export type RelatedRow = [string, string, number, number];

export interface RelatedTables {
  even: RelatedRow[];
  odd: RelatedRow[];
  all: RelatedRow[];
  /**
   * Event nouns the lexicon lacks, learned the same way per half ("rampage", "heist": ECB+ annotates most of their
   * occurrences as event mentions): claim frames read them as predicates of their own class (their stem).
   */
  nouns: { even: string[]; odd: string[]; all: string[] };
}

export const RELATED_TABLES = tablesFile as unknown as RelatedTables;

/** A table as a lookup: "a|b" with the two classes in sorted order. */
export type RelatedPredicates = ReadonlySet<string>;

export function relatedSet(rows: readonly RelatedRow[]): RelatedPredicates {
  return new Set(rows.map(([a, b]) => pairKey(a, b)));
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

let current: RelatedPredicates = relatedSet(RELATED_TABLES.all);

/** The same class, or two classes the table relates. */
export function compatiblePredicates(a: string, b: string): boolean {
  return a === b || current.has(pairKey(a, b));
}

/** Two predicates of different classes that the table relates (a pair-model feature reads it). */
export function relatedPredicates(a: string, b: string): boolean {
  return a !== b && current.has(pairKey(a, b));
}

/**
 * Runs `run` with another table in force: held-out scoring gives each half of ECB+ the table learned on the
 * other half, without threading the table through every caller of the alignment.
 */
export function withRelatedPredicates<T>(table: RelatedPredicates, run: () => T): T {
  const before = current;
  current = table;
  try {
    return run();
  } finally {
    current = before;
  }
}

let nouns: ReadonlySet<string> = new Set(RELATED_TABLES.nouns.all);

/** A singular lower-case noun the learned table reads as an event ("rampage"). */
export function learnedEventNoun(noun: string): boolean {
  return nouns.has(noun);
}

/** Runs `run` with another set of learned event nouns in force (held-out scoring: the other half's). */
export function withEventNouns<T>(table: ReadonlySet<string>, run: () => T): T {
  const before = nouns;
  nouns = table;
  try {
    return run();
  } finally {
    nouns = before;
  }
}

/**
 * The predicate class claim frames give word `i` of a tagged sentence (claims.ts): a verb its phrasal or lexicon
 * class ("passed away": die), else its stem; a noun its lexicon class (an event noun), or its stem when it is a
 * learned event noun; null for light verbs and other words.
 */
export function predicateKey(words: readonly string[], tags: readonly string[], i: number): string | null {
  const lower = (words[i] ?? '').toLowerCase();
  const pos = tags[i];
  if (pos === 'NOUN' || pos === 'PROPN') {
    if (VERB_ONLY.has(lower)) return null;
    const known = PREDICATE_CLASS.get(lower) ?? PREDICATE_CLASS.get(lower.replace(/s$/u, ''));
    if (known) return known;
    const singular = lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
    return pos === 'NOUN' && learnedEventNoun(singular) ? ownClass(singular) : null;
  }
  if (pos !== 'VERB') return null;
  const lemma = verbLemma(lower);
  for (const next of words.slice(i + 1, i + 3)) {
    const phrasal = PREDICATE_CLASS.get(`${lemma}_${next.toLowerCase()}`);
    if (phrasal) return phrasal;
  }
  if (LIGHT_VERBS.has(lemma)) return null;
  return PREDICATE_CLASS.get(lemma) ?? ownClass(lemma);
}
