import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import type { Article } from '../model/article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { buildFacts, type Fact } from './facts.js';
import { claimCounts, sidesApart } from './slot-conflicts.js';
import { factUnits } from './units.js';

// Fictional places and companies, written for these tests: a measure of one happening told by outlets in their own
// sentences, which share little else.

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** Each outlet's article (one text each, undated unless a date is given, revised on `updated` when given) run as one story. */
function factsOf(texts: readonly string[], dates: ReadonlyArray<string | null> = [], updated: ReadonlyArray<string | null> = []): Fact[] {
  const articles = texts.map((text, i) =>
    pipeline.run({
      ...plainArticle(text, 'en', `outlet-${i}.txt`),
      published: dates[i] ? { date: dates[i] as string, basis: 'url' } : { date: null, basis: 'unknown' },
      modified: updated[i] ?? null,
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
  const where = factsOf(['The tremor was centred about 20 miles north of Ostrel, the survey said.', 'It struck about 26 miles north of Ostrel in the hills.']);
  assert.deepEqual([...new Set(conflicts(where))], ['number: about 20 miles north of Ostrel ≠ about 26 miles north of Ostrel']);
  // Another direction or another reference place is another measure.
  assert.deepEqual(
    conflicts(factsOf(['The tremor was centred 14 miles northeast of Ostrel.', 'It struck 14 miles north-northeast of Ostrel, 9 miles east of Brannock.'])),
    [],
  );
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
  // What such a happening is: a generic statement, not this happening's measure; the same measure told as the news is.
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'A 5.1 quake is a large one for the Ostrel hills.'])), []);
  assert.equal(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'A 5.1 quake was felt across the Ostrel hills.'])).length, 2);
  assert.deepEqual(conflicts(factsOf(['A 40-year-old attack suspect was held in Velmora.', 'Police held a 38-year-old attack suspect.'])), []);
  // "Preliminary" against a later figure: the measure revised, a development.
  const revised = factsOf(['An earthquake with a preliminary magnitude of 4.9 rattled Brannock.', 'The 4.6-magnitude quake rattled Brannock before dawn.']);
  assert.deepEqual(conflicts(revised), []);
  assert.equal(developments(revised), 1);
});

test('a count of one group told in sentences the gate keeps apart conflicts, marked unsure when the dates do not show one day', () => {
  const cables = factsOf([
    'Users across Velmora lost access after two subsea cables in the Ostrel Strait suffered severe damage.',
    'Phone lines in Velmora went dead on Friday when three subsea cables were damaged in the Ostrel Strait, the operator said.',
  ]);
  const slots = [...new Set(conflicts(cables))];
  assert.equal(slots.length, 1);
  assert.match(slots[0] as string, /^number: two subsea cables ≠ three subsea cables \(unsure/u);
  const injured = factsOf(
    ['The tremor shook the harbour town of Brannock, injuring five people and damaging a school.', 'Rescuers said the quake near Brannock injured two people.'],
    ['2031-05-07', '2031-05-07'],
  );
  assert.deepEqual([...new Set(conflicts(injured))], ['number: five people ≠ two people']);
});

test('counts of other groups, or of one group in a later article, are no conflict', () => {
  // A distance is no group; another window; another happening named; a part of a larger group.
  assert.deepEqual(
    conflicts(
      factsOf(['The trawler was 13 nautical miles from the coast of Velmora.', 'Fishing zones extend to 12 nautical miles from the coast of Velmora.']),
    ),
    [],
  );
  assert.deepEqual(conflicts(factsOf(['Two subsea cables near Ostrel were cut on Friday.', 'Three subsea cables near Ostrel were cut in 2029.'])), []);
  assert.deepEqual(
    conflicts(factsOf(['Two subsea cables near Ostrel were cut on Friday.', 'More subsea cables were cut than in any year since three subsea cables failed.'])),
    [],
  );
  assert.deepEqual(conflicts(factsOf(['Two subsea cables near Ostrel were cut on Friday.', 'Three other subsea cables near Ostrel were repaired.'])), []);
  // An article that itself gives both counts tells two groups.
  assert.deepEqual(
    conflicts(
      factsOf([
        'Two subsea cables near Ostrel were cut on Friday. Three subsea cables near Brannock were spared.',
        'Three subsea cables were spared, engineers in Brannock said.',
      ]),
    ),
    [],
  );
  // A player's tallies are no group of the story; a toll of another place shares nothing with this one's.
  assert.deepEqual(
    conflicts(
      factsOf([
        'The Velmora rookie had a strong year. He scored six touchdowns on offense.',
        'The Velmora rookie impressed, scoring two touchdowns on the ground.',
      ]),
    ),
    [],
  );
  assert.deepEqual(
    conflicts(
      factsOf(['Shelling of houses in the Ostrel camp left 16 injured.', 'At least 55 people were injured at the Brannock school, where families sheltered.']),
    ),
    [],
  );
  // A score is no measure; a claim telling one of a series, or dated to another year, measures another happening.
  assert.deepEqual(conflicts(factsOf(['He was hurt in the 27-24 overtime loss at Velmora.', 'He was hurt during the 13-10 overtime loss to Ostrel.'])), []);
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'The latest 5.1-magnitude tremor shook the region.'])), []);
  assert.deepEqual(
    conflicts(factsOf(['A 7.7 magnitude quake damaged 40 buildings in Velmora.', 'One 7.3-magnitude tremor was felt as far away as Ostrel.'])),
    [],
  );
  // A figure, a unit and a participle is a tally, not a measure of the happening's noun.
  assert.deepEqual(conflicts(factsOf(['Dario Venn had 70 yards rushing against Ostrel.', 'Dario Venn finished the season with 716 yards rushing.'])), []);
  assert.deepEqual(conflicts(factsOf(['A 6.3-magnitude earthquake shook Velmora.', 'Last year, a 5.1-magnitude quake rocked the coast of Velmora.'])), []);
  // A higher toll in a later article: a development.
  const rose = factsOf(
    ['The tremor near Brannock injured five people.', 'Rescuers said the quake near Brannock injured twelve people.'],
    ['2031-05-07', '2031-05-09'],
  );
  assert.deepEqual(conflicts(rose), []);
  assert.equal(developments(rose), 1);
});

test('a toll is dated by the day its page was last updated: one day a conflict, two days a development', () => {
  const told = ['The tremor near Brannock injured five people.', 'Rescuers said the quake near Brannock injured twelve people.'];
  // Published on the 7th but updated on the 9th: the five stand as of the 9th, the day the twelve were told.
  assert.deepEqual([...new Set(conflicts(factsOf(told, ['2031-05-07', '2031-05-09'], ['2031-05-09', null])))], ['number: five people ≠ twelve people']);
  // A page dated only by its "Updated" line is dated by it: the higher toll two days later is a development.
  const rose = factsOf(told, [null, '2031-05-09'], ['2031-05-07', null]);
  assert.deepEqual(conflicts(rose), []);
  assert.equal(developments(rose), 1);
  // Undated, the two tolls stay set against each other (the cables above show the unsure mark).
  assert.ok(conflicts(factsOf(told)).length > 0);
});

test('a count whose sentence tells the change ("climbed to") is the later telling: a development, dated or not', () => {
  const climbed = factsOf([
    'The tremor near Brannock injured five people and damaged a school.',
    'Officials said twelve people were injured in the tremor near Brannock, which damaged a school, as the count climbed to twelve.',
  ]);
  assert.deepEqual(conflicts(climbed), []);
  assert.equal(developments(climbed), 1);
});

test('a claim pointing at another happening of the kind ("the latest tremor … where five were killed") sets no toll against one told alone', () => {
  assert.deepEqual(
    conflicts(
      factsOf([
        'Velmora province was hit by a magnitude 6.1 earthquake this morning, the latest powerful tremor to shake the region where five people were killed and hundreds injured at the weekend when houses collapsed.',
        'A series of powerful earthquakes rocked Brannock, the capital of Velmora province, on Sunday, killing four people, injuring dozens and flattening hundreds of homes.',
      ]),
    ),
    [],
  );
});

test('a share is a rate, not a group a story counts ("a 9% pay rise" against "a 14% pay rise" demanded)', () => {
  const [article] = ['Work resumed at the port of Velmora after the union accepted a 9% pay rise for two hundred dock workers.'].map((t) =>
    pipeline.run(plainArticle(t, 'en', 'outlet.txt')),
  );
  const units = factUnits([article as Article], new Map([[(article as Article).id, 'Outlet']]), new Map());
  const keys = units.flatMap((u) => [...claimCounts(u.frame).keys()]);
  assert.ok(
    keys.some((k) => k.includes('||dock')),
    `the narrowed group is counted: ${keys.join(', ')}`,
  );
  assert.ok(!keys.some((k) => k.includes('||pay')), `the share is not: ${keys.join(', ')}`);
});

test('each side of a count told in number words holds only the claims that give its value', () => {
  const texts = [
    'Two subsea cables were cut near Ostrel.',
    'Three subsea cables were cut near Ostrel.',
    'Subsea cables were cut near Ostrel, the operator said.',
  ];
  const apart = sidesApart(texts, [{ a: 1, b: 2 }], [{ a: 0, b: 1, slot: 'number', values: ['Two subsea cables', 'Three subsea cables'] }]);
  assert.deepEqual(apart, [[1, 2]]);
});

test("a claim giving a side's figure only as a bound the other figure meets (at least 5.9 against 6.1) is kept off that side", () => {
  const quake = [
    'A 6.1-magnitude quake struck the island of Velmora.',
    'A 5.9 magnitude quake struck the island of Velmora.',
    'A quake measuring at least magnitude-5.9 hit the island of Velmora.',
    'A quake measuring 5.9 hit the island of Velmora.',
  ];
  const conflict = { a: 0, b: 1, slot: 'number' as const, values: ['6.1-magnitude', '5.9 magnitude'] as const };
  assert.deepEqual(
    sidesApart(
      quake,
      [
        { a: 1, b: 2 },
        { a: 1, b: 3 },
      ],
      [conflict],
    ),
    [[1, 2]],
  );
  // "About 300" beside "300" still takes the 300 side against "more than 450": the estimate does not reach 450.
  const rally = ['More than 450 people joined the Varnholt rally.', '300 people joined the Varnholt rally.', 'About 300 people joined the Varnholt rally.'];
  assert.deepEqual(sidesApart(rally, [{ a: 1, b: 2 }], [{ a: 0, b: 1, slot: 'number', values: ['More than 450 people', '300 people'] }]), []);
});
