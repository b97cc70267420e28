import { type Article, layer } from '../../model/article.js';
import { analyzeSpan, type Token } from '../nlp.js';
import { NEVER_NAMES } from './vocabulary.js';

/** A token of the article with the features every entity rule reads. Offsets are into `Article.text`. */
export interface EntityToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Universal POS from the English tagger (src/annotate/pos/; for Spanish the tag is ignored). */
  pos: string;
  /** Starts with an upper-case letter. */
  capitalized: boolean;
  /** Two or more letters, all upper case ("NATO", "FBI"). */
  allCaps: boolean;
  /** First word of its sentence (or of a quotation or a clause after a colon), where capitals say nothing. */
  sentenceInitial: boolean;
  /** Inside a sentence written all in capitals or in title case, where capitals say nothing either. */
  caseless: boolean;
  /** Inside double quotation marks (pronouns there speak for the quoted person, not the narrator). */
  quoted: boolean;
  sentence: number;
  block: number;
}

/** Longest text analysed at once: a pathological block without breaks is cut so one block's arrays stay bounded. */
export const MAX_BLOCK_CHARS = 20_000;

/** Share of content words that must be capitalised for a sentence to count as title case. */
const TITLE_CASE_SHARE = 1;
/** Title case is only judged on sentences with at least this many content words ("Mateo Vidal." is not a headline). */
const TITLE_CASE_MIN_WORDS = 3;

/** "al-Aqsa", "bin-Laden": a lower-case particle joined to a capitalised name. */
const CAPITALISED_PART = /^\p{Ll}{1,3}-\p{Lu}/u;
const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
const OPENING = new Set(['"', '“', '«', "'", '‘', '(', '[', ':', '—', '–', '-']);
/** Block kinds that may be written in title case. */
const HEADING_KINDS: ReadonlySet<string> = new Set(['headline', 'subheadline', 'heading']);
const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»']);

/** What a token's letters look like, computed once per analysed block (bit flags). */
const HAS_LETTER = 1;
const HAS_LOWER = 2;
const STARTS_UPPER = 4;

/** A block token with the features that depend on its text alone, shared by every article holding that block. */
interface BlockToken extends Token {
  lower: string;
  capitalized: boolean;
  allCaps: boolean;
  shape: number;
}

/**
 * Block tokens by analysis. `analyzeSpan` returns the same cached object for the same block text, so the joining and
 * the per-token regex tests below run once per block text, not once per stage run; entries go with the analysis.
 */
const BLOCK_TOKENS = new WeakMap<object, BlockToken[]>();

function blockTokens(text: string, start: number, end: number): BlockToken[] {
  const analysis = analyzeSpan(text, start, end);
  const hit = BLOCK_TOKENS.get(analysis);
  if (hit) return hit;
  const out = analysis.tokens.map((t): BlockToken => {
    const upper = t.upper;
    const letter = LETTER.test(t.text);
    const lowerLetter = LOWER_LETTER.test(t.text);
    return {
      start: t.start,
      end: t.end,
      text: t.text,
      pos: t.pos,
      lower: t.lower,
      upper,
      capitalized: upper || CAPITALISED_PART.test(t.text),
      allCaps: t.text.length >= 2 && !lowerLetter && letter,
      shape: (letter ? HAS_LETTER : 0) | (lowerLetter ? HAS_LOWER : 0) | (upper ? STARTS_UPPER : 0),
    };
  });
  BLOCK_TOKENS.set(analysis, out);
  return out;
}

/**
 * Tokens of every block of the article, reusing the cached analysis the sentence stage made (src/annotate/nlp.ts). Sentence
 * numbers come from the `sentences` layer; blocks without sentences (datelines) count as one sentence each.
 */
export function articleTokens(article: Article): EntityToken[] {
  const sentences = layer(article, 'sentences');
  const out: EntityToken[] = [];
  const shapes: number[] = [];
  let sentenceIndex = 0;
  let nextSentenceNumber = sentences.length;
  let covered = 0;
  layer(article, 'blocks').forEach((block, blockIndex) => {
    // A dateline block lies inside its paragraph: its words were read with the paragraph, never read them twice.
    if (block.end <= covered) return;
    covered = Math.max(covered, block.end);
    const end = Math.min(block.end, block.start + MAX_BLOCK_CHARS);
    let quoted = false;
    const ownSentence = nextSentenceNumber++;
    const heading = HEADING_KINDS.has(block.kind);
    for (const t of blockTokens(article.text, block.start, end)) {
      const start = block.start + t.start;
      while (sentenceIndex < sentences.length && (sentences[sentenceIndex]?.end ?? 0) <= start) sentenceIndex++;
      const current = sentences[sentenceIndex];
      const inSentence = current !== undefined && current.start <= start;
      if (QUOTE_MARKS.has(t.text)) quoted = t.text === '"' ? !quoted : t.text === '“' || t.text === '«';
      const sentence = inSentence ? sentenceIndex : ownSentence;
      out.push({
        start,
        end: block.start + t.end,
        text: t.text,
        lower: t.lower,
        pos: t.pos,
        capitalized: t.capitalized,
        allCaps: t.allCaps,
        sentenceInitial: false,
        caseless: heading,
        quoted,
        sentence,
        block: blockIndex,
      });
      shapes.push(t.shape);
    }
  });
  markSentenceFeatures(out, shapes);
  return out;
}

/** Sets `sentenceInitial` and `caseless`, which depend on the whole sentence; `shapes` run parallel to `tokens`. */
function markSentenceFeatures(tokens: EntityToken[], shapes: readonly number[]): void {
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    const sentence = tokens[from]?.sentence;
    while (to < tokens.length && tokens[to]?.sentence === sentence) to++;
    const caseless = isCaseless(tokens, shapes, from, to, tokens[from]?.caseless === true);
    let expectStart = true;
    for (let k = from; k < to; k++) {
      const t = tokens[k] as EntityToken;
      t.caseless = caseless;
      if (((shapes[k] ?? 0) & HAS_LETTER) !== 0) {
        t.sentenceInitial = expectStart;
        expectStart = false;
      } else if (OPENING.has(t.text)) {
        expectStart = true;
      }
    }
    from = to;
  }
}

/**
 * A sentence in capitals, or a headline in title case (no content word in lower case). In headings that is enough;
 * in body text a line of names ("1. Dennis Mitchell (U.S.)") looks the same, so title case there also needs a
 * capitalised inflected verb ("Vidal Meets …") or a capitalised preposition inside the line ("… At the Border").
 */
function isCaseless(tokens: readonly EntityToken[], shapes: readonly number[], from: number, to: number, heading: boolean): boolean {
  let content = 0;
  let capitalised = 0;
  let letters = 0;
  let upperOnly = 0;
  let headlineWord = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as EntityToken;
    const shape = shapes[k] ?? 0;
    if ((shape & HAS_LETTER) === 0 || POSSESSIVE.has(t.lower)) continue;
    letters++;
    if ((shape & HAS_LOWER) === 0) upperOnly++;
    const capital = (shape & STARTS_UPPER) !== 0;
    if (NEVER_NAMES.has(t.lower)) {
      if (capital && k > from && HEADLINE_PREPOSITIONS.has(t.lower)) headlineWord = true;
      continue;
    }
    content++;
    if (capital) capitalised++;
    if (capital && t.pos === 'VERB' && INFLECTED.test(t.text)) headlineWord = true;
  }
  if (letters >= 2 && upperOnly === letters) return true;
  const titleCase = content >= TITLE_CASE_MIN_WORDS && capitalised >= content * TITLE_CASE_SHARE;
  return titleCase && (heading || headlineWord);
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** Prepositions a title-case headline capitalises inside the line ("… Amid Port Strike", "… At the Border"). */
const HEADLINE_PREPOSITIONS = new Set(['at', 'in', 'on', 'for', 'with', 'amid', 'over', 'after', 'before', 'against', 'to', 'from', 'into', 'by', 'as']);
/** An inflected verb ("Meets", "Killed", "Rising"): names seldom look like one, unlike "Rose" or "Pierce". */
const INFLECTED = /(?:s|ed|ing)$/;
