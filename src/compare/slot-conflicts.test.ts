import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { buildFacts, type Fact } from './facts.js';
import { factUnits } from './units.js';

// Fictional people, places and companies, written for these tests: one claim told by two outlets, changed or not.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));
const LEAD = 'The board of the Halvard Shipping Company met on Tuesday to discuss the port.';

/** The conflict kinds between two outlets' tellings, each published on its own date. */
function kinds(a: string, b: string, dates: [string, string] = ['2031-05-07', '2031-05-07']): string[] {
  const articles = [a, b].map((text, i) =>
    pipeline.run({ ...plainArticle(`${LEAD} ${text}`, 'en', `outlet-${i}.txt`), published: { date: dates[i] as string, basis: 'url' } }),
  );
  const sourceOf = new Map(articles.map((x, i) => [x.id, `Outlet ${i + 1}`]));
  const facts: Fact[] = buildFacts(factUnits(articles, sourceOf, new Map()));
  return [...new Set(facts.flatMap((f) => f.conflictSlots.map((s) => s.split(':')[0] as string)))];
}

test('a count told with another figure, or with qualifiers whose ranges do not meet, conflicts', () => {
  assert.deepEqual(
    kinds('The storm killed 12 people in the coastal villages near Korvik.', 'The storm killed 19 people in the coastal villages near Korvik.'),
    ['number'],
  );
  assert.deepEqual(
    kinds('About 300 people marched through the centre of Korvik on Saturday.', 'More than 450 people marched through the centre of Korvik on Saturday.'),
    ['number'],
  );
  // Two floors in one slot are each outlet's figure.
  assert.deepEqual(
    kinds(
      'The Halvard fleet has carried more than 140 million tonnes of grain since 2020.',
      'The Halvard fleet has carried more than 290 million tonnes of grain since 2020.',
    ),
    ['number'],
  );
});

test('a day, a week and a place told differently conflict', () => {
  assert.deepEqual(
    kinds('Inspectors closed the Korvik terminal on Friday after the leak.', 'Inspectors closed the Korvik terminal on Monday after the leak.'),
    ['date'],
  );
  // Resolved against each article's own date: two weeks ago and last week, told the same day, are two weeks.
  assert.deepEqual(
    kinds('The lawyer Ingrid Solvang joined the Halvard legal team two weeks ago.', 'The lawyer Ingrid Solvang joined the Halvard legal team last week.'),
    ['date'],
  );
  assert.deepEqual(kinds('Halvard opened a new freight office in Lyon on Monday.', 'Halvard opened a new freight office in Marseille on Monday.'), ['place']);
});

test('another doer, a denial and another speaker conflict', () => {
  assert.deepEqual(
    kinds(
      'Captain Oskar Lindahl steered the damaged tanker into the Korvik harbour.',
      'Captain Mirela Dobos steered the damaged tanker into the Korvik harbour.',
    ),
    ['actor'],
  );
  assert.deepEqual(
    kinds(
      'The dock workers union has signed the new wage agreement with Halvard.',
      "The dock workers union hasn't signed the new wage agreement with Halvard.",
    ),
    ['negation'],
  );
  assert.deepEqual(
    kinds(
      '"The port will stay open through the whole winter season," said Oskar Lindahl.',
      '"The port will stay open through the whole winter season," said Mirela Dobos.',
    ),
    ['speaker'],
  );
});

test('non-changes leave no conflict: "about", rounding, number and date formats, a synonym verb, a week told from a later date', () => {
  assert.deepEqual(
    kinds('About 300 people marched through the centre of Korvik on Saturday.', '300 people marched through the centre of Korvik on Saturday.'),
    [],
  );
  assert.deepEqual(
    kinds('The storm killed five people in the coastal villages near Korvik.', 'The storm killed 5 people in the coastal villages near Korvik.'),
    [],
  );
  assert.deepEqual(
    kinds('The terminal handled 1,500 containers on May 2 after the repairs.', 'The terminal handled 1500 containers on 2 May after the repairs.'),
    [],
  );
  assert.deepEqual(
    kinds('Inspectors shut the Korvik terminal on Friday after the leak.', 'Inspectors closed the Korvik terminal on Friday after the leak.'),
    [],
  );
  // "Last week" on May 7 and "two weeks ago" on May 14 name one week.
  assert.deepEqual(
    kinds('The lawyer Ingrid Solvang joined the Halvard legal team last week.', 'The lawyer Ingrid Solvang joined the Halvard legal team two weeks ago.', [
      '2031-05-07',
      '2031-05-14',
    ]),
    [],
  );
  // Unknown places in the same words may nest (a village in its district): unsure, no conflict.
  assert.deepEqual(kinds('Halvard opened a new freight office in Brennvik on Monday.', 'Halvard opened a new freight office in Tolmarsund on Monday.'), []);
});

test('paraphrased tellings conflict on the slot they fill differently, read through the frame', () => {
  assert.deepEqual(
    kinds(
      'About 300 people marched through Korvik on Saturday to protest the port closure.',
      'More than 450 protesters marched through the streets of Korvik on Saturday against the port closure.',
    ),
    ['number'],
  );
  assert.deepEqual(
    kinds('Ingrid Solvang joined the Halvard legal team two weeks ago.', 'Ingrid Solvang joined the legal team of Halvard last week, according to the firm.'),
    ['date'],
  );
  assert.deepEqual(
    kinds(
      'Police in Korvik arrested Oskar Lindahl on Friday over the tanker leak.',
      'Oskar Lindahl was arrested by Korvik police on Monday over the tanker leak.',
    ),
    ['date'],
  );
  // The doer of a passive is read after "by".
  assert.deepEqual(
    kinds(
      'Oskar Lindahl steered the damaged tanker into the Korvik harbour on Friday.',
      'The damaged tanker was steered into the Korvik harbour by Mirela Dobos on Friday.',
    ),
    ['actor'],
  );
  assert.deepEqual(
    kinds(
      'Halvard opened a new freight office in Lyon on Monday, the company said.',
      'The company said on Monday it had opened a freight office in Marseille.',
    ),
    ['place'],
  );
  assert.deepEqual(
    kinds(
      'The union has signed the new wage agreement with Halvard, its leader said.',
      'The union has not signed the wage agreement with Halvard yet, its leader said.',
    ),
    ['negation'],
  );
  // "About 300" and a round 300 of the same people meet.
  assert.deepEqual(
    kinds(
      'About 300 people marched through Korvik on Saturday to protest the port closure.',
      '300 protesters marched through the streets of Korvik on Saturday against the port closure.',
    ),
    [],
  );
});

test('the same words with another clause or an added detail are no conflict', () => {
  // A different trailing clause holds a name, but it is no name swapped for a name.
  assert.deepEqual(
    kinds(
      'Officers found a hunting rifle and two boxes of shells in the van, Captain Oskar Lindahl said.',
      'Officers found a hunting rifle and two boxes of shells in the van, but Mirela Dobos was calm.',
    ),
    [],
  );
  // A date one outlet adds in brackets adds a detail.
  assert.deepEqual(
    kinds(
      'The crews restored the Korvik cable by Saturday afternoon, the operator said.',
      'The crews restored the Korvik cable by Saturday afternoon [9 May 2031], the operator said.',
    ),
    [],
  );
});

// Known miss, kept as a todo so it shows in every run: our part-of-speech tagger reads "defence" in "the Halvard
// defence team" as a verb, so "two weeks ago" attaches to it and not to "joined" (the same sentence with "legal"
// conflicts, above).
test('a noun modifier after a name does not take the time of the sentence', { todo: 'POS tagger: "defence" after a name read as VERB' }, () => {
  assert.deepEqual(
    kinds(
      'Ingrid Solvang joined the Halvard defence team two weeks ago.',
      'Ingrid Solvang joined the defence team of Halvard last week, according to the firm.',
    ),
    ['date'],
  );
});
