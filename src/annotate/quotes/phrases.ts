import { isIntentVerb, isReportOnlyVerb, speechForms, speechVerb } from './cue-words.js';
import { isClausePunct, type Tok } from './tokens.js';
import {
  BETWEEN_SOURCE_AND_CUE,
  CUE_PARTICLES,
  HEAD_LINKS,
  PARTICLE_ONLY_VERBS,
  PARTITIVE_WORDS,
  SOURCE_FIRST_PHRASES,
  SOURCE_PRONOUNS,
  TIME_WORDS,
  VENUE_STARTS,
  VENUE_STOPS,
} from './vocabulary.js';

/**
 * Phrase finders over one block's tokens: the cue, the source noun phrase on either side of it, and the venue.
 * Token indexes are inclusive at both ends (`first`..`last`); callers turn them into character spans.
 */

/** A run of tokens `first..last` (inclusive); `head` is the name's last token when an appositive follows it. */
export interface TokRange {
  first: number;
  last: number;
  head?: number;
}

/** A cue: a speech verb (with particle) or a source-first phrase ("according to"). */
export interface CueMatch extends TokRange {
  lemma: string;
  /** The source comes after the cue ("according to X", "según X"). */
  sourceFirst: boolean;
}

/** Longest verbless adjunct skipped between a cue and "that" ("said during a rally in Michigan that"). */
export const MAX_ADJUNCT_TOKENS = 10;

/** Longest source noun phrase, in tokens: longer runs are clauses, not names. */
export const MAX_SOURCE_TOKENS = 12;

/**
 * The cue starting at token `i`, if any. English verbs must be tagged as verbs ("the reports" is not a cue) unless
 * `loose` (before a colon and a quote the tagger's noun reading is wrong: "The Times reports: “…”").
 */
export function cueAt(tokens: readonly Tok[], i: number, loose = false): CueMatch | null {
  const tok = tokens[i];
  // Asked at every token, and almost no word opens a cue: one lookup turns the others away.
  if (!tok || !CUE_STARTS.has(tok.lower)) return null;
  if (SOURCE_FIRST_STARTS.has(tok.lower))
    for (const phrase of SOURCE_FIRST_PHRASES) {
      if (phrase.every((w, k) => tokens[i + k]?.lower === w)) return { first: i, last: i + phrase.length - 1, lemma: phrase.join(' '), sourceFirst: true };
    }
  const verb = speechVerb(tok.lower);
  if (!verb) return null;
  const next = tokens[i + 1];
  if (!loose && verb.lang === 'en' && tok.pos !== 'VERB' && tok.pos !== 'AUX' && !intentAfterName(tokens, i, verb.lemma)) return null;
  const required = PARTICLE_ONLY_VERBS[verb.lemma];
  // "called for a ban", "called on the board to resign" report a demand; "called the office" does not.
  if (required) return next && required.includes(next.lower) ? { first: i, last: i + 1, lemma: verb.lemma, sourceFirst: false } : null;
  const last = next && CUE_PARTICLES.has(next.lower) && verb.lemma !== 'say' ? i + 1 : i;
  return { first: i, last, lemma: verb.lemma, sourceFirst: false };
}

/**
 * "The Tax Policy Center plans to release …": the tagger reads "plans" after a name as a plural noun; a name or noun
 * right before it and "to" right after make it the verb (not "Clinton's plans to …", where a possessive comes first).
 */
function intentAfterName(tokens: readonly Tok[], i: number, lemma: string): boolean {
  const before = tokens[i - 1];
  return isIntentVerb(lemma) && tokens[i + 1]?.lower === 'to' && before !== undefined && (before.pos === 'PROPN' || before.pos === 'NOUN');
}

/** The speech cue starting at token `i` (as `cueAt`), never a verb of intention or stance: those report, not quote. */
export function speechCueAt(tokens: readonly Tok[], i: number, loose = false): CueMatch | null {
  const cue = cueAt(tokens, i, loose);
  return cue && !isReportOnlyVerb(cue.lemma) ? cue : null;
}

/** First words of the source-first phrases. */
const SOURCE_FIRST_STARTS: ReadonlySet<string> = new Set(SOURCE_FIRST_PHRASES.map((phrase) => phrase[0] ?? ''));
/** Every word a cue can start with: a source-first phrase's first word or a speech verb's form. */
const CUE_STARTS: ReadonlySet<string> = new Set([...SOURCE_FIRST_STARTS, ...speechForms()]);

function isNpToken(tok: Tok): boolean {
  if (canHead(tok)) return true;
  if (tok.pos === 'DET' || tok.pos === 'ADJ' || tok.pos === 'NUM' || POSSESSIVES.has(tok.lower)) return true;
  if (tok.text === "'s" || tok.text === '’s' || tok.pos === 'PART') return tok.text !== 'not' && tok.text !== "n't" && tok.text !== 'to';
  return NP_LINKS.has(tok.lower) || tok.text === '-' || /^\p{Lu}\.$/u.test(tok.text);
}

/** Prepositions inside a source phrase ("secretary of state", "la ministra de Economía"). */
const NP_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'de', 'del']);

/** Possessive determiners open a noun phrase ("her aides"); the tagger may call them pronouns. */
const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their', 'su', 'sus']);

/** Tags of words that never head a noun phrase, even written capitalised ("Nearly eight of 10 voters"). */
const NOT_HEADS: ReadonlySet<string> = new Set(['DET', 'NUM', 'PRON', 'ADV', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'VERB', 'AUX']);

/**
 * A word that can head a noun phrase: a noun, or a capitalised word of a name (the tagger may call it an
 * adjective); never a capitalised function word ("But", "While" open clauses, not names).
 */
function canHead(tok: Tok): boolean {
  return tok.pos === 'NOUN' || tok.pos === 'PROPN' || (tok.cap && !NOT_HEADS.has(tok.pos));
}

/**
 * The head word of a source phrase: the last noun before a linking preposition ("the timing of the minister's
 * announcement" → timing, "officials at the ministry" → officials), past a possessive ("the minister's aide" →
 * aide). A quantity or a partitive before "of" gives way to what it counts ("one of the officials", "a number of
 * experts" → officials, experts). Undefined when the phrase holds no noun.
 */
export function phraseHead(source: readonly Tok[]): Tok | undefined {
  let from = 0;
  let head: Tok | undefined;
  while (from < source.length) {
    head = undefined;
    let link = -1;
    for (let k = from; k < source.length; k++) {
      const tok = source[k] as Tok;
      if (k > from && HEAD_LINKS.has(tok.lower)) {
        link = k;
        break;
      }
      if (canHead(tok)) head = tok;
    }
    if (link < 0 || (head && !PARTITIVE_WORDS.has(head.lower))) return head;
    from = link + 1;
  }
  return head;
}

/** Whether the token is a subject pronoun that can be a source. */
export function isSourcePronoun(tok: Tok): boolean {
  return tok.lower in SOURCE_PRONOUNS;
}

/**
 * The source noun phrase ending just before token `end` (exclusive), skipping adverbs and auxiliaries between
 * it and the cue ("Vidal has also said"). `floor` is the first token the phrase may use.
 */
export function sourceBefore(tokens: readonly Tok[], end: number, floor: number): TokRange | null {
  let k = end - 1;
  // Auxiliaries and adverbs of any kind ("has firmly", "also repeatedly") sit between a source and its verb.
  while (k >= floor && (BETWEEN_SOURCE_AND_CUE.has((tokens[k] as Tok).lower) || (tokens[k] as Tok).pos === 'ADV')) k--;
  const bracketed = bracketedBefore(tokens, k, floor);
  if (bracketed) return bracketed;
  const appositive = appositiveBefore(tokens, k, floor);
  if (appositive) return appositive;
  k = skipTimeAdjunct(tokens, k, floor);
  if (k < floor) return null;
  const head = tokens[k] as Tok;
  if (isSourcePronoun(head)) return { first: k, last: k };
  if (!canHead(head)) return null;
  const s = phraseStart(tokens, k, floor);
  // "a statement released by the government praising …": a passive agent is the subject of the participle it
  // follows, and the "-ing" clause after it describes the statement, not the agent's words.
  if (tokens[s - 1]?.lower === 'by' && (tokens[end] as Tok | undefined)?.lower.endsWith('ing')) return null;
  return { first: coordinatedStart(tokens, s, floor), last: k };
}

/** First token of the noun phrase ending at token `k` (its last word), not before `floor`. */
function phraseStart(tokens: readonly Tok[], k: number, floor: number): number {
  let s = k;
  while (s - 1 >= floor && k - s < MAX_SOURCE_TOKENS && isNpToken(tokens[s - 1] as Tok) && !isTimeToken(tokens[s - 1] as Tok)) s--;
  // A phrase does not start with a linking word ("of", "for") or a possessive marker.
  while (
    s < k &&
    !canHead(tokens[s] as Tok) &&
    !POSSESSIVES.has((tokens[s] as Tok).lower) &&
    (tokens[s] as Tok).pos !== 'DET' &&
    (tokens[s] as Tok).pos !== 'ADJ' &&
    (tokens[s] as Tok).pos !== 'NUM'
  )
    s++;
  return s;
}

/**
 * Start of a coordinated source ending in the phrase that starts at `s`: "the secretary and her aides said" is
 * both, not the aides. Only when the first conjunct opens its clause (sentence start, after a comma or a
 * conjunction): after a verb or preposition the "and" joins objects ("praised Vidal and aides said …" is two clauses).
 */
function coordinatedStart(tokens: readonly Tok[], s: number, floor: number): number {
  const and = tokens[s - 1];
  if (!and || (and.lower !== 'and' && and.text !== '&') || s - 1 <= floor) return s;
  const left = tokens[s - 2] as Tok;
  if (!canHead(left) && !isSourcePronoun(left)) return s;
  const f = phraseStart(tokens, s - 2, floor);
  const before = tokens[f - 1];
  const opensClause = f === floor || !before || before.pos === 'PUNCT' || before.pos === 'CCONJ' || before.pos === 'SCONJ';
  return opensClause ? f : s;
}

/** Whether a token belongs to a time expression (the times layer marked it, or it is a time word). */
export function isTimeToken(tok: Tok): boolean {
  return tok.time === true || TIME_WORDS.has(tok.lower);
}

/**
 * Skips a time adjunct between a source and its verb ("Vidal earlier this month said", "officials on Tuesday
 * said"): a time phrase is never the one who speaks. Returns the token before the adjunct (below `floor` when
 * nothing else is left, so no source is found).
 */
function skipTimeAdjunct(tokens: readonly Tok[], k: number, floor: number): number {
  const last = tokens[k];
  if (!last || !(last.time === true || (TIME_WORDS.has(last.lower) && !TIME_LINKS.has(last.lower)))) return k;
  let j = k;
  while (j >= floor && isTimeToken(tokens[j] as Tok)) j--;
  while (j >= floor && ((tokens[j] as Tok).pos === 'ADV' || TIME_LINKS.has((tokens[j] as Tok).lower))) j--;
  return j;
}

/** Words that join a time expression but are not one alone ("on" Tuesday, "this" week, "el" lunes). */
const TIME_LINKS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'this', 'last', 'el', 'este', 'earlier', 'later']);

/** Prepositions of place: the name after one is a location, not a speaker. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'across', 'throughout', 'inside', 'near', 'en']);

/** Longest appositive between a name and its verb ("Scott Pruitt, the attorney general of Oklahoma, said"). */
export const MAX_APPOSITIVE_TOKENS = 16;

/** Longest bracketed aside between a name and its verb ("Sen. Ana Ruiz (D-N.M.) said", "the group (CPJ) said"). */
export const MAX_BRACKET_TOKENS = 8;

/**
 * A source followed by a bracketed aside, ending at token `k` (the closing bracket): the whole phrase, with the
 * words before the bracket as the name. A party and state after a legislator's name is the common case.
 */
function bracketedBefore(tokens: readonly Tok[], k: number, floor: number): TokRange | null {
  if ((tokens[k] as Tok | undefined)?.text !== ')') return null;
  for (let j = k - 1; j >= floor && k - j <= MAX_BRACKET_TOKENS; j--) {
    const tok = tokens[j] as Tok;
    if (tok.text === ')') return null;
    if (tok.text !== '(') continue;
    const name = sourceBefore(tokens, j, floor);
    return name && (tokens[name.last] as Tok).cap ? { first: name.first, last: k, head: name.head ?? name.last } : null;
  }
  return null;
}

/** A name followed by an appositive in commas, ending at token `k` (the closing comma): the whole, name first. */
function appositiveBefore(tokens: readonly Tok[], k: number, floor: number): TokRange | null {
  if ((tokens[k] as Tok | undefined)?.text !== ',') return null;
  for (let j = k - 2; j >= floor && k - j <= MAX_APPOSITIVE_TOKENS; j--) {
    if ((tokens[j] as Tok).text !== ',') continue;
    const name = sourceBefore(tokens, j, floor);
    // A name after a preposition of place is where something happens ("in Lima, the workers struck, saying …"),
    // not the subject an appositive describes.
    if (name && PLACE_PREPOSITIONS.has(tokens[name.first - 1]?.lower ?? '')) return null;
    if (name && (tokens[name.head ?? name.last] as Tok).cap) return { first: name.first, last: k - 1, head: name.head ?? name.last };
    // "The union's president, Rosa Vidal, said": the role first, the name in commas.
    if (name && isNameRun(tokens, j + 1, k - 1)) return { first: name.first, last: k - 1 };
    return null;
  }
  return null;
}

/** Longest name written in commas after a role ("the union's president, Rosa María Vidal Ruiz, said"). */
export const MAX_NAME_TOKENS = 5;

/** Tokens `first..last` are a capitalised name (words with letters, no clause punctuation). */
function isNameRun(tokens: readonly Tok[], first: number, last: number): boolean {
  if (last < first || last - first >= MAX_NAME_TOKENS) return false;
  for (let k = first; k <= last; k++) {
    const tok = tokens[k] as Tok;
    if (!tok.cap || !/^\p{L}/u.test(tok.text) || NOT_HEADS.has(tok.pos)) return false;
  }
  return true;
}

/** The source noun phrase starting at token `i` ("said Caddell", "according to the agency"), or null. */
export function sourceAfter(tokens: readonly Tok[], i: number, ceil: number): TokRange | null {
  const first = tokens[i];
  if (!first || i >= ceil) return null;
  if (isSourcePronoun(first)) return { first: i, last: i };
  let k = i;
  let lastNoun = -1;
  while (k < ceil && k - i < MAX_SOURCE_TOKENS) {
    const tok = tokens[k] as Tok;
    if (!isNpToken(tok) || isClausePunct(tok)) break;
    if (NP_LINKS.has(tok.lower) && !tokens[k + 1]?.cap && tokens[k + 1]?.pos !== 'DET') break;
    if (canHead(tok)) lastNoun = k;
    k++;
  }
  if (lastNoun < i) return null;
  // "dijo la ministra de Economía, Inés Valdivia, …": a title followed by the name in commas names the speaker.
  const name = appositiveName(tokens, lastNoun + 1, ceil);
  return name ?? { first: i, last: lastNoun };
}

/** A capitalised name between commas (or before the end) starting at `comma`, which must be a comma. */
function appositiveName(tokens: readonly Tok[], comma: number, ceil: number): TokRange | null {
  if ((tokens[comma] as Tok | undefined)?.text !== ',') return null;
  let k = comma + 1;
  while (k < ceil && k - comma <= 4 && (tokens[k] as Tok).cap && !isClausePunct(tokens[k] as Tok)) k++;
  const after = tokens[k];
  return k - comma >= 2 && (!after || k >= ceil || after.text === ',' || /^[.;]$/.test(after.text)) ? { first: comma + 1, last: k - 1 } : null;
}

/** The venue phrase starting at token `i` ("on social media", "in an interview with …"), or null. */
export function venueAt(tokens: readonly Tok[], i: number, ceil: number): TokRange | null {
  const start = VENUE_STARTS.find((phrase) => phrase.every((w, k) => tokens[i + k]?.lower === w));
  if (!start) return null;
  let k = i + start.length;
  while (k < ceil && k - i < MAX_SOURCE_TOKENS) {
    const tok = tokens[k] as Tok;
    if (VENUE_STOPS.has(tok.lower) || tok.pos === 'VERB' || tok.pos === 'SCONJ') break;
    k++;
  }
  return { first: i, last: k - 1 };
}

/**
 * Skips what may stand between a cue and its content: a listener ("told reporters"), venues, time words and
 * commas. Returns the first content token and the venue found, if any.
 */
export function skipToContent(tokens: readonly Tok[], cue: CueMatch, ceil: number, listener: boolean): { at: number; venue: TokRange | null } {
  let k = cue.last + 1;
  let venue: TokRange | null = null;
  if (listener) {
    const object = sourceAfter(tokens, k, ceil);
    if (object) {
      venue = object;
      k = object.last + 1;
    }
  }
  for (let guard = 0; guard < 6 && k < ceil; guard++) {
    const tok = tokens[k] as Tok;
    const v = venueAt(tokens, k, ceil);
    if (v) {
      venue ??= v;
      k = v.last + 1;
    } else if (TIME_WORDS.has(tok.lower) || tok.text === ',') k++;
    else break;
  }
  // "said during a Friday rally in Michigan that …": a verbless stretch before "that" is an adjunct.
  for (let j = k; j < ceil && j - k <= MAX_ADJUNCT_TOKENS; j++) {
    const tok = tokens[j] as Tok;
    if (tok.lower === 'that' || tok.lower === 'que') return { at: j + 1, venue };
    if (tok.pos === 'VERB' || tok.pos === 'AUX' || /^["“«.;:!?]$/.test(tok.text)) break;
  }
  return { at: k, venue };
}

/** Whether the token is a speech verb form at all (ignoring part of speech), for quick pre-filters. */
export function mayBeCue(tok: Tok): boolean {
  return speechVerb(tok.lower) !== undefined || SOURCE_FIRST_PHRASES.some((p) => p[0] === tok.lower);
}
