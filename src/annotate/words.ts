/**
 * The word table shared by the annotation stages: every distinct spelling the tokenizers meet gets a small integer
 * id, found by hashing the characters in place in the text (no slice, no string hash per token), and what the stages
 * want to know of a word alone (its one shared string, its lower-cased form, its part-of-speech facts in
 * ../nlp.ts) is worked out once per id instead of once per token. Word lists as per-id bits were tried for the time
 * tokenizer and dropped: in the pipeline they cost more than the set lookups they replaced (docs/measurements.md).
 *
 * Ids mean nothing outside the table's current generation: when the table grows past MAX_WORDS it is emptied whole
 * at the next `beginTokenizing` (never inside one tokenization), and the generation counter moves, so a holder of ids
 * can tell they are stale (`generation`). Nothing an id answers depends on the article it was first seen in.
 */

/**
 * Distinct spellings kept before the table is emptied: a news stream's common words and a few articles' rare ones
 * (not tuned on a stream; the tagger's own word cache holds 40,000). Each id costs ≈100 bytes here plus its
 * part-of-speech facts when asked for (≈0.5 KB), so the table stays near 20 MB.
 */
const MAX_WORDS = 30_000;
/**
 * Hash slots: a power of two over twice MAX_WORDS, so probes stay short until the table is emptied, and no larger:
 * the slot array (8 bytes a slot, 512 KB) is read at random once per token, and a bigger one misses the cache more.
 */
const SLOTS = 1 << 16;
const SLOT_MASK = SLOTS - 1;

/** Two ints a slot: the spelling's hash, then its id + 1 (0: empty); a probe reads both from one cache line. */
let slots = new Int32Array(2 * SLOTS);
/** By id: the spelling. */
let texts: string[] = [];
/** By id: the id of its lower-cased spelling + 1 (0: not worked out yet). */
let lowerIds = new Int32Array(1024);
let current = 0;

/** The table's generation: ids handed out under one generation are valid while it lasts. */
export function generation(): number {
  return current;
}

/** Called before a tokenizer hands out ids for one text: the only point where the table may be emptied. */
export function beginTokenizing(): void {
  if (texts.length < MAX_WORDS) return;
  slots = new Int32Array(2 * SLOTS);
  texts = [];
  lowerIds = new Int32Array(1024);
  for (const clear of onClear) clear();
  current++;
}

/** Per-id caches kept by other modules, emptied with the table. */
const onClear: (() => void)[] = [];

/** Registers a per-id cache to empty with the table (its ids would otherwise answer for other words). */
export function clearWithTable(clear: () => void): void {
  onClear.push(clear);
}

/** FNV-1a over UTF-16 code units. */
function hashChars(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = start; k < end; k++) if (word.charCodeAt(k - start) !== text.charCodeAt(k)) return false;
  return true;
}

function grow(): void {
  const grown = new Int32Array(lowerIds.length * 2);
  grown.set(lowerIds);
  lowerIds = grown;
}

/** The id of the spelling `text.slice(start, end)` (a non-empty span), added on first sight. */
export function wordId(text: string, start: number, end: number): number {
  const h = hashChars(text, start, end);
  let slot = h & SLOT_MASK;
  for (;;) {
    const entry = slots[2 * slot + 1] as number;
    if (entry === 0) break;
    if (slots[2 * slot] === h && sameChars(texts[entry - 1] as string, text, start, end)) return entry - 1;
    slot = (slot + 1) & SLOT_MASK;
  }
  const id = texts.length;
  if (id === lowerIds.length) grow();
  texts.push(start === 0 && end === text.length ? text : text.slice(start, end));
  slots[2 * slot] = h;
  slots[2 * slot + 1] = id + 1;
  return id;
}

/** The spelling of an id. */
export function wordText(id: number): string {
  return texts[id] as string;
}

/** The id of the word's lower-cased spelling (`toLowerCase` of the word alone). */
function lowerId(id: number): number {
  let lower = (lowerIds[id] as number) - 1;
  if (lower < 0) {
    const text = texts[id] as string;
    const folded = text.toLowerCase();
    lower = folded === text ? id : wordId(folded, 0, folded.length);
    lowerIds[id] = lower + 1;
  }
  return lower;
}

/** The word lower-cased (one string per lower-cased spelling, shared by every token of it). */
export function lowerText(id: number): string {
  return texts[lowerId(id)] as string;
}
