import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../annotate/nlp.js';
import { splitClauses } from './clauses.js';

// Fictional places and people, written for these tests.

/** Claims of a sentence as text, with the verbs the tagger finds (as units.ts reads them). */
function claims(sentence: string): string[] {
  const verbs = new Set(
    analyze(sentence)
      .tokens.filter((t) => t.pos === 'VERB')
      .map((t) => t.start),
  );
  return splitClauses(sentence, [], verbs).map((s) => sentence.slice(s.start, s.end));
}

test('two coordinated verbs are two claims; a list of nouns joined by "and" stays one claim', () => {
  assert.deepEqual(claims('The council of Dornvale closed the old harbour to ferries and reopened the northern bridge to all traffic.'), [
    'The council of Dornvale closed the old harbour to ferries',
    'reopened the northern bridge to all traffic.',
  ]);
  const list = 'The smugglers carried rifles, hand grenades, mortars built from old pipes and armored vans fitted with cannons.';
  assert.deepEqual(claims(list), [list]);
});

test('a participle clause and a leading "while" clause split off; "including" keeps its list with the claim', () => {
  assert.deepEqual(claims('Mayor Ilse Varga will travel to Brisca next month with two aides, praising the harbour workers for their long strike.'), [
    'Mayor Ilse Varga will travel to Brisca next month with two aides',
    'praising the harbour workers for their long strike.',
  ]);
  assert.deepEqual(claims('She said that while talks on a fishing quota are possible, each town must keep its own harbour rules.'), [
    'She said that while talks on a fishing quota are possible',
    'each town must keep its own harbour rules.',
  ]);
  const including = 'The court of Brisca sent back forty suspects wanted in Talmont, including three leaders of the river gang.';
  assert.deepEqual(claims(including), [including]);
});

test('a noun appositive with its own verb is its own claim, so its verb does not take the main doer', () => {
  assert.deepEqual(
    claims('Mayor Varga announced that the navy had stopped a boat run by the Ostrel Brothers, a gang accused of moving stolen cars into Talmont.'),
    ['Mayor Varga announced that the navy had stopped a boat run by the Ostrel Brothers', 'a gang accused of moving stolen cars into Talmont.'],
  );
});

test('never cut inside quote marks; a bullet marker is stripped', () => {
  const quoted = 'The mayor told reporters "we will rebuild the bridge over the river, while the ferry keeps running every hour" on Friday.';
  assert.deepEqual(claims(quoted), [quoted]);
  const bullet = '• The council voted to close the old mill on the river and reopened the ferry landing at Brisca.';
  assert.deepEqual(claims(bullet), ['The council voted to close the old mill on the river', 'reopened the ferry landing at Brisca.']);
  const numbered = '2. Mayor Varga signed the harbour agreement with the shipping union.';
  assert.deepEqual(claims(numbered), ['Mayor Varga signed the harbour agreement with the shipping union.']);
});
