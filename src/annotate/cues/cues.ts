import type { Cue } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { type ArticleStage, withLayers } from '../../pipeline/stage.js';
import { framingCues } from './framing.js';
import { matchCues } from './matcher.js';

/** Options of the cues stage. */
export interface CuesOptions {
  /** Which kinds to keep; default all. */
  kinds?: readonly Cue['kind'][];
}

/**
 * Hedges ("reportedly", "is said to"), attribution ("according to"), opinion, negation and future markers in each
 * sentence, English and Spanish: the comparison stage weighs a claim by them. Word-list matching, whole words only.
 * Framing signals (loaded and promotional words, first person, imperatives) are kept in the outlet's own voice only
 * (framing.ts); the quotes and entities layers, when they ran, tell quoted words and names apart.
 */
export function cues(options: CuesOptions = {}): ArticleStage {
  const keep = new Set(options.kinds ?? ['hedge', 'attribution', 'opinion', 'negation', 'future', 'loaded', 'promotional', 'first-person', 'imperative']);
  return {
    name: 'cues',
    requires: ['sentences'],
    produces: ['cues'],
    run(article: Article) {
      const out: Cue[] = [];
      // Lower-cased once for the whole article; a text whose length changes in lower case is folded word by word.
      const lower = article.text.toLowerCase();
      const lowerText = lower.length === article.text.length ? lower : undefined;
      for (const sentence of layer(article, 'sentences')) for (const cue of matchCues(article.text, sentence, lowerText)) out.push(cue);
      return withLayers(article, { cues: framingCues(article, out).filter((cue) => keep.has(cue.kind)) });
    },
  };
}
