import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import type { Article } from '../model/article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { splitClauses } from './clauses.js';
import { buildFacts, type Fact } from './facts.js';
import { factUnits } from './units.js';

// Fictional places, people and companies, written for these tests.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

function article(text: string, name: string, date = '2031-05-07'): Article {
  return pipeline.run({ ...plainArticle(text, 'en', name), published: { date, basis: 'url' } });
}

/** Facts of a story of two outlets, each telling its own version. */
function story(a: string, b: string, dates: [string, string] = ['2031-05-07', '2031-05-07']): Fact[] {
  const articles = [article(a, 'one.txt', dates[0]), article(b, 'two.txt', dates[1])];
  const sourceOf = new Map(articles.map((x, i) => [x.id, i === 0 ? 'First Outlet' : 'Second Outlet']));
  return buildFacts(factUnits(articles, sourceOf, new Map()));
}

function conflictKinds(facts: readonly Fact[]): string[] {
  return [...new Set(facts.flatMap((f) => f.conflictSlots.map((s) => s.split(':')[0] as string)))];
}

const FILLER = 'The council of Dornvale met in the evening to discuss the harbour.';

test('a list stays one claim; a "while" clause splits; a quote is never cut; a bullet marker is not part of the claim', () => {
  const list = 'The council approved money for roads, bridges, schools and parks across the whole of Dornvale.';
  assert.deepEqual(splitClauses(list), [{ start: 0, end: list.length }]);
  const joined = 'The council voted to close the old mill on the river, while the mayor promised new jobs for every worker there.';
  assert.deepEqual(
    splitClauses(joined).map((s) => joined.slice(s.start, s.end)),
    ['The council voted to close the old mill on the river', 'the mayor promised new jobs for every worker there.'],
  );
  const quoted = 'The mayor told reporters "we will rebuild the bridge over the river, and we will open it again in May" on Friday.';
  assert.equal(splitClauses(quoted).length, 1);
  const bullet = '- The council voted to close the old mill on the river.';
  assert.equal(bullet.slice(splitClauses(bullet)[0]?.start), 'The council voted to close the old mill on the river.');
});

test('"about 300" and "more than 450" people conflict, with both sides and their sources', () => {
  const facts = story(
    `${FILLER} Police said about 300 people attended the rally in Varnholt on Saturday.`,
    `${FILLER} Police said more than 450 people attended the rally in Varnholt on Saturday.`,
  );
  const conflicting = facts.filter((f) => f.status === 'conflicting');
  assert.equal(conflicting.length, 2);
  assert.deepEqual(conflicting.map((f) => f.sources).sort(), [['First Outlet'], ['Second Outlet']]);
  assert.deepEqual(conflictKinds(facts), ['number']);
});

test('"about 300" and "300" agree: corroborated, with the matched slots', () => {
  const facts = story(
    `${FILLER} Police said about 300 people attended the rally in Varnholt on Saturday.`,
    `${FILLER} Police said 300 people attended the rally in Varnholt on Saturday.`,
  );
  assert.deepEqual(conflictKinds(facts), []);
  const rally = facts.find((f) => f.text.includes('rally'));
  assert.equal(rally?.status, 'corroborated');
  assert.ok(rally?.matched.some((m) => m.startsWith('predicate:')));
});

test('a weekday told differently is a date conflict; the same date written another way is not', () => {
  const changed = story(
    `${FILLER} The Orvell Company opened its new factory in Brisca on Monday.`,
    `${FILLER} The Orvell Company opened its new factory in Brisca on Thursday.`,
  );
  assert.deepEqual(conflictKinds(changed), ['date']);
  const same = story(
    `${FILLER} The Orvell Company opened its new factory in Brisca on May 4.`,
    `${FILLER} The Orvell Company opened its new factory in Brisca on 4 May.`,
  );
  assert.deepEqual(conflictKinds(same), []);
});

test('another place, another doer and a denial each conflict', () => {
  // Two cities the gazetteer knows: neither can contain the other.
  assert.deepEqual(
    conflictKinds(
      story(`${FILLER} Lindqvist Motors opened a new factory in Lyon on Monday.`, `${FILLER} Lindqvist Motors opened a new factory in Marseille on Monday.`),
    ),
    ['place'],
  );
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} Mayor Elena Varga signed the harbour agreement with the shipping union on Monday.`,
        `${FILLER} Mayor Tomas Reyl signed the harbour agreement with the shipping union on Monday.`,
      ),
    ),
    ['actor'],
  );
  assert.deepEqual(
    conflictKinds(
      story(`${FILLER} Lindqvist Motors has closed its old plant in Brisca.`, `${FILLER} Lindqvist Motors has not closed its old plant in Brisca.`),
    ),
    ['negation'],
  );
});

test('unsure differences are no conflict: unknown or nesting places, a counterfactual, a date of another happening', () => {
  // Brisca and Talmont are unknown places: one may lie inside the other. A country may contain the city.
  assert.deepEqual(
    conflictKinds(
      story(`${FILLER} Lindqvist Motors opened a new factory in Brisca on Monday.`, `${FILLER} Lindqvist Motors opened a new factory in Talmont on Monday.`),
    ),
    [],
  );
  assert.deepEqual(
    conflictKinds(
      story(`${FILLER} Lindqvist Motors opened a new factory in Lyon on Monday.`, `${FILLER} Lindqvist Motors opened a new factory in France on Monday.`),
    ),
    [],
  );
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} Lindqvist Motors has closed its old plant in Brisca.`,
        `${FILLER} Lindqvist Motors would not have closed its old plant in Brisca without the strike.`,
      ),
    ),
    [],
  );
  // "Yesterday" dates the statement, "on Monday" the opening: the opening's day is not in dispute.
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} The Orvell Company opened its new factory in Brisca on Monday.`,
        `${FILLER} Yesterday the spokesman explained that the Orvell Company opened its new factory in Brisca.`,
      ),
    ),
    [],
  );
});

test('figures of another scope, a part of a figure and a denial of another word are no conflict', () => {
  // Another stretch of the game: one more figure on one side.
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} Maren Oskarsson scored 11 points and blocked six shots for the Varnholt Herons.`,
        `${FILLER} Maren Oskarsson scored 4 points and blocked two shots for the Varnholt Herons during the late run.`,
      ),
    ),
    [],
  );
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} The Orvell Company will buy the Brisca shipyard for $334 million, the companies said.`,
        `${FILLER} The Orvell Company will pay $281 million of the price for the Brisca shipyard in cash, the companies said.`,
      ),
    ),
    [],
  );
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} Tomas Reyl was found guilty of two charges over the deaths at the Brisca depot.`,
        `${FILLER} Tomas Reyl pleaded not guilty to two charges over the deaths at the Brisca depot.`,
      ),
    ),
    [],
  );
});

test('the same words given to another speaker conflict', () => {
  const facts = story(
    `${FILLER} "We will rebuild the bridge before the winter comes," said Mayor Elena Varga.`,
    `${FILLER} "We will rebuild the bridge before the winter comes," said Governor Tomas Reyl.`,
  );
  assert.deepEqual(conflictKinds(facts), ['speaker']);
});

test('non-changes: number format, reordered clauses and a synonym verb leave no conflict', () => {
  assert.deepEqual(
    conflictKinds(
      story(`${FILLER} The plant in Brisca employs 1,200 workers, the company said.`, `${FILLER} The plant in Brisca employs 1200 workers, the company said.`),
    ),
    [],
  );
  assert.deepEqual(
    conflictKinds(
      story(
        `${FILLER} After a long chase, police arrested two men near the Brisca depot.`,
        `${FILLER} Police arrested two men near the Brisca depot after a long chase.`,
      ),
    ),
    [],
  );
  const synonym = story(
    `${FILLER} Police arrested two men near the Brisca depot on Friday.`,
    `${FILLER} Police detained two men near the Brisca depot on Friday.`,
  );
  assert.deepEqual(conflictKinds(synonym), []);
  assert.equal(synonym.find((f) => f.text.includes('depot'))?.status, 'corroborated');
});

test('a later value that says what it replaced ("up from") is a development, not a conflict', () => {
  const facts = story(
    `${FILLER} Officials said 12 people were injured in the fire at the Brisca depot.`,
    `${FILLER} Officials said 20 people were injured in the fire at the Brisca depot, up from 12 on Tuesday.`,
    ['2031-05-07', '2031-05-08'],
  );
  assert.deepEqual(conflictKinds(facts), []);
  assert.ok(facts.some((f) => f.developsFrom.length > 0));
});

test('a shared name alone never aligns two claims', () => {
  const facts = story(
    `${FILLER} Mayor Elena Varga opened the new public library in Brisca on Monday.`,
    `${FILLER} Mayor Elena Varga criticised the budget cuts announced by the province.`,
  );
  const library = facts.find((f) => f.text.includes('library'));
  assert.equal(library?.status, 'single-source');
  assert.equal(library?.citations.length, 1);
});

test('a claim stating an ordinal is not corroborated by one stating another ordinal or none', () => {
  const facts = story(
    `${FILLER} Mayor Ilse Varga is making her third visit to Talmont as mayor of Dornvale.`,
    `${FILLER} Mayor Ilse Varga is making her visit to Talmont as mayor of Dornvale this week.`,
  );
  const visit = facts.filter((f) => f.text.includes('visit'));
  assert.equal(visit.length, 2);
  assert.ok(visit.every((f) => f.status === 'single-source'));
  const same = story(
    `${FILLER} Mayor Ilse Varga is making her third visit to Talmont as mayor of Dornvale.`,
    `${FILLER} Mayor Ilse Varga, on her third visit to Talmont as mayor, met the harbour board.`,
  );
  assert.equal(same.find((f) => f.text.includes('third'))?.status, 'corroborated');
  // "Seventh round" counts a part of the bout, not the bout: the claims still corroborate each other.
  const part = story(
    `${FILLER} The boxer Arno Vell stopped Dario Kent in the seventh round at the Brisca Arena.`,
    `${FILLER} The boxer Arno Vell stopped Dario Kent at the Brisca Arena on Saturday night.`,
  );
  assert.equal(part.find((f) => f.text.includes('stopped'))?.status, 'corroborated');
});

test('a later report that updates the state is a development, not a conflict', () => {
  const facts = story(
    `${FILLER} Officials of both towns have discussed a broad harbour agreement that would cover fishing quotas and shared patrols.`,
    `${FILLER} The mayor now says the harbour agreement will be a short letter, covering fishing quotas rather than shared patrols.`,
    ['2031-05-07', '2031-05-09'],
  );
  assert.equal(
    facts.some((f) => f.status === 'conflicting'),
    false,
  );
  const later = facts.find((f) => f.text.includes('now says'));
  const earlier = facts.find((f) => f.text.includes('broad harbour agreement'));
  assert.ok(later && earlier);
  assert.deepEqual(later.developsFrom, [facts.indexOf(earlier)]);
});

test('reported speech is aligned by its frame, not by its wording', () => {
  const facts = story(
    `${FILLER} Citing the weak stance of Talmont on smuggling, Mayor Ilse Varga threatened to impose a levy of 30% on timber shipped from Talmont.`,
    `${FILLER} Adding to the tension, Mayor Ilse Varga has threatened a 30% levy on Talmont timber as leverage to force cooperation on smuggling.`,
  );
  assert.equal(facts.find((f) => f.text.includes('levy'))?.status, 'corroborated');
});
