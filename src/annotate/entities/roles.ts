import type { Span } from '../../model/span.js';
import type { TokenRun } from './candidates.js';
import { gazetteerKind, isFirstName } from './gazetteer.js';
import { type EntityToken, isTitleModifierToken, isTitleWord } from './tokens.js';
import { HONORIFICS, NEVER_NAMES, ORG_HEADS, ORG_TAILS, PLACE_TAILS } from './vocabulary.js';

/** A role read next to a name: its span in the article and whether it is only an honorific ("Mr."). */
export interface RoleSpan extends Span {
  honorific: boolean;
}

/** A capitalised run split into an optional affiliation ("U.S."), an optional title ("President") and a name. */
export interface TitleSplit {
  affiliation?: TokenRun;
  title?: TokenRun;
  name: TokenRun;
}

/** Most tokens read to the left or right of a name when looking for its role. */
const MAX_ROLE_TOKENS = 8;
/** Words of a department after "of"/"de" when no first name marks where the person's name starts. */
const MAX_NAME_TOKENS_AFTER_DEPARTMENT = 2;
/** Words of an owner before "'s" in a role ("the United Auto Workers' president" stays bounded). */
const MAX_OWNER_TOKENS = 4;

const OF = new Set(['of', 'de', 'del']);
const STOP_LEFT = new Set(['the', 'a', 'an', 'el', 'la', 'los', 'las', 'un', 'una', 'said', 'and', 'y', 'by', 'por', 'with', 'con']);

/** Lower-cased token without a final period, so "Gov." and "gov" match the lists. */
export function wordKey(t: EntityToken | undefined): string {
  return t ? t.word.key : '';
}

/** A title word, also inside a hyphenated compound ("Major-General", "ex-president"): asked once per word. */
const isTitle = (t: EntityToken | undefined): boolean => t !== undefined && isTitleWord(t.word);
const isNameHead = (t: EntityToken | undefined): boolean => {
  const w = wordKey(t);
  return ORG_TAILS.has(w) || ORG_HEADS.has(w) || PLACE_TAILS.has(w);
};

/**
 * Splits "Secretary of State Mateo Vidal", "Defense Secretary Tom Keller", "U.S. President Donald Trump" or
 * "Federal Aviation Administration Director Ann Lee" into affiliation, title and name, at the last title word that
 * leaves a name after it. A run whose remainder holds an organisation or place word ("General Motors", "Justice
 * Department") or nothing at all ("Carole King") is left whole.
 */
export function splitTitle(tokens: readonly EntityToken[], run: TokenRun): TitleSplit {
  const whole = { name: run };
  let k = run.last - 2;
  while (k >= run.first && !(isTitle(tokens[k]) && !isFirstName(tokens[k - 1]?.text ?? ''))) k--;
  if (k < run.first) return whole;
  const titleEnd = OF.has(tokens[k + 1]?.lower ?? '') ? departmentEnd(tokens, k + 2, run.last) : k + 1;
  if (titleEnd >= run.last) return whole;
  // "Prime Minister John Major": a title word may end the name when a first name starts it.
  const named = isFirstName(tokens[titleEnd]?.text ?? '');
  for (let j = titleEnd; j < run.last; j++) if (isNameHead(tokens[j]) || (isTitle(tokens[j]) && !named)) return whole;
  let p = k;
  while (p > run.first && (isTitle(tokens[p - 1]) || isTitleModifierToken(tokens[p - 1]))) p--;
  return {
    ...(p > run.first ? { affiliation: { first: run.first, last: p } } : {}),
    title: { first: p, last: titleEnd },
    name: { first: titleEnd, last: run.last },
  };
}

/**
 * "Polish Foreign Minister", "Former South Carolina Gov.": a run ending in a title with no name after it is a role;
 * the words before the title are the only entity in it. Null when there are none or they are a first name ("Carole
 * King" is a person).
 */
export function affiliationBeforeTitle(tokens: readonly EntityToken[], run: TokenRun): TokenRun | null {
  if (run.last - run.first < 2 || !isTitle(tokens[run.last - 1])) return null;
  let p = run.last - 1;
  while (p > run.first && (isTitle(tokens[p - 1]) || isTitleModifierToken(tokens[p - 1]))) p--;
  if (p === run.first || isFirstName(tokens[p - 1]?.text ?? '')) return null;
  let a = run.first;
  while (a < p && isTitleModifierToken(tokens[a])) a++;
  return a < p ? { first: a, last: p } : null;
}

/** A run made only of titles and their modifiers ("Foreign Minister", "Speaker"): a role, not a name. */
export function isTitleOnly(tokens: readonly EntityToken[], run: TokenRun): boolean {
  let titles = 0;
  for (let k = run.first; k < run.last; k++) {
    const t = tokens[k];
    if (isTitle(t)) titles++;
    else if (!isTitleModifierToken(t) && !OF.has(t?.lower ?? '')) return false;
  }
  return titles > 0;
}

/** Where the person's name starts after "Secretary of …": at the first known first name, else the last words. */
function departmentEnd(tokens: readonly EntityToken[], from: number, last: number): number {
  const fallback = Math.max(from + 1, last - MAX_NAME_TOKENS_AFTER_DEPARTMENT);
  for (let j = from + 1; j < last; j++) {
    if (!isFirstName(tokens[j]?.text ?? '')) continue;
    // A given name written last ("Wen Tao") leaves one word: the name is then the last two words.
    return last - j < MAX_NAME_TOKENS_AFTER_DEPARTMENT && j - 1 > from ? fallback : j;
  }
  return fallback;
}

/**
 * A role written before a name: "former president Barack Obama", "Mexico's President Elena Brandt" (the
 * owner joins the role), "State Department spokesman Ned Price", "la ministra de Transporte, Ana García".
 * `titleFirst` is where a title split off the name's own run starts (its affiliation included), if any.
 */
export function roleBefore(tokens: readonly EntityToken[], nameFirst: number, titleFirst: number | null): RoleSpan | null {
  let end = nameFirst;
  let j = (titleFirst ?? nameFirst) - 1;
  if (titleFirst === null && tokens[j]?.text === ',') {
    // "la ministra de Transporte, Ana García": after a comma, only a title with its department.
    const dept = departmentStart(tokens, j - 1);
    if (dept === null) return null;
    end = j;
    j = dept;
  }
  const sentence = tokens[nameFirst]?.sentence;
  let first = titleFirst ?? end;
  let seenTitle = titleFirst !== null;
  for (let steps = 0; j >= 0 && steps < MAX_ROLE_TOKENS; steps++, j--) {
    const t = tokens[j];
    if (!t || t.sentence !== sentence || STOP_LEFT.has(t.lower) || NEVER_NAMES.has(t.lower)) break;
    if (t.lower === "'s" || t.lower === '’s') {
      let k = j - 1;
      while (k >= 0 && tokens[k]?.capitalized && j - k <= MAX_OWNER_TOKENS) k--;
      if (k + 1 < j) first = k + 1;
      break;
    }
    if (isTitle(t)) seenTitle = true;
    else if (!isTitleModifierToken(t) && !(seenTitle && t.capitalized)) break;
    first = j;
  }
  if (!seenTitle || first >= end) return null;
  let honorific = true;
  for (let k = first; k < end; k++) if (isTitle(tokens[k]) && !HONORIFICS.has(wordKey(tokens[k]))) honorific = false;
  const a = tokens[first];
  const b = tokens[end - 1];
  return a && b ? { start: a.start, end: b.end, honorific } : null;
}

/**
 * Start of the role that ends at `j` just before a comma and a name: "ministra de Transporte, X", "el canciller
 * argentino, X", "the Argentine foreign minister, X". Walking left over a department (capitalised words after
 * "de"/"of"), lower-case nationality adjectives and modifiers, it must reach a title; otherwise null ("In Lima, X").
 */
function departmentStart(tokens: readonly EntityToken[], j: number): number | null {
  for (let k = j; k >= 0 && j - k < MAX_ROLE_TOKENS; k--) {
    const t = tokens[k];
    if (!t) return null;
    if (isTitle(t)) return k;
    const partOfRole = t.capitalized || OF.has(t.lower) || isTitleModifierToken(t) || (!t.capitalized && gazetteerKind(t.text) === 'demonym');
    if (!partOfRole) return null;
  }
  return null;
}

/**
 * A role in apposition after a name: "Juan Pérez, the union's president," or "Ana García, ministra de
 * Transporte,". The phrase must end at a comma or the sentence end and hold a title word.
 */
export function roleAfter(tokens: readonly EntityToken[], nameLast: number): RoleSpan | null {
  if (tokens[nameLast]?.text !== ',') return null;
  const sentence = tokens[nameLast]?.sentence;
  let first = nameLast + 1;
  while (STOP_LEFT.has(tokens[first]?.lower ?? '') && first - nameLast < 3) first++;
  let hasTitle = false;
  let k = first;
  for (; k < tokens.length && k - first < MAX_ROLE_TOKENS; k++) {
    const t = tokens[k];
    if (!t || t.sentence !== sentence || t.text === ',' || t.text === '.' || t.text === ';') break;
    if (t.pos === 'VERB' || t.pos === 'AUX') return null;
    if (isTitle(t)) hasTitle = true;
  }
  const closer = tokens[k];
  if (!hasTitle || k === first || (closer && closer.sentence === sentence && closer.text !== ',' && closer.text !== '.')) return null;
  const a = tokens[first];
  const b = tokens[k - 1];
  return a && b ? { start: a.start, end: b.end, honorific: false } : null;
}
