import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cleanDocument } from '../src/clean/index.js';
import { buildDossier } from '../src/compare/dossier.js';
import { makeDocument } from '../src/ingest/records.js';
import { groupStories } from '../src/link/stories.js';
import type { Article } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';

const NAMES = ['Mayor Ana Ruiz', 'Tomas Berg', 'the Harbour Authority', 'Councillor Lee Park', 'Dr. Ines Ortega'];
const PLACES = ['Portville', 'Ashford', 'Carrow Bay'];
const SENTENCES = [
  (n: string, p: string, k: number) => `${n} said on Monday that ${k} workers in ${p} would return next week.`,
  (n: string, p: string, k: number) => `“We will not accept ${k}% less,” ${n} told reporters in ${p}.`,
  (n: string, p: string, k: number) => `According to ${n}, the ${p} bridge reportedly cost $${k} million.`,
  (n: string, p: string, k: number) => `${p.toUpperCase()} — The strike in ${p} entered its ${(k % 9) + 2}nd day, ${n} said.`,
  (n: string, p: string, k: number) => `${n}: "The ${p} plan adds ${k} jobs by March 2027."`,
  (_n: string, p: string, k: number) => `Residents of ${p} waited ${k} minutes for buses last Tuesday.`,
];

const sentence = fc.tuple(
  fc.integer({ min: 0, max: SENTENCES.length - 1 }),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...PLACES),
  fc.integer({ min: 2, max: 2000 }),
);
const article = fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
const noise = fc.constantFrom('', 'Advertisement\n', 'Share this article\n', '0:00\n', '© 2026 Portville Post\n');

/**
 * Every citation in every dossier section points inside its article, and the section's text is exactly the cited
 * words where the contract says so (summary sentences and fact texts are quoted verbatim from their first citation).
 */
test('citations always quote the exact span they point at (property, fixed seed)', () => {
  const pipeline = createPipeline(defaultStages());
  fc.assert(
    fc.property(
      fc.array(fc.tuple(article, noise, fc.constantFrom('Strike talks', 'Bridge costs', 'Council vote')), { minLength: 1, maxLength: 4 }),
      (corpus) => {
        const articles: Article[] = corpus.map(([paragraphs, chrome, title], i) => {
          const body = paragraphs.map((ps) => ps.map(([k, n, p, x]) => (SENTENCES[k] as (typeof SENTENCES)[number])(n, p, x)).join(' ')).join('\n\n');
          const raw = `${chrome}${title} (${i})\n\n${body}\n`;
          return pipeline.run(cleanDocument(makeDocument({ kind: 'text', path: `p${i}.txt` }, 'text', raw)));
        });
        const byId = new Map(articles.map((a) => [a.id, a]));
        for (const story of groupStories(articles)) {
          const d = buildDossier(
            story,
            story.articleIds.flatMap((id) => byId.get(id) ?? []),
          );
          const check = (c: { articleId: string; start: number; end: number }): string => {
            const text = byId.get(c.articleId)?.text;
            assert.ok(text !== undefined, `unknown article ${c.articleId}`);
            assert.ok(Number.isInteger(c.start) && c.start >= 0 && c.start < c.end && c.end <= text.length, `citation ${JSON.stringify(c)} outside the text`);
            return text.slice(c.start, c.end);
          };
          for (const s of d.summary) assert.equal(check(s.citations[0] as never), s.text);
          for (const f of d.facts) {
            for (const c of f.citations) check(c);
            assert.equal(check(f.citations[0] as never), f.text);
          }
          for (const q of d.quotes) for (const c of q.citations) assert.equal(check(c), q.text);
          for (const t of d.timeline) for (const c of t.citations) check(c);
        }
      },
    ),
    { seed: 20261122, numRuns: process.env.TRIANGULATE_LONG ? 400 : 25 },
  );
});
