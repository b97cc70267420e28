import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDossier } from '../../src/compare/dossier.js';
import { groupStories } from '../../src/link/stories.js';
import type { Article } from '../../src/model/article.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { article } from '../link/fixtures.js';

/** Invented: the Ostmark exchange and its index are fictional. */
const pipeline = createPipeline(defaultStages());

function annotated(text: string, meta: { title: string; outlet: string; published: string }): Article {
  return pipeline.run(article(text, meta));
}

test('a statement is placed at the date its own article resolves it to: "today" five weeks apart is two dates', () => {
  const early = annotated(
    'Shares on the Ostmark exchange fell sharply today as the Varn index lost 4 percent, traders in Velholm said. Exporters led the fall.',
    { title: 'Varn index loses 4 percent', outlet: 'Ostmark Wire', published: '2025-03-03' },
  );
  const late = annotated('Shares on the Ostmark exchange fell sharply today as the Varn index lost 4 percent, traders in Velholm said. Banks led the fall.', {
    title: 'Varn index drops again',
    outlet: 'Coastal Herald',
    published: '2025-04-07',
  });
  const [story] = groupStories([early, late]);
  assert.equal(story?.articleIds.length, 2, 'one story holds both reports');
  assert.ok(story);
  const dossier = buildDossier(story, [early, late]);
  const entries = dossier.timeline.filter((t) => t.text.includes('Varn index lost 4 percent'));
  assert.ok(entries.length > 0, 'the statement is on the timeline');
  for (const entry of entries) {
    const articles = new Set(entry.citations.map((c) => c.articleId));
    assert.equal(articles.size, 1, `${entry.date} pools citations from articles written weeks apart`);
    const own = [early, late].find((a) => articles.has(a.id));
    assert.equal(entry.date, own?.published.date);
  }
});
