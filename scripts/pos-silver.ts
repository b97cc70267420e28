// Silver part-of-speech data for scripts/train-pos.ts: news article bodies tagged by wink-nlp (the tagger this
// project's replaced), re-cut to this project's tokens. The CoNLL-2003 training file is sports-heavy Reuters wire of
// 1996 with few imperatives, questions or opinion pieces; these bodies add that prose, and wink's conventions are the
// ones the annotation rules were written against. Only hashed weights trained on them are shipped, never the text.
import { readFileSync } from 'node:fs';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { UPOS, type Upos } from '../src/annotate/pos/tagger.js';
import type { TaggedSentence } from '../src/annotate/pos/train.js';
import { sentenceSpans, type TokenSpan, tokenOffsets, tokenSpans } from '../src/annotate/tokenize.js';

const nlp = winkNLP(model, ['sbd', 'pos']);

/** wink's tokens with their offsets (found in order; a token wink normalised and that is not found is skipped). */
function winkTokens(text: string): Array<TokenSpan & { tag: string }> {
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(nlp.its.pos) as string[];
  const out: Array<TokenSpan & { tag: string }> = [];
  let at = 0;
  words.forEach((w, i) => {
    const start = text.indexOf(w, at);
    if (start < 0 || start - at > 64) return;
    out.push({ start, end: start + w.length, tag: tags[i] as string });
    at = start + w.length;
  });
  return out;
}

const CLITIC = /^['’](?:s|re|ve|ll|d|m)$|^n['’]t$/i;

/**
 * wink's tag for one of our tokens: the tag of the wink token with the same span; over several wink tokens
 * ("Nagorno-Karabakh", "C."), PROPN if any is one, else the last word's; inside one wink token ("Trump’s" read
 * whole), PART for a split-off possessive and the wink token's tag otherwise. Null when no wink token overlaps.
 */
function tagOf(token: TokenSpan, text: string, wink: ReadonlyArray<TokenSpan & { tag: string }>, from: number): string | null {
  const over = [];
  for (let k = from; k < wink.length && (wink[k] as TokenSpan).start < token.end; k++) {
    const w = wink[k] as TokenSpan & { tag: string };
    if (w.end > token.start) over.push(w);
  }
  if (over.length === 0) return null;
  if (over.length === 1) {
    const w = over[0] as TokenSpan & { tag: string };
    const word = text.slice(token.start, token.end);
    if ((w.start < token.start || w.end > token.end) && CLITIC.test(word)) return /^n/i.test(word) ? 'PART' : /s$/i.test(word) ? 'PART' : 'AUX';
    return w.tag;
  }
  if (over.some((w) => w.tag === 'PROPN')) return 'PROPN';
  const words = over.filter((w) => w.tag !== 'PUNCT');
  return (words[words.length - 1] ?? over[over.length - 1])?.tag ?? null;
}

/** Silver sentences from the article-extraction benchmark's gold bodies (English news pages). */
export function silverSentences(groundTruthPath: string): TaggedSentence[] {
  const truth = JSON.parse(readFileSync(groundTruthPath, 'utf8')) as Record<string, { articleBody?: string }>;
  const out: TaggedSentence[] = [];
  for (const key of Object.keys(truth).sort()) {
    for (const paragraph of (truth[key]?.articleBody ?? '').split(/\n+/)) {
      if (paragraph.trim() === '') continue;
      const tokens = tokenSpans(paragraph);
      const wink = winkTokens(paragraph);
      let w = 0;
      let t = 0;
      for (const sentence of sentenceSpans(paragraph, tokenOffsets(paragraph))) {
        const words: string[] = [];
        const tags: number[] = [];
        let complete = true;
        for (; t < tokens.length && (tokens[t] as TokenSpan).start < sentence.end; t++) {
          const token = tokens[t] as TokenSpan;
          while (w < wink.length && (wink[w] as TokenSpan).end <= token.start) w++;
          const tag = tagOf(token, paragraph, wink, w);
          const index = tag === null ? -1 : UPOS.indexOf(tag as Upos);
          if (index < 0) complete = false;
          words.push(paragraph.slice(token.start, token.end));
          tags.push(index);
        }
        // A sentence with a token wink did not tag (or tagged outside the universal set) is left out whole.
        if (complete && words.length > 0) out.push({ words, tags });
      }
    }
  }
  return out;
}
