import { type Article, layer } from '../../model/article.js';
import { analyzeSpan, type Token } from '../nlp.js';
import { clearWithTable, wordText } from '../words.js';
import { type GazetteerKind, gazetteerKind, isFirstName, startsPhrase } from './gazetteer.js';
import type { WordInfo } from './tagger/features.js';
import { DEFINITE_ARTICLES, NEVER_NAMES, PRONOUNS, TITLE_MODIFIERS, TITLES } from './vocabulary.js';

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
  /** The facts of the token's text, shared by every token written so. */
  word: EntityWord;
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

/** Bits of `EntityWord.flags`: what a word's text looks like and which short lists hold it. */
const HAS_LETTER = 1;
const HAS_LOWER = 2;
const STARTS_UPPER = 4;
const POSSESSIVE_MARK = 8;
const NEVER_NAME = 16;
const HEADLINE_PREPOSITION = 32;
const INFLECTED_FORM = 64;
const OPENING_MARK = 128;
const QUOTE_MARK = 256;
const DEFINITE_ARTICLE = 512;
const PRONOUN = 1024;
/** Whether `STARTS_PHRASE` was computed yet: most words are never asked (only capitalised ones are). */
const STARTS_PHRASE_KNOWN = 2048;
const STARTS_PHRASE = 4096;
/** Whether `FIRST_NAME` and `EntityWord.kind` were computed yet: the name rules ask of capitalised words only. */
const FIRST_NAME_KNOWN = 8192;
const FIRST_NAME = 16384;
const KIND_KNOWN = 32768;
/** Whether the title bits were computed yet (the role rules ask of the words next to names and articles only). */
const TITLE_KNOWN = 65536;
const TITLE = 131072;
const LISTED_TITLE = 262144;
const TITLE_MODIFIER = 524288;

/**
 * What the rules read of a word's text alone, shared by every token written so. Computed once per distinct text
 * (three Unicode regex tests and half a dozen list lookups per token before, ≈15% of the stage), so a rule reads a
 * field instead of testing or hashing the text again.
 */
export interface EntityWord {
  text: string;
  lower: string;
  /** `lower` without a final period ("gov." → "gov"), as the word lists are keyed (`wordKey` in ./roles.ts). */
  key: string;
  capitalized: boolean;
  allCaps: boolean;
  flags: number;
  /** The lists' kind of the word's text alone (`listedKind`), once `KIND_KNOWN` is set. */
  kind: GazetteerKind | undefined;
  /** The tagger's facts of this text (tagger/features.ts), valid while `taggerGeneration` is that cache's. */
  tagger: WordInfo | null;
  taggerGeneration: number;
  /** Another spelling with the same lower-case form ("Police" after "police"), in the cache's chain. */
  otherSpelling: EntityWord | null;
}

/**
 * Words by lower-case form, each with its other spellings chained; pure functions of the text, so clearing the
 * cache whole when full changes no answer. 50,000 forms hold a long news stream's common words at a few MB. Keyed
 * by the lower-case string rather than the text: the analysis hands every token of one text the same lower-case
 * string object (src/annotate/pos/ caches it per word), whose hash V8 then keeps, where each token's text is a
 * fresh slice hashed anew.
 */
const ENTITY_WORDS = new Map<string, EntityWord>();
const ENTITY_WORD_CACHE_SIZE = 50_000;
/** Spellings kept per lower-case form ("police", "Police", "POLICE" and a few more). */
const MAX_SPELLINGS = 8;

/** The word of a token's text (`lower` and `upper` are the analysis's, themselves functions of the text). */
function entityWord(text: string, lower: string, upper: boolean): EntityWord {
  const first = ENTITY_WORDS.get(lower);
  let spellings = 0;
  for (let w: EntityWord | null | undefined = first; w; w = w.otherSpelling, spellings++) if (w.text === text) return w;
  const letter = LETTER.test(text);
  const lowerLetter = LOWER_LETTER.test(text);
  let flags = (letter ? HAS_LETTER : 0) | (lowerLetter ? HAS_LOWER : 0) | (upper ? STARTS_UPPER : 0);
  if (POSSESSIVE.has(lower)) flags |= POSSESSIVE_MARK;
  if (NEVER_NAMES.has(lower)) flags |= NEVER_NAME;
  if (HEADLINE_PREPOSITIONS.has(lower)) flags |= HEADLINE_PREPOSITION;
  if (INFLECTED.test(text)) flags |= INFLECTED_FORM;
  if (OPENING.has(text)) flags |= OPENING_MARK;
  if (QUOTE_MARKS.has(text)) flags |= QUOTE_MARK;
  if (DEFINITE_ARTICLES.has(lower)) flags |= DEFINITE_ARTICLE;
  if (PRONOUNS.has(lower)) flags |= PRONOUN;
  const word: EntityWord = {
    text,
    lower,
    key: lower.endsWith('.') ? lower.slice(0, -1) : lower,
    capitalized: upper || CAPITALISED_PART.test(text),
    allCaps: text.length >= 2 && !lowerLetter && letter,
    flags,
    kind: undefined,
    tagger: null,
    taggerGeneration: -1,
    otherSpelling: null,
  };
  // A hostile text may write one word in thousands of ways ("nAtO", "NaTo", …): past a few, they are not kept.
  if (spellings >= MAX_SPELLINGS) return word;
  if (first) {
    word.otherSpelling = first.otherSpelling;
    first.otherSpelling = word;
    return word;
  }
  if (ENTITY_WORDS.size >= ENTITY_WORD_CACHE_SIZE) ENTITY_WORDS.clear();
  ENTITY_WORDS.set(lower, word);
  return word;
}

/**
 * Words by word-table id (../words.ts), emptied with the table: a token's word is one array read instead of a
 * lookup by its lower-case string in `ENTITY_WORDS` (≈8% of the stage), which stays behind this array and keeps the
 * words (with their list and tagger facts) across the table's generations.
 */
let wordsById: (EntityWord | undefined)[] = [];
clearWithTable(() => {
  wordsById = [];
});

/** The word of an analysis token, by its id while the table still gives that id to the token's text. */
function tokenWord(t: Token): EntityWord {
  if (wordText(t.id) !== t.text) return entityWord(t.text, t.lower, t.upper);
  let word = wordsById[t.id];
  if (word === undefined) {
    word = entityWord(t.text, t.lower, t.upper);
    // Grown densely up to the id: a write far past the end would turn the array into a dictionary.
    while (wordsById.length < t.id) wordsById.push(undefined);
    wordsById[t.id] = word;
  }
  return word;
}

/** Holds a lower-case letter (`\p{Ll}`). */
export function hasLowerLetter(word: EntityWord): boolean {
  return (word.flags & HAS_LOWER) !== 0;
}

/** `DEFINITE_ARTICLES` holds the word's lower-case form. */
export function isDefiniteArticle(word: EntityWord): boolean {
  return (word.flags & DEFINITE_ARTICLE) !== 0;
}

/** `PRONOUNS` holds the word's lower-case form. */
export function isPronoun(word: EntityWord): boolean {
  return (word.flags & PRONOUN) !== 0;
}

/** `startsPhrase` of the word's text (./gazetteer.ts), asked once per word. */
export function startsListedPhrase(word: EntityWord): boolean {
  if ((word.flags & STARTS_PHRASE_KNOWN) === 0) word.flags |= STARTS_PHRASE_KNOWN | (startsPhrase(word.text) ? STARTS_PHRASE : 0);
  return (word.flags & STARTS_PHRASE) !== 0;
}

/** `isFirstName` of the word's text (./gazetteer.ts), asked once per word instead of a memo lookup per token. */
export function isListedFirstName(word: EntityWord): boolean {
  if ((word.flags & FIRST_NAME_KNOWN) === 0) word.flags |= FIRST_NAME_KNOWN | (isFirstName(word.text) ? FIRST_NAME : 0);
  return (word.flags & FIRST_NAME) !== 0;
}

/** `gazetteerKind` of the word's text alone (./gazetteer.ts), asked once per word. */
export function listedKind(word: EntityWord): GazetteerKind | undefined {
  if ((word.flags & KIND_KNOWN) === 0) {
    word.kind = gazetteerKind(word.text);
    word.flags |= KIND_KNOWN;
  }
  return word.kind;
}

/** The word's flags with its title bits, worked out on first asking (the lists are keyed by `key`). */
function titleFlags(word: EntityWord): number {
  if ((word.flags & TITLE_KNOWN) === 0) {
    const key = word.key;
    const listed = TITLES.has(key);
    const title = listed || (key.includes('-') && key.split('-').some((part) => TITLES.has(part)));
    word.flags |= TITLE_KNOWN | (title ? TITLE : 0) | (listed ? LISTED_TITLE : 0) | (TITLE_MODIFIERS.has(key) ? TITLE_MODIFIER : 0);
  }
  return word.flags;
}

/** `TITLES` holds the word's key, or a part of it between hyphens ("Major-General", "ex-president"). */
export function isTitleWord(word: EntityWord): boolean {
  return (titleFlags(word) & TITLE) !== 0;
}

/** `TITLES` holds the word's key itself. */
export function isListedTitle(word: EntityWord): boolean {
  return (titleFlags(word) & LISTED_TITLE) !== 0;
}

/** A token whose word `isListedTitle` (`TITLES.has(wordKey(t))`; no token: no title). */
export function isListedTitleToken(t: EntityToken | undefined): boolean {
  return t !== undefined && isListedTitle(t.word);
}

/** A token whose word's key `TITLE_MODIFIERS` holds ("former", "acting"; no token: none). */
export function isTitleModifierToken(t: EntityToken | undefined): boolean {
  return t !== undefined && (titleFlags(t.word) & TITLE_MODIFIER) !== 0;
}

/**
 * Tokens of every block of the article, reusing the cached analysis the sentence stage made (src/annotate/nlp.ts). Sentence
 * numbers come from the `sentences` layer; blocks without sentences (datelines) count as one sentence each.
 */
export function articleTokens(article: Article): EntityToken[] {
  const sentences = layer(article, 'sentences');
  const out: EntityToken[] = [];
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
    // The analysis's tokens are read as they are, with each one's word by id: a copy of them joined with their words
    // and kept per analysis cost an object per token, and cache hits were rare (a block text seen again).
    for (const t of analyzeSpan(article.text, block.start, end).tokens) {
      const start = block.start + t.start;
      while (sentenceIndex < sentences.length && (sentences[sentenceIndex]?.end ?? 0) <= start) sentenceIndex++;
      const current = sentences[sentenceIndex];
      const inSentence = current !== undefined && current.start <= start;
      const word = tokenWord(t);
      if ((word.flags & QUOTE_MARK) !== 0) quoted = word.text === '"' ? !quoted : word.text === '“' || word.text === '«';
      const sentence = inSentence ? sentenceIndex : ownSentence;
      out.push({
        start,
        end: block.start + t.end,
        text: word.text,
        lower: word.lower,
        pos: t.pos,
        capitalized: word.capitalized,
        allCaps: word.allCaps,
        sentenceInitial: false,
        caseless: heading,
        quoted,
        sentence,
        block: blockIndex,
        word,
      });
    }
  });
  markSentenceFeatures(out);
  return out;
}

/** Sets `sentenceInitial` and `caseless`, which depend on the whole sentence. */
function markSentenceFeatures(tokens: EntityToken[]): void {
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    const sentence = tokens[from]?.sentence;
    while (to < tokens.length && tokens[to]?.sentence === sentence) to++;
    const caseless = isCaseless(tokens, from, to, tokens[from]?.caseless === true);
    let expectStart = true;
    for (let k = from; k < to; k++) {
      const t = tokens[k] as EntityToken;
      t.caseless = caseless;
      const flags = t.word.flags;
      if ((flags & HAS_LETTER) !== 0) {
        t.sentenceInitial = expectStart;
        expectStart = false;
      } else if ((flags & OPENING_MARK) !== 0) {
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
function isCaseless(tokens: readonly EntityToken[], from: number, to: number, heading: boolean): boolean {
  let content = 0;
  let capitalised = 0;
  let letters = 0;
  let upperOnly = 0;
  let headlineWord = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as EntityToken;
    const flags = t.word.flags;
    if ((flags & HAS_LETTER) === 0 || (flags & POSSESSIVE_MARK) !== 0) continue;
    letters++;
    if ((flags & HAS_LOWER) === 0) upperOnly++;
    const capital = (flags & STARTS_UPPER) !== 0;
    if ((flags & NEVER_NAME) !== 0) {
      if (capital && k > from && (flags & HEADLINE_PREPOSITION) !== 0) headlineWord = true;
      continue;
    }
    content++;
    if (capital) capitalised++;
    if (capital && t.pos === 'VERB' && (flags & INFLECTED_FORM) !== 0) headlineWord = true;
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
