import type { Span } from '../../model/span.js';
import {
  ABBREVIATIONS,
  AS_SOON_AS,
  FUTURE_CUES,
  FUTURE_PAIRS,
  NOT_PAST_ED,
  PARTICIPLE_AUXILIARIES,
  PAST_AUXILIARIES,
  PAST_CUES,
  PREPOSITION_TENSE,
  PROGRESSIVE_AUXILIARIES,
} from './cues.js';
import type { Tense } from './spec.js';
import { type Token, tokenize } from './tokens.js';

/**
 * Which way a clause points in time, read from the words nearest an expression: a weekday or a month without a year
 * is placed before the reference date in a past clause ("met on Friday", "in February it fell") and after it in a
 * future one ("will travel on Tuesday"). chrono-node always picks the next occurrence, which puts most news
 * weekdays and months in the future (../shared/LIBRARIES.md); no library reads tense for this, hence these rules.
 */

/** How far (in tokens) to look on each side of the expression for a tense cue, inside its sentence. */
const CUE_WINDOW = 12;

/**
 * The tense of the clause around tokens `[first, last]`: the nearest cue on either side, within the sentence
 * (`limit`, character offsets, when a sentence splitter has run; else punctuation and line breaks decide).
 */
export function tenseAround(tokens: readonly Token[], first: number, last: number, limit?: Span): Tense {
  const preposition = PREPOSITION_TENSE.get(tokens[first - 1]?.lower ?? '');
  if (preposition !== undefined) return preposition;
  if (tokens[first - 1]?.lower === 'as' && AS_SOON_AS.has(tokens[first - 2]?.lower ?? '') && tokens[first - 3]?.lower === 'as') return 1;
  let leftOpen = true;
  let rightOpen = true;
  for (let distance = 1; distance <= CUE_WINDOW && (leftOpen || rightOpen); distance++) {
    const left = first - distance;
    if (leftOpen && (left < 0 || boundaryBefore(tokens, left + 1) || (limit && (tokens[left] as Token).start < limit.start))) leftOpen = false;
    const leftCue = leftOpen ? cueAt(tokens, left) : null;
    if (leftCue !== null) return leftCue;
    const right = last + distance;
    if (rightOpen && (right >= tokens.length || boundaryBefore(tokens, right) || (limit && (tokens[right] as Token).end > limit.end))) rightOpen = false;
    const rightCue = rightOpen ? cueAt(tokens, right) : null;
    if (rightCue !== null) return rightCue;
  }
  return null;
}

/** Whether a sentence ends between token `i - 1` and token `i` (a line break, or ".", "!", "?", ";" not after an abbreviation). */
function boundaryBefore(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.lineBreak) return true;
  const previous = tokens[i - 1];
  if (previous?.kind !== 'punct') return false;
  if (previous.lower === '!' || previous.lower === '?' || previous.lower === ';') return true;
  if (previous.lower !== '.' || !t.gap) return false;
  const word = tokens[i - 2];
  return !(word && word.kind === 'word' && (ABBREVIATIONS.has(word.lower) || word.lower.length === 1));
}

function cueAt(tokens: readonly Token[], i: number): Tense {
  const t = tokens[i];
  if (t?.kind !== 'word') return null;
  const w = t.lower;
  const pair = FUTURE_PAIRS.get(w);
  const future = (pair !== undefined && tokens[i + 1]?.lower === pair) || FUTURE_CUES.has(w);
  if (future) return afterPastAuxiliary(tokens, i) ? -1 : 1;
  if (PROGRESSIVE_AUXILIARIES.has(w) && isGerund(tokens[i + 1])) return 0;
  // A past form after "be", "is", "will", "can"… is a participle ("will be held", "can be exercised"), not a past event.
  const participle = PARTICIPLE_AUXILIARIES.has(tokens[i - 1]?.lower ?? '');
  if (!participle && (PAST_CUES.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w)))) return -1;
  // Spanish future ("viajará", "llegarán") and preterite ("viajó", "anunciaron", "dijeron").
  if (w.length > 4 && /(?:rá|rán|ré|remos)$/.test(w)) return 1;
  if (w.length > 3 && /(?:ó|aron|ieron)$/.test(w)) return -1;
  return null;
}

/** "was expected to", "had been scheduled", "había previsto": a plan told in the past. */
function afterPastAuxiliary(tokens: readonly Token[], i: number): boolean {
  return PAST_AUXILIARIES.has(tokens[i - 1]?.lower ?? '') || PAST_AUXILIARIES.has(tokens[i - 2]?.lower ?? '');
}

function isGerund(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.lower.length > 4 && /(?:ing|ando|iendo)$/.test(t.lower);
}

/** Verbs of saying: "officials said he will travel" tells the plan, not a past happening. */
const SAYING = new Set(['said', 'says', 'told', 'tells', 'stated', 'added', 'reported', 'announced', 'dijo', 'dijeron', 'afirmó', 'anunció']);

/**
 * Which way the first sentence of a text points in time: the first tense cue in it, verbs of saying skipped ("will
 * travel", "plans to visit" → 1; "arrived", "met" → -1; "is flying on Tuesday" → 0), null when it has none. A lead
 * names its happening first, so its first verb says whether the happening is still to come or has taken place.
 */
export function leadTense(text: string): Tense {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && boundaryBefore(tokens, i)) break;
    if (SAYING.has((tokens[i] as Token).lower)) continue;
    const cue = cueAt(tokens, i);
    if (cue !== null) return cue;
  }
  return null;
}
