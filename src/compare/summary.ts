import { type Article, layer } from '../model/article.js';
import type { StoryOut } from '../model/contract.js';
import type { Story } from '../model/story.js';

/** Most sentences in an extractive summary. */
const MAX_SUMMARY = 5;

/**
 * A first extractive summary: the lead sentence of each independent source's first article, in source order,
 * skipping near-repeats. Every sentence is cited to its exact span.
 */
export function leadSummary(story: Story, articles: ReadonlyMap<string, Article>): StoryOut['summary'] {
  const out: StoryOut['summary'] = [];
  const seen: Array<Set<string>> = [];
  for (const source of story.sources) {
    const article = source.articleIds.map((id) => articles.get(id)).find((a) => a !== undefined);
    if (!article) continue;
    const blocks = layer(article, 'blocks');
    const sentence = layer(article, 'sentences').find((s) => {
      const block = s.blockIndex === undefined ? undefined : blocks[s.blockIndex];
      return block?.kind === 'paragraph' && s.end - s.start >= 40;
    });
    if (!sentence) continue;
    const text = article.text.slice(sentence.start, sentence.end);
    const words = new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
    if (seen.some((w) => jaccard(w, words) > 0.5)) continue;
    seen.push(words);
    out.push({ text, citations: [{ articleId: article.id, start: sentence.start, end: sentence.end }] });
    if (out.length >= MAX_SUMMARY) break;
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter === 0 ? 0 : inter / (a.size + b.size - inter);
}
