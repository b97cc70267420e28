import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { buildDossier } from '../compare/dossier.js';
import { linkArticles } from '../link/stories.js';
import type { Article } from '../model/article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

// Fictional outlets and places, written for these tests.
const pipeline = createPipeline(defaultStages());

function dossierOf(texts: readonly [string, string][]): { md: string; html: string } {
  const articles: Article[] = texts.map(([outlet, text], i) =>
    pipeline.run({ ...plainArticle(text, 'en', `${i}.txt`), outlet, published: { date: '2031-05-07', basis: 'url' } }),
  );
  const story = linkArticles(articles).stories[0];
  assert.ok(story);
  const dossier = buildDossier(story, articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { md: renderMarkdown(dossier, byId), html: renderHtml(dossier, byId) };
}

const BODY = 'Police in Varnholt said the rally against the harbour toll drew crowds to the square on Saturday.';

test('the Conflicts section is always there: "None found" when the outlets agree', () => {
  const { md, html } = dossierOf([
    ['north.example', `${BODY} Police said about 300 people attended the rally in Varnholt on Saturday.`],
    ['south.example', `${BODY} Police said 300 people attended the rally in Varnholt on Saturday.`],
  ]);
  assert.match(md, /## Conflicts\n\nNone found\./);
  assert.match(html, /<h2>Conflicts<\/h2>\s*<p>None found\.<\/p>/);
  assert.match(md, /_matched: predicate: /);
});

test('a conflict shows what differs and both sides with their sources', () => {
  const { md } = dossierOf([
    ['north.example', `${BODY} Police said about 300 people attended the rally in Varnholt on Saturday.`],
    ['south.example', `${BODY} Police said more than 450 people attended the rally in Varnholt on Saturday.`],
  ]);
  const section = md.slice(md.indexOf('## Conflicts'));
  assert.match(section, /\| number: about 300 people ≠ more than 450 people \|/);
  assert.match(section, /1 source: north\.example/);
  assert.match(section, /1 source: south\.example/);
});
