import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { buildFacts, type Fact } from './facts.js';
import { factUnits } from './units.js';

// Fictional places and companies, written for these tests: a measure of one happening told by outlets in their own
// sentences, which share little else.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** Each outlet's article (one text each, undated unless a date is given) run as one story. */
function factsOf(texts: readonly string[], dates: ReadonlyArray<string | null> = []): Fact[] {
  const articles = texts.map((text, i) =>
    pipeline.run({
      ...plainArticle(text, 'en', `outlet-${i}.txt`),
      published: dates[i] ? { date: dates[i] as string, basis: 'url' } : { date: null, basis: 'unknown' },
    }),
  );
  return buildFacts(factUnits(articles, new Map(articles.map((x, i) => [x.id, `Outlet ${i + 1}`])), new Map()));
}

const conflicts = (facts: Fact[]) => facts.filter((f) => f.status === 'conflicting').flatMap((f) => f.conflictSlots);
const developments = (facts: Fact[]) => facts.filter((f) => f.developsFrom.length > 0).length;

test('a magnitude or a price written onto the happening, told differently in other sentences, conflicts', () => {
  const quake = factsOf([
    'A 6.3-magnitude earthquake shook the coast of Velmora before dawn, officials said.',
    'Fishermen in the harbour of Ostrel felt the 5.8 magnitude quake and ran to the hills.',
  ]);
  assert.deepEqual([...new Set(conflicts(quake))], ['number: 6.3-magnitude ≠ 5.8 magnitude']);
  const after = factsOf([
    'An earthquake with a magnitude of 4.9 rattled the valley towns of Brannock overnight.',
    'A 4.2 quake woke residents of the valley, the seismic office reported.',
  ]);
  assert.equal(conflicts(after).length, 2);
  const deal = factsOf([
    'Torvane Systems agreed to a $4.7 billion acquisition of the chip designer Quillet.',
    'Analysts called the $3.1 billion acquisition a bargain for Torvane Systems.',
  ]);
  assert.equal(conflicts(deal).length, 2);
});

test('measures that agree, another happening of the kind, a first reading and a generic claim are no conflict', () => {
  // Rounding and qualifiers: a whole number of billions cut from the exact one; "at least"; "about".
  assert.deepEqual(
    conflicts(
      factsOf([
        'Torvane Systems agreed to a $4.7 billion acquisition of Quillet.',
        'Analysts called the $4 billion acquisition a bargain for Torvane Systems.',
      ]),
    ),
    [],
  );
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'An earthquake measuring at least magnitude-5.9 hit the coast.'])), []);
  // Another quake of the story's background: dated coarser than a day, compared with "than", or told by the article
  // itself beside the story's own.
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora on Sunday.', 'The same coast was hit by a 5.1 quake in September.'])), []);
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora on Sunday.', 'It was stronger than the 5.1 quake that hit Ostrel.'])), []);
  assert.deepEqual(
    conflicts(
      factsOf([
        'A 6.3-magnitude earthquake shook Velmora on Sunday. Older residents recalled the 5.1-magnitude quake of their youth.',
        'The 5.1-magnitude quake of their youth was recalled by older residents of Velmora.',
      ]),
    ),
    [],
  );
  // What such a happening can do measures none; an age measures a person, not the happening.
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'A magnitude-7 quake can flatten the old town.'])), []);
  assert.deepEqual(conflicts(factsOf(['A 40-year-old attack suspect was held in Velmora.', 'Police held a 38-year-old attack suspect.'])), []);
  // "Preliminary" against a later figure: the measure revised, a development.
  const revised = factsOf(['An earthquake with a preliminary magnitude of 4.9 rattled Brannock.', 'The 4.6-magnitude quake rattled Brannock before dawn.']);
  assert.deepEqual(conflicts(revised), []);
  assert.equal(developments(revised), 1);
});
