import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDossier } from '../compare/dossier.js';
import { type Article, textArticle } from '../model/article.js';
import type { Story } from '../model/story.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

// Made-up outlets, people and words.
function article(id: string, text: string, kind: 'direct' | 'reported'): Article {
  const a = textArticle(text, { id, path: `${id}.txt`, language: 'en' });
  a.layers.quotes = [{ start: 0, end: text.length, text, kind, speaker: null }];
  return a;
}

function rendered(kind: 'direct' | 'reported'): { markdown: string; html: string } {
  const articles = [
    article('a1', 'the ferry will run twice a day from the old pier until the bridge reopens', kind),
    article('a2', 'the ferry will run twice a day from the old pier', kind),
  ];
  const story: Story = {
    id: 's1',
    title: 'Ferry service',
    articleIds: ['a1', 'a2'],
    sources: [
      { name: 'Pier Gazette', articleIds: ['a1'] },
      { name: 'Valley Post', articleIds: ['a2'] },
    ],
    events: [],
  };
  const dossier = buildDossier(story, articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { markdown: renderMarkdown(dossier, byId), html: renderHtml(dossier, byId) };
}

test("a reported statement's variant is not put in quote marks, a direct quote's is", () => {
  const reported = rendered('reported');
  assert.match(reported.markdown, /- variant: the ferry will run twice a day from the old pier \[/);
  assert.match(reported.html, /variant: the ferry will run twice a day from the old pier<a/);
  const direct = rendered('direct');
  assert.match(direct.markdown, /- variant: “the ferry will run twice a day from the old pier” \[/);
  assert.match(direct.html, /variant: “the ferry will run twice a day from the old pier”<a/);
});
