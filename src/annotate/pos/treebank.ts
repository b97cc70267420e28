import type { Upos } from './tagger.js';

/**
 * Penn Treebank tags (the CoNLL-2003 POS column) to universal tags, following the Universal Dependencies English
 * conversion: "be" and modals are auxiliaries, "have" and "do" are when a verb follows, "not"/"n't" and "to" are
 * particles, and the subordinating conjunctions among the IN words are SCONJ. Used only to train the tagger.
 */
const DIRECT: Record<string, Upos> = {
  CC: 'CCONJ',
  CD: 'NUM',
  DT: 'DET',
  EX: 'PRON',
  FW: 'X',
  JJ: 'ADJ',
  JJR: 'ADJ',
  JJS: 'ADJ',
  LS: 'X',
  MD: 'AUX',
  NN: 'NOUN',
  NNS: 'NOUN',
  NNP: 'PROPN',
  NNPS: 'PROPN',
  PDT: 'DET',
  POS: 'PART',
  PRP: 'PRON',
  PRP$: 'PRON',
  RB: 'ADV',
  RBR: 'ADV',
  RBS: 'ADV',
  RP: 'ADP',
  SYM: 'SYM',
  TO: 'PART',
  UH: 'INTJ',
  WDT: 'PRON',
  WP: 'PRON',
  WP$: 'PRON',
  WRB: 'ADV',
  $: 'SYM',
  '#': 'SYM',
  IN: 'ADP',
};

/** IN words that introduce a clause (UD's SCONJ); the others are prepositions. */
const SUBORDINATORS = new Set(['that', 'because', 'if', 'whether', 'although', 'though', 'while', 'unless', 'whereas', 'once', 'so']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m", 'ai']);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);

/** Universal tags of one sentence's words from their treebank tags. */
export function universalTags(words: readonly string[], tags: readonly string[]): Upos[] {
  return tags.map((tag, i) => {
    const word = (words[i] ?? '').toLowerCase();
    if (tag.startsWith('VB')) {
      if (BE.has(word)) return 'AUX';
      if (HAVE.has(word) || DO.has(word)) return verbFollows(tags, i) ? 'AUX' : 'VERB';
      return 'VERB';
    }
    if (tag === 'RB' && (word === 'not' || word === "n't")) return 'PART';
    if (tag === 'IN' && SUBORDINATORS.has(word)) return 'SCONJ';
    const direct = DIRECT[tag];
    if (direct) return direct;
    // Punctuation tags (. , : ( ) " '' ``) and anything unknown.
    return /^[A-Z]/.test(tag) ? 'X' : 'PUNCT';
  });
}

/** Whether a verb follows within three words, over adverbs, "not" and a subject pronoun ("did he go", "has not been"). */
function verbFollows(tags: readonly string[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tags.length, i + 4); k++) {
    const tag = tags[k] ?? '';
    if (tag.startsWith('VB')) return true;
    if (tag !== 'RB' && tag !== 'PRP' && tag !== 'DT') return false;
  }
  return false;
}
