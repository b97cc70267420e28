import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { buildFacts, type Fact } from './facts.js';
import { factUnits, VALUE_CHANGE } from './units.js';

// Fictional companies, towns and people: a later article that tells a replaced value develops the earlier fact; words
// that only look like a change ("rose to infamy", "a few doors down from", "instead of stopping") do not.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** Two outlets' articles, the first dated two days before the second, run as one story. */
function factsOf(earlier: string, later: string): Fact[] {
  const articles = [earlier, later].map((text, i) =>
    pipeline.run({ ...plainArticle(text, 'en', `outlet-${i}.txt`), published: { date: i === 0 ? '2031-05-07' : '2031-05-09', basis: 'url' } }),
  );
  return buildFacts(factUnits(articles, new Map(articles.map((x, i) => [x.id, `Outlet ${i + 1}`])), new Map()));
}

const developed = (facts: Fact[]) => facts.filter((f) => f.developsFrom.length > 0).map((f) => f.text);

test('a value changed before a figure is a change; the same words before anything else are not', () => {
  for (const changed of ['down from 20 gigawatt-hours', 'the toll rose to at least 40', 'as the count climbed to twelve', 'up from $3 million'])
    assert.ok(VALUE_CHANGE.test(changed), changed);
  for (const unchanged of ['Kallweit rose to infamy when he fled', 'a few doors down from where the shots were fired', 'prices go up from there'])
    assert.ok(!VALUE_CHANGE.test(unchanged), unchanged);
});

test('"instead of 800" in a later article develops the earlier figure; "instead of stopping" and "doors down from where" develop nothing', () => {
  assert.deepEqual(
    developed(
      factsOf(
        'Tessaly Motors will employ 800 workers at its Varnholm bus factory, chief executive Edda Marrow said.',
        'Tessaly Motors will employ 450 workers at its Varnholm bus factory instead of 800, chief executive Edda Marrow said.',
      ),
    ),
    ['Tessaly Motors will employ 450 workers at its Varnholm bus factory instead of 800, chief executive Edda Marrow said.'],
  );
  assert.deepEqual(
    developed(
      factsOf(
        'Police arrested the Varnholm driver who fled the crash scene near the bus factory.',
        'Instead of stopping at the crash scene near the bus factory, the Varnholm driver fled and police arrested him.',
      ),
    ),
    [],
  );
  assert.deepEqual(
    developed(
      factsOf(
        'Officer Dario Venn questioned the Varnholm suspect at the bus factory on Monday.',
        'Officer Dario Venn caught the Varnholm suspect a few doors down from where he questioned him at the bus factory.',
      ),
    ),
    [],
  );
});
