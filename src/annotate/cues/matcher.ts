import type { Cue } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import { CUE_PHRASES, LOWER_CASE_ONLY } from './vocabulary.js';
import { wordsIn } from './words.js';

/**
 * Phrase matching over words: a trie keyed by lower-cased words, walked from each word. Hand-written because the
 * lists are small and must match whole words with offsets; no regex alternation over hundreds of phrases is
 * needed, and the walk is linear in the number of words times the longest phrase (five words).
 */

interface Node {
  next: Map<string, Node>;
  /** Prefix entries ("estimat*") ending here. */
  prefixes: Array<{ stem: string; kind: Cue['kind'] }>;
  kinds: Cue['kind'][];
}

function node(): Node {
  return { next: new Map(), prefixes: [], kinds: [] };
}

function build(): Node {
  const root = node();
  for (const [kind, phrases] of Object.entries(CUE_PHRASES) as Array<[Cue['kind'], readonly string[]]>) {
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      // matchCues skips the words no phrase holds as "": an empty phrase word or stem would break that.
      if (words.some((w) => w === '' || w === '*')) throw new Error(`cue phrase with an empty word: "${phrase}"`);
      let at = root;
      for (const [i, word] of words.entries()) {
        if (i === words.length - 1 && word.endsWith('*')) {
          at.prefixes.push({ stem: word.slice(0, -1), kind });
          break;
        }
        let child = at.next.get(word);
        if (!child) at.next.set(word, (child = node()));
        at = child;
        if (i === words.length - 1 && !at.kinds.includes(kind)) at.kinds.push(kind);
      }
    }
  }
  return root;
}

const ROOT = build();

/**
 * Every word a phrase holds and every prefix stem, as a character trie walked over the lower-cased text in place:
 * most words of a sentence are in no phrase, and the walk turns them away in a character or two, where slicing and
 * hashing each word cost most of the stage. ASCII transitions in a table, others in a map.
 */
interface Vocabulary {
  ascii: Int32Array;
  other: Map<number, number>;
  /** The state ends a phrase word. */
  word: Uint8Array;
  /** The state ends a prefix stem (a word going on from it may match "stem*"). */
  stem: Uint8Array;
}

function buildVocabulary(root: Node): Vocabulary {
  const words = new Set<string>();
  const stems = new Set<string>();
  const visit = (at: Node): void => {
    for (const p of at.prefixes) stems.add(p.stem);
    for (const [word, child] of at.next) {
      words.add(word);
      visit(child);
    }
  };
  visit(root);
  const ascii: number[] = [];
  const other = new Map<number, number>();
  let states = 1;
  const ends = new Map<number, { word: boolean; stem: boolean }>();
  const add = (entry: string, kind: 'word' | 'stem'): void => {
    let state = 0;
    for (let k = 0; k < entry.length; k++) {
      const code = entry.charCodeAt(k);
      const key = code < 128 ? state * 128 + code : state * 65536 + code;
      const next = code < 128 ? ascii[key] : other.get(key);
      if (next !== undefined && next >= 0) state = next;
      else {
        const created = states++;
        if (code < 128) ascii[key] = created;
        else other.set(key, created);
        state = created;
      }
    }
    const end = ends.get(state) ?? { word: false, stem: false };
    end[kind] = true;
    ends.set(state, end);
  };
  for (const w of words) add(w, 'word');
  for (const w of stems) add(w, 'stem');
  const table = new Int32Array(states * 128).fill(-1);
  ascii.forEach((next, key) => {
    if (next !== undefined) table[key] = next;
  });
  const word = new Uint8Array(states);
  const stem = new Uint8Array(states);
  for (const [state, end] of ends) {
    word[state] = end.word ? 1 : 0;
    stem[state] = end.stem ? 1 : 0;
  }
  return { ascii: table, other, word, stem };
}

const VOCABULARY = buildVocabulary(ROOT);

/** Whether `lower[start, end)` is a phrase word or goes on from a prefix stem: only such words can match. */
function mayMatch(lower: string, start: number, end: number): boolean {
  let state = 0;
  for (let k = start; k < end; k++) {
    const code = lower.charCodeAt(k);
    const next = code < 128 ? (VOCABULARY.ascii[state * 128 + code] as number) : (VOCABULARY.other.get(state * 65536 + code) ?? -1);
    if (next < 0) return false;
    state = next;
    if (VOCABULARY.stem[state] === 1) return true;
  }
  return VOCABULARY.word[state] === 1;
}

/**
 * Every cue phrase in a span of the text, longest match first at each word. `lowerText` is the whole text
 * lower-cased once by the caller when that keeps every offset (else words are lower-cased one by one).
 */
export function matchCues(text: string, span: Span, lowerText?: string): Cue[] {
  // Words: letters with inner apostrophes/hyphens, or a clitic ("n't", "'ll") on its own.
  const starts: number[] = [];
  const ends: number[] = [];
  wordsIn(text, span.start, span.end, starts, ends);
  const lower: string[] = [];
  for (let w = 0; w < starts.length; w++) {
    const start = starts[w] as number;
    const end = ends[w] as number;
    // A word in no phrase matches nothing: it stands as "" (no phrase word, no stem) without being sliced.
    if (lowerText !== undefined && !mayMatch(lowerText, start, end)) {
      lower.push('');
      continue;
    }
    const word = text.slice(start, end);
    const folded = lowerText === undefined ? word.toLowerCase() : lowerText.slice(start, end);
    // "May 5", "Will Smith": capitalised, these are not the modal verbs.
    lower.push(LOWER_CASE_ONLY.has(folded) && word !== folded ? '' : folded);
  }
  const out: Cue[] = [];
  for (let i = 0; i < lower.length; i++) {
    // "" is no phrase word and starts with no stem (the vocabulary holds neither): no phrase starts there.
    if (lower[i] === '') continue;
    let at: Node | undefined = ROOT;
    let best: { end: number; kinds: Cue['kind'][] } | null = null;
    for (let j = i; j < lower.length && at; j++) {
      const word = lower[j] as string;
      for (const p of at.prefixes) if (word.startsWith(p.stem)) best = { end: j, kinds: [p.kind] };
      at = at.next.get(word);
      if (at && at.kinds.length > 0) best = { end: j, kinds: at.kinds };
    }
    if (!best) continue;
    const start = starts[i] as number;
    const end = ends[best.end] as number;
    for (const kind of best.kinds) out.push({ start, end, kind, text: text.slice(start, end) });
    i = best.end;
  }
  return out;
}
