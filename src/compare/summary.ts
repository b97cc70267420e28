import { type Article, layer } from '../model/article.js';
import type { StoryOut } from '../model/contract.js';
import type { Story } from '../model/story.js';
import type { Fact } from './facts.js';

type Summary = StoryOut['summary'];

/** Most sentences in an extractive summary. */
const MAX_SUMMARY = 5;
/** Word-set overlap above which a candidate repeats a sentence already chosen. */
const NEAR_REPEAT = 0.5;

/**
 * An extractive summary: corroborated facts first (most independent sources, then earliest in its article),
 * then single-source lead sentences, skipping hedged facts and near-repeats. Every sentence is a fact's own words
 * with all the citations that back it; nothing is paraphrased.
 */
export function summarize(story: Story, articles: ReadonlyMap<string, Article>, facts: readonly Fact[]): Summary {
  const out: Summary = [];
  const seen: Array<Set<string>> = [];
  const take = (text: string, citations: Summary[number]['citations']): void => {
    const words = wordSet(text);
    if (out.length >= MAX_SUMMARY || seen.some((w) => overlap(w, words) > NEAR_REPEAT)) return;
    seen.push(words);
    out.push({ text, citations });
  };
  const ranked = facts
    .filter((f) => f.independentSources >= 2 && !f.hedged && f.status === 'corroborated')
    .sort((a, b) => b.independentSources - a.independentSources || (a.citations[0]?.start ?? 0) - (b.citations[0]?.start ?? 0));
  for (const f of ranked) take(f.text, f.citations);
  for (const lead of leadSentences(story, articles)) take(lead.text, lead.citations);
  return out;
}

/** The first body sentence of each independent source's first article. */
function leadSentences(story: Story, articles: ReadonlyMap<string, Article>): Summary {
  const out: Summary = [];
  for (const source of story.sources) {
    const article = source.articleIds.map((id) => articles.get(id)).find((a) => a !== undefined);
    if (!article) continue;
    const blocks = layer(article, 'blocks');
    const sentence = layer(article, 'sentences').find((s) => {
      const block = s.blockIndex === undefined ? undefined : blocks[s.blockIndex];
      return block?.kind === 'paragraph' && s.end - s.start >= 40;
    });
    if (sentence)
      out.push({ text: article.text.slice(sentence.start, sentence.end), citations: [{ articleId: article.id, start: sentence.start, end: sentence.end }] });
  }
  return out;
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter === 0 ? 0 : inter / Math.min(a.size, b.size);
}
