import type { EntityType } from '../../model/annotations.js';
import { gazetteerKind, isFirstName, isLastName, KIND_TYPE } from './gazetteer.js';
import { wordKey } from './roles.js';
import type { EntityToken } from './tokens.js';
import {
  COMPOUND_ADJECTIVE,
  GROUP_NOUNS,
  HONORIFICS,
  MISC_TAILS,
  ORG_HEADS,
  ORG_NOUNS,
  ORG_TAILS,
  PERSON_VERBS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_TAILS,
  STATE_WORDS,
} from './vocabulary.js';

/** Evidence for each type, summed over cues (and, for document consistency, over mentions of the same name). */
export type TypeScores = Record<EntityType, number>;

/**
 * Weights of the typing cues. Calibrated by hand on the CoNLL++ dev file (conllpp_dev.txt; never the test file):
 * list and title cues must beat any sum of context cues, context cues only break ties between lists.
 */
export const CUE_WEIGHTS = {
  /** A gazetteer lists the whole name. */
  gazetteer: 4,
  /** A title, honorific or appositive role names a person. */
  role: 5,
  /** An organisation, place or event word heads or ends the name ("Ministry of …", "… Party", "… River"). */
  headWord: 3,
  /** The name starts with a listed first name or an initial. */
  firstName: 2,
  /** Two to four capitalised words with no other cue: most such names in news are people. */
  multiWordDefault: 0.5,
  /** All-capital short word ("NATO", "FBI") not listed as a place. */
  acronym: 1.5,
  /** A listed place inside a longer unlisted name ("Air France", "Dynamo Moscow"). */
  placeInside: 1,
  /** A lone listed first name ("Alan", "Frankie"): a person named briefly, unless a list says otherwise. */
  loneFirstName: 1.5,
  /** "the company Acme", "the Acme newspaper", "la empresa Acme". */
  orgNoun: 2,
  /** "the city of …", "la ciudad de …". */
  placeNoun: 3,
  /** The name ends with a listed last name. */
  lastName: 1,
  /** "in", "at", "from", "en" before the name. */
  placePreposition: 1,
  /** Followed by a score in a results line ("Surrey 22 points, Somerset 4"): a club. */
  teamScore: 5,
  /** "said", "told", "dijo" after the name. */
  personVerb: 0.75,
  /** ", who" / ", quien" after the name: a relative clause about a person. */
  relativeWho: 2,
  /** Followed by "'s" and a title ("Mexico's President"): an affiliation, a place or an organisation. */
  possessiveOwner: 0.75,
  /** A one-word name with nothing else to go on. */
  singleWordDefault: 0.25,
} as const;

/** An initial ("C.") starting a name marks a person ("C. Lewis"). */
const INITIAL = /^\p{Lu}\.$/u;

const OF = new Set(['of', 'de', 'del']);

/** "McAteer", "MacLeod", "O'Neill": prefixes found only in family names. */
const SURNAME_PREFIX = /^(?:Mc|Mac|O['’])\p{Lu}\p{Ll}/u;

/** Longest acronym typed as an organisation. */
const MAX_ACRONYM = 6;

/** An empty score table. */
export function noScores(): TypeScores {
  return { person: 0, org: 0, place: 0, group: 0, misc: 0 };
}

/** Scores one name from its own words and its immediate context; `roleFound` says a role was read next to it. */
export function scoreName(tokens: readonly EntityToken[], first: number, last: number, text: string, roleFound: boolean): TypeScores {
  const s = noScores();
  const w = CUE_WEIGHTS;
  const kind = gazetteerKind(text) ?? gazetteerKind(text.replace(/^(the|el|la|los|las) /i, ''));
  if (kind) s[KIND_TYPE[kind]] += w.gazetteer;
  if (roleFound) s.person += w.role;
  const head = wordKey(tokens[first]);
  const tail = wordKey(tokens[last - 1]);
  const size = last - first;
  if (kind === undefined && size > 1) scoreParts(tokens, first, last, s);
  // "U.S.-Mexico", "Mexico-United States": places joined by a hyphen make an adjective, not a person or a firm.
  if (text.includes('-') && text.split('-').every((part) => isPlaceName(part.trim()))) s.misc += w.gazetteer;
  // "Douglas & Lomason", "Procter & Gamble": an ampersand joins firms, not a person's names.
  if (size > 2 && text.includes('&')) s.org += w.headWord;
  // A listed name is not re-read word by word ("West Bank" is a place although "bank" heads organisations).
  if (kind !== undefined && size > 1) return withContext(tokens, first, last, text, s);
  if (size > 1 && hasWord(tokens, first, last, ORG_HEADS)) s.org += w.headWord;
  if (ORG_TAILS.has(tail) && (size > 1 || kind === undefined)) s.org += size > 1 ? w.headWord : w.acronym;
  if (size > 1 && (PLACE_TAILS.has(tail) || PLACE_HEADS.has(head) || hasWord(tokens, first, last, STATE_WORDS))) s.place += w.headWord;
  // "Labor Day", "PGA Tour", "World Series of Golf" (the head before "of"); not "Doris Day".
  if (size > 1 && (MISC_TAILS.has(tail) || headBeforeOf(tokens, first, last, MISC_TAILS)) && !isFirstName(tokens[first]?.text ?? '')) s.misc += w.headWord;
  if (size > 1 && !ORG_TAILS.has(tail) && headBeforeOf(tokens, first, last, ORG_TAILS)) s.org += w.headWord;
  if (size === 1 && GROUP_NOUNS.has(head)) s.group += w.gazetteer;
  if (COMPOUND_ADJECTIVE.test(tail)) s.misc += w.headWord;
  if ((isFirstName(tokens[first]?.text ?? '') || INITIAL.test(tokens[first]?.text ?? '')) && size > 1) s.person += w.firstName;
  else if (size === 1 && isFirstName(tokens[first]?.text ?? '')) s.person += w.loneFirstName;
  if (size > 1 && isLastName(tokens[last - 1]?.text ?? '')) s.person += w.lastName;
  // Family name first ("Wang Donghai", "Kim Jong"), or a Gaelic surname ("McAteer", "O'Neill").
  if (size === 2 && isLastName(tokens[first]?.text ?? '') && !isFirstName(tokens[first]?.text ?? '')) s.person += w.lastName;
  if (size === 1 && (SURNAME_PREFIX.test(tokens[first]?.text ?? '') || isLastName(tokens[first]?.text ?? ''))) s.person += w.lastName;
  const only = tokens[first];
  if (size === 1 && only?.allCaps && !only.caseless && only.text.replace(/\./g, '').length <= MAX_ACRONYM && !kind) s.org += w.acronym;
  if (size > 1 && size <= 4 && !kind) s.person += w.multiWordDefault;
  return withContext(tokens, first, last, text, s);
}

/** Relative pronouns that refer to people only. */
const WHO = new Set(['who', 'whom', 'quien', 'quién', 'quienes']);

/** Cues from the words around the name. */
function withContext(tokens: readonly EntityToken[], first: number, last: number, text: string, s: TypeScores): TypeScores {
  const w = CUE_WEIGHTS;
  const before = tokens[first - 1];
  if (before && PLACE_PREPOSITIONS.has(before.lower)) s.place += w.placePreposition;
  if ((before && ORG_NOUNS.has(before.lower)) || (tokens[last] && ORG_NOUNS.has(tokens[last]?.lower ?? ''))) s.org += w.orgNoun;
  if (before && OF.has(before.lower) && PLACE_NOUNS.has(tokens[first - 2]?.lower ?? '')) s.place += w.placeNoun;
  if (before && HONORIFICS.has(wordKey(before))) s.person += w.role;
  const after = tokens[last];
  if (after && PERSON_VERBS.has(after.lower)) s.person += w.personVerb;
  if (after?.text === ',' && WHO.has(tokens[last + 1]?.lower ?? '')) s.person += w.relativeWho;
  if (isTeamScore(tokens, first, last) || isOpponent(tokens, first, last, text)) s.org += w.teamScore;
  if (inDateline(tokens, first, last)) s.place += w.headWord;
  if (after && (after.lower === "'s" || after.lower === '’s')) {
    s.place += w.possessiveOwner / 2;
    s.org += w.possessiveOwner / 2;
  }
  return s;
}

/**
 * Cues from listed words inside an unlisted name: "Northern Cape" (compass word + place) is a place, "Iraqi Kurds"
 * (ending in a nationality) a group, "Air France" or "Dynamo Moscow" (a place inside a longer name) an organisation.
 */
function scoreParts(tokens: readonly EntityToken[], first: number, last: number, s: TypeScores): void {
  const w = CUE_WEIGHTS;
  const lastKind = gazetteerKind(tokens[last - 1]?.text ?? '');
  if (lastKind === 'demonym' && !isFirstName(tokens[first]?.text ?? '')) {
    s.group += w.headWord;
    return;
  }
  let place = false;
  let compass = true;
  for (let k = first; k < last; k++) {
    const kind = gazetteerKind(tokens[k]?.text ?? '');
    if (kind === 'country' || kind === 'city' || kind === 'region') place = true;
    else if (!COMPASS.has(wordKey(tokens[k]))) compass = false;
  }
  if (place && compass) s.place += w.headWord;
  else if (place) s.org += w.placeInside;
}

function isPlaceName(text: string): boolean {
  const kind = gazetteerKind(text);
  return kind === 'country' || kind === 'city' || kind === 'region';
}

/** Direction words that make a place name out of a place ("Northern Cape", "South China", "East Jerusalem"). */
const COMPASS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'greater',
  'arab',
  'old',
  'new',
]);

/**
 * "Surrey 22 points, Somerset 4", "Lotte 6 Hyundai 2": in a results line a club named after its city or county is
 * followed by its score. Names with a first name or an initial (players) and countries (national teams, which
 * news text treats as the country) are left alone.
 */
function isTeamScore(tokens: readonly EntityToken[], first: number, last: number): boolean {
  if (!inResultsLine(tokens, last)) return false;
  const head = tokens[first]?.text ?? '';
  // Players are written with a first name or an initial; a lone word that is also a first name ("Chelsea") is a club.
  if (INITIAL.test(head) || (last - first > 1 && isFirstName(head))) return false;
  const text = tokens
    .slice(first, last)
    .map((t) => t.text)
    .join(' ');
  return gazetteerKind(text) !== 'country';
}

/**
 * Whether the token at `at` is a score with another score in the same sentence: a results line, not "Madrid
 * 2025" or "Boeing 737".
 */
export function inResultsLine(tokens: readonly EntityToken[], at: number): boolean {
  const score = tokens[at];
  if (!score || !SCORE.test(score.text) || score.sentence !== tokens[at - 1]?.sentence) return false;
  for (let k = at + 1; k < tokens.length && tokens[k]?.sentence === score.sentence; k++) if (SCORE.test(tokens[k]?.text ?? '')) return true;
  // The last team of "Chicago 4 Houston 3" has its partner's score before it.
  for (let k = at - 2; k >= 0 && tokens[k]?.sentence === score.sentence; k--) if (SCORE.test(tokens[k]?.text ?? '')) return true;
  return false;
}

/**
 * "Leicestershire beat Somerset": a city or region just before or after a match verb is a club. Countries are left
 * alone (national teams are read as the country).
 */
function isOpponent(tokens: readonly EntityToken[], first: number, last: number, text: string): boolean {
  const kind = gazetteerKind(text);
  if (kind !== 'city' && kind !== 'region') return false;
  return MATCH_VERBS.has(tokens[last]?.lower ?? '') || MATCH_VERBS.has(tokens[first - 1]?.lower ?? '');
}

/** Verbs of a match result, between two opponents. */
const MATCH_VERBS = new Set([
  'beat',
  'beats',
  'defeated',
  'defeats',
  'edged',
  'thrashed',
  'routed',
  'crushed',
  'outclassed',
  'overcame',
  'venció',
  'derrotó',
  'goleó',
]);

/**
 * A dateline opens its paragraph with a place in capitals and a comma, then maybe a region or country: "NICE,
 * France", "IRVINE, Calif.", "MEXICO CITY, Mexico (AP)".
 */
function inDateline(tokens: readonly EntityToken[], first: number, last: number): boolean {
  const head = tokens[first];
  const startsBlock = (k: number): boolean => k === 0 || tokens[k - 1]?.block !== tokens[k]?.block;
  if (head?.allCaps && startsBlock(first) && tokens[last]?.text === ',') return true;
  if (tokens[first - 1]?.text !== ',') return false;
  for (let k = first - 2; k >= 0 && first - 2 - k < MAX_DATELINE_HEAD; k--) {
    const t = tokens[k];
    if (!t?.allCaps || t.block !== head?.block) return false;
    if (startsBlock(k)) return true;
  }
  return false;
}

/** Tokens of a dateline's place in capitals ("RIO DE JANEIRO"). */
const MAX_DATELINE_HEAD = 4;

/** A score or an innings total: "3", "22", "429-7". */
const SCORE = /^\d{1,3}(?:-\d{1,2})?$/;

/** Adds `b` into `a`. */
export function addScores(a: TypeScores, b: TypeScores): void {
  for (const k of Object.keys(a) as EntityType[]) a[k] += b[k];
}

/** The best-scoring type; ties and empty tables fall back to `fallback`. */
export function bestType(s: TypeScores, fallback: EntityType): EntityType {
  let best: EntityType = fallback;
  let top = 0;
  for (const k of Object.keys(s) as EntityType[]) {
    if (s[k] > top) {
      top = s[k];
      best = k;
    }
  }
  return best;
}

/** Total evidence in a table: how sure the typing is. */
export function strength(s: TypeScores): number {
  return s.person + s.org + s.place + s.group + s.misc;
}

/** Whether a word of the list stands right before "of"/"for"/"de" inside the name ("Organisation for Security"). */
function headBeforeOf(tokens: readonly EntityToken[], first: number, last: number, list: ReadonlySet<string>): boolean {
  for (let k = first; k < last - 1; k++) if (list.has(wordKey(tokens[k])) && OF_FOR.has(tokens[k + 1]?.lower ?? '')) return true;
  return false;
}

const OF_FOR = new Set(['of', 'for', 'de', 'del']);

function hasWord(tokens: readonly EntityToken[], first: number, last: number, list: ReadonlySet<string>): boolean {
  for (let k = first; k < last; k++) if (list.has(wordKey(tokens[k]))) return true;
  return false;
}
