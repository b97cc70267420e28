import { gazetteerKind, isFirstName, MAX_GAZETTEER_WORDS } from './gazetteer.js';
import { wordKey } from './roles.js';
import { type EntityToken, isListedFirstName, isListedTitle, isListedTitleToken, listedKind, startsListedPhrase } from './tokens.js';
import { inResultsLine } from './typing.js';
import {
  COMPOUND_ADJECTIVE,
  LEGAL_SUFFIXES,
  MISC_TAILS,
  NAME_CONNECTORS,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_TAILS,
  PLACE_HEADS,
  PLACE_TAILS,
  STATE_WORDS,
  TITLES,
} from './vocabulary.js';

/** A run of tokens that may be a name: `[first, last)` token indexes. */
export interface TokenRun {
  first: number;
  last: number;
}

/** Languages with their own connector rules; anything else uses the English ones. */
export type EntityLanguage = 'en' | 'es';

/** Longest all-capital word still read as a name when no list knows it ("UNICEF", "NASDAQ"). */
const MAX_ACRONYM_LETTERS = 6;
/** Longest name run in tokens: longer runs are lists or title-case prose, cut to keep the rules linear. */
const MAX_RUN_TOKENS = 12;
/** Lower-case connectors allowed in a row inside a name ("de la", "van der"). */
const MAX_CONNECTORS = 2;

/** English connectors that join a head and its complement ("Bank of England"), not two names. */
const HEAD_GATED = new Set(['of', 'for']);
/** The one connector Spanish names use ("Secretaría de Salud", "Juan de la Fuente"). */
const DE = new Set(['de', 'del']);
/** Articles join only after "de" ("de la", "de los"). */
const AFTER_DE_ONLY = new Set(['la', 'las', 'los', 'el']);

/**
 * Finds maximal runs of capitalised tokens in sentences where capitals carry meaning, joined by name connectors
 * ("Bank of England", "Juan de la Fuente", "Bosnia and Herzegovina" as one gazetteer phrase). Sentence-initial
 * words count only when the tagger tags them as proper nouns (English), a list knows them, or the same word appears
 * capitalised inside a sentence elsewhere in the article.
 */
export function findNameRuns(tokens: readonly EntityToken[], language: EntityLanguage): TokenRun[] {
  const midSentence = new Set<string>();
  for (const t of tokens) if (t.capitalized && !t.sentenceInitial && !t.caseless) midSentence.add(t.lower);
  const nameLike = (t: EntityToken | undefined): boolean => t !== undefined && isNameToken(t, language, midSentence);
  const runs: TokenRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const dateline = datelinePlace(tokens, i);
    if (dateline > i) {
      runs.push({ first: i, last: dateline });
      i = dateline;
      continue;
    }
    const listed = t && !t.caseless ? gazetteerPhrase(tokens, i) : i;
    // A capitalised sentence opener needs more than its capital: a list, a second name word, or a score after it.
    const opener =
      t !== undefined &&
      !t.sentenceInitial &&
      t.capitalized &&
      (NAME_OPENERS.has(t.lower) || isListedFirstName(t.word)) &&
      nameLike(tokens[i + 1]) &&
      !isListedTitleToken(tokens[i + 1]);
    const weakStart = t?.sentenceInitial && !standsAlone(t, language, midSentence) && !nameLike(tokens[i + 1]) && !inResultsLine(tokens, i + 1);
    if (!t || t.caseless || (listed === i && !opener && (!nameLike(t) || weakStart))) {
      i++;
      continue;
    }
    let last = Math.max(i + 1, listed);
    while (last < tokens.length && last - i < MAX_RUN_TOKENS && tokens[last]?.sentence === t.sentence) {
      const phrase = gazetteerPhrase(tokens, last);
      if (phrase > last + 1) {
        last = phrase;
        continue;
      }
      if (nameLike(tokens[last]) || surnameLikeWord(tokens, last)) {
        last++;
        continue;
      }
      const joined = connectorEnd(tokens, i, last, language, nameLike);
      if (joined === last) break;
      last = joined;
    }
    if (!isShouted(tokens, i, last)) runs.push(...splitLeading(tokens, { first: i, last }));
    i = last;
  }
  return runs;
}

/**
 * "American Dennis Mitchell", "St. Louis-based Mercantile Bancorp": a nationality before a person's name, or a
 * "X-based" adjective before a name, is a mention of its own. A listed whole ("American Express") stays whole.
 */
function splitLeading(tokens: readonly EntityToken[], whole: TokenRun): TokenRun[] {
  // "Former Italian …", "Ruling Moslem party": a leading adjective of time or power is no part of a name.
  let first = whole.first;
  while (first < whole.last - 1 && LEADING_ADJECTIVES.has(tokens[first]?.lower ?? '')) first++;
  const run = { first, last: whole.last };
  if (run.last - run.first < 2 || gazetteerPhrase(tokens, run.first) >= run.last) return [run];
  for (let k = run.first; k < run.last - 1; k++) {
    if (COMPOUND_ADJECTIVE.test(tokens[k]?.text ?? '')) {
      return [
        { first: run.first, last: k + 1 },
        { first: k + 1, last: run.last },
      ];
    }
  }
  const head = gazetteerPhrase(tokens, run.first);
  const end = head > run.first ? head : run.first + 1;
  if (end >= run.last || gazetteerKind(textOf(tokens, run.first, end)) !== 'demonym') return [run];
  const next = tokens[end]?.text ?? '';
  if (!isFirstName(next) && !INITIAL.test(next)) return [run];
  return [
    { first: run.first, last: end },
    { first: end, last: run.last },
  ];
}

/** Adjectives that open a capitalised run without being part of the name after them. */
const LEADING_ADJECTIVES = new Set(['former', 'late', 'ruling', 'acting', 'interim', 'then', 'ex']);

function textOf(tokens: readonly EntityToken[], first: number, last: number): string {
  let s = '';
  for (let k = first; k < last; k++) s += (k > first ? spaceBefore(tokens, k) : '') + (tokens[k]?.text ?? '');
  return s;
}

/**
 * Function words that open a name inside a sentence when a name follows ("First Union", "New Democracy"); listed
 * first names do too ("Jan Kroslak", "Will Carling", "May Ling").
 */
const NAME_OPENERS = new Set(['first', 'second', 'third', 'new', 'jan', 'will', 'may']);

/** An initial ("A.", "I."), never the article "a" or the pronoun "I". */
const INITIAL = /^\p{Lu}\.$/u;

/** Particles written with a capital inside names ("Filip De Wilde", "Ana De la Cruz"), otherwise function words. */
const CAPITAL_PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'do', 'dos', 'du', 'la', 'le', 'el', 'al', 'van', 'von', 'der', 'den']);

/**
 * End of a dateline's place ("KESTWICK, Calif.", "RIO DE JANEIRO, Brazil"): words in capitals opening a block and
 * ending at a comma. Returns `at` when there is none.
 */
function datelinePlace(tokens: readonly EntityToken[], at: number): number {
  const t = tokens[at];
  if (!t?.allCaps || (at > 0 && tokens[at - 1]?.block === t.block)) return at;
  let k = at;
  while (k < tokens.length && k - at < MAX_DATELINE_WORDS && tokens[k]?.allCaps && tokens[k]?.block === t.block) k++;
  return tokens[k]?.text === ',' ? k : at;
}

/** Words of a dateline's place. */
const MAX_DATELINE_WORDS = 4;

/** "Peter Such", "Tom Will": a capitalised common word right after a listed first name is the surname. */
function surnameLikeWord(tokens: readonly EntityToken[], at: number): boolean {
  const t = tokens[at];
  const prev = tokens[at - 1];
  return t !== undefined && prev !== undefined && t.capitalized && !t.sentenceInitial && t.sentence === prev.sentence && isListedFirstName(prev.word);
}

/** Several unlisted all-capital words in a row inside a normal sentence: a shouted label ("PRESS DIGEST"), not a name. */
function isShouted(tokens: readonly EntityToken[], first: number, last: number): boolean {
  if (last - first < 2) return false;
  for (let k = first; k < last; k++) if (!tokens[k]?.allCaps) return false;
  return gazetteerKind(textOf(tokens, first, last)) === undefined;
}

/** A sentence-initial word that is a name by itself (an acronym, a listed or known name), not only a PROPN tag. */
function standsAlone(t: EntityToken, language: EntityLanguage, midSentence: ReadonlySet<string>): boolean {
  if (t.allCaps || midSentence.has(t.lower) || listedKind(t.word) !== undefined || isListedTitle(t.word)) return true;
  if (isListedCompound(t)) return true;
  // A listed first name opening a sentence ("Frankie scored"), when the part-of-speech tagger agrees it is a proper noun.
  return isListedFirstName(t.word) && (language !== 'en' || t.pos === 'PROPN');
}

/** "Tripoli-based diplomats": an adjective made from a listed name (the tagger rightly calls it ADJ, not PROPN). */
function isListedCompound(t: EntityToken): boolean {
  return COMPOUND_ADJECTIVE.test(t.text) && gazetteerKind(t.text.slice(0, t.text.lastIndexOf('-'))) !== undefined;
}

/** Whether a single token can be part of a name. */
function isNameToken(t: EntityToken, language: EntityLanguage, midSentence: ReadonlySet<string>): boolean {
  if (!t.capitalized || t.text.length === 1) return false;
  // "PRESS DIGEST", "FORECAST": shouted words in a normal sentence; acronyms are short.
  if (t.allCaps && t.text.length > MAX_ACRONYM_LETTERS && listedKind(t.word) === undefined) return false;
  if (NEVER_NAMES.has(wordKey(t)) && !INITIAL.test(t.text)) return !t.sentenceInitial && CAPITAL_PARTICLES.has(t.lower);
  if (!t.sentenceInitial) return true;
  // A sentence-initial acronym or shouted word joins the run, where `isShouted` judges a shouted phrase as a whole.
  if (t.allCaps || midSentence.has(t.lower) || listedKind(t.word) !== undefined || isListedFirstName(t.word) || TITLES.has(t.lower) || isListedCompound(t))
    return true;
  return language === 'en' && t.pos === 'PROPN';
}

/**
 * End of the run after joining lower-case connectors at `at`, or `at` when no connector applies: the connectors
 * must be followed by a name token in the same sentence.
 */
function connectorEnd(
  tokens: readonly EntityToken[],
  first: number,
  at: number,
  language: EntityLanguage,
  nameLike: (t: EntityToken | undefined) => boolean,
): number {
  let j = at;
  while (j - at < MAX_CONNECTORS && isConnector(tokens, first, at, j, language)) j++;
  if (j === at || !nameLike(tokens[j]) || tokens[j]?.sentence !== tokens[first]?.sentence) return at;
  return j;
}

function isConnector(tokens: readonly EntityToken[], first: number, at: number, j: number, language: EntityLanguage): boolean {
  const t = tokens[j];
  if (!t) return false;
  if (t.text === '&') return true;
  if (t.capitalized) return false;
  if (t.lower === 'and' && j === at) return organisationFollows(tokens, j + 1);
  if (AFTER_DE_ONLY.has(t.lower)) return j > at && DE.has(tokens[j - 1]?.lower ?? '');
  if (language === 'es') return DE.has(t.lower);
  if (!NAME_CONNECTORS.has(t.lower)) return false;
  if (!HEAD_GATED.has(t.lower)) return true;
  if (j !== at || first >= at) return false;
  // "of" joins right after a head word: "Bank of England", "Secretary of State", "Republic of Ireland"; not "Biden
  // of Delaware", "President Tono Eitel of Germany" or a company suffix ("Acme Inc of Tulsa").
  const w = wordKey(tokens[at - 1]);
  if (LEGAL_SUFFIXES.has(w)) return false;
  return ORG_HEADS.has(w) || ORG_TAILS.has(w) || PLACE_HEADS.has(w) || PLACE_TAILS.has(w) || STATE_WORDS.has(w) || MISC_TAILS.has(w) || TITLES.has(w);
}

/**
 * "and" joins two parts of one organisation's name only when the few capitalised words after it end with an
 * organisation word ("Test and County Cricket Board", "Futures and Options Exchange"), never two people ("Trump
 * and Biden") nor a name and a longer title ("Brennan and Council President Veit").
 */
function organisationFollows(tokens: readonly EntityToken[], from: number): boolean {
  let k = from;
  while (k < tokens.length && k - from < MAX_AND_LOOKAHEAD && tokens[k]?.capitalized) k++;
  const w = wordKey(tokens[k - 1]);
  return k > from && !tokens[k]?.capitalized && ORG_TAILS.has(w) && !LEGAL_SUFFIXES.has(w);
}

/** Capitalised words looked at after "and" for an organisation word. */
const MAX_AND_LOOKAHEAD = 4;

/** End of the longest gazetteer phrase starting at `at` (a phrase ends on a capitalised word), or `at`. */
export function gazetteerPhrase(tokens: readonly EntityToken[], at: number): number {
  let best = at;
  let phrase = '';
  const first = tokens[at];
  if (!first?.capitalized || !startsListedPhrase(first.word)) return at;
  for (let j = at; j < tokens.length && j - at < MAX_GAZETTEER_WORDS; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== first.sentence) break;
    phrase = j === at ? t.text : `${phrase}${spaceBefore(tokens, j)}${t.text}`;
    if (j > at && t.capitalized && gazetteerKind(phrase) !== undefined) best = j + 1;
  }
  return best;
}

function spaceBefore(tokens: readonly EntityToken[], j: number): string {
  const prev = tokens[j - 1];
  const t = tokens[j];
  return prev && t && t.start > prev.end ? ' ' : '';
}

/**
 * Runs inside headlines written in capitals or title case, where capitals say nothing: only phrases the article
 * names elsewhere in normal case (`known`, lower-case) or a gazetteer lists are taken, longest first.
 */
export function findCaselessRuns(tokens: readonly EntityToken[], known: ReadonlySet<string>, knownMaxWords: number): TokenRun[] {
  const runs: TokenRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t?.caseless || !t.capitalized) {
      i++;
      continue;
    }
    let best = i;
    let phrase = '';
    for (let j = i; j < tokens.length && j - i < Math.max(knownMaxWords, MAX_GAZETTEER_WORDS); j++) {
      const u = tokens[j];
      if (!u?.caseless || u.sentence !== t.sentence) break;
      phrase = j === i ? u.lower : `${phrase}${spaceBefore(tokens, j)}${u.lower}`;
      // A lone function word ("THE", "LOS") is never a name, but it may start one ("LOS ANGELES", "THE HAGUE").
      if (u.capitalized && (j > i || !NEVER_NAMES.has(t.lower)) && (known.has(phrase) || gazetteerKind(phrase) !== undefined)) best = j + 1;
    }
    if (best > i) {
      runs.push({ first: i, last: best });
      i = best;
    } else {
      i++;
    }
  }
  return runs;
}
