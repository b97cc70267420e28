import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capForDossier, MAX_ALIGNED_CHARS } from '../../src/compare/article-cap.js';
import { textArticle } from '../../src/model/article.js';
import type { Dossier } from '../../src/model/story.js';
import { byArticle } from '../../src/render/citations.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';

/** One article of `words` short words and a dossier whose summary cites each word once. */
function manyCitations(words: number): { dossier: Dossier; articles: Map<string, ReturnType<typeof textArticle>> } {
  const text = Array.from({ length: words }, (_, i) => `w${i % 1000}`).join(' ');
  const article = textArticle(text, { id: 'a-long', path: 'long.txt', language: 'en' });
  const summary = [];
  for (let start = 0, i = 0; i < words; i++) {
    const end = text.indexOf(' ', start) === -1 ? text.length : text.indexOf(' ', start);
    summary.push({ text: `point ${i}`, citations: [{ articleId: article.id, start, end }] });
    start = end + 1;
  }
  const dossier: Dossier = {
    id: 's-long',
    title: 'Long',
    articleIds: [article.id],
    sources: [{ name: 'Portville Post', articleIds: [article.id] }],
    events: [],
    entities: [],
    timeline: [],
    quotes: [],
    facts: [],
    summary,
    outlets: {},
  } as unknown as Dossier;
  return { dossier, articles: new Map([[article.id, article]]) };
}

test('citations are grouped by article in linear time (one huge article: hundreds of thousands of citations)', () => {
  const citations = Array.from({ length: 300_000 }, (_, i) => ({ articleId: 'a-long', start: i, end: i + 1, n: i + 1, quote: 'x', outlet: 'o', title: 't' }));
  const started = performance.now();
  const groups = byArticle(citations);
  const took = performance.now() - started;
  assert.equal(groups.get('a-long')?.length, 300_000);
  assert.equal(groups.get('a-long')?.[299_999]?.n, 300_000);
  // Copying the group on every citation (the old grouping) is 45 billion element copies here: minutes.
  assert.ok(took < 2_000, `grouping took ${took.toFixed(0)} ms`);
});

test('HTML and Markdown dossiers of an article with 20,000 citations render, each citation marked once', () => {
  const { dossier, articles } = manyCitations(20_000);
  const html = renderHtml(dossier, articles);
  assert.equal(html.match(/<mark id="c\d+">/g)?.length, 20_000);
  assert.match(renderMarkdown(dossier, articles), /^20000\. /m);
});

test('an article past the cap is aligned by its opening only, with a message; its text is kept whole', () => {
  const text = `${'Dock workers in Portville voted on the deal. '.repeat(Math.ceil((MAX_ALIGNED_CHARS * 3) / 45))}`;
  const article = textArticle(text, { id: 'a-huge', path: 'huge.txt', language: 'en' });
  const capped = capForDossier(article);
  assert.equal(capped.text, text);
  const blocks = capped.layers.blocks ?? [];
  assert.ok(blocks.every((b) => b.end <= MAX_ALIGNED_CHARS));
  assert.match(capped.messages.at(-1)?.reason ?? '', /the dossier uses its first 100,000/);
  const small = textArticle('A short article about the harbour.', { id: 'a-small', path: 'small.txt', language: 'en' });
  assert.equal(capForDossier(small), small);
});
