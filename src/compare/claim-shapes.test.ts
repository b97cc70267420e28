import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../test/plain-article.js';
import { analyze } from '../annotate/nlp.js';
import type { Article } from '../model/article.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/runner.js';
import { claimFrame, roleOf } from './claims.js';
import { claimSpans } from './clauses.js';
import { buildFacts, type Fact } from './facts.js';
import { matchFrames } from './frames.js';
import { withEventNouns } from './related-predicates.js';
import { factUnits } from './units.js';

// Fictional places and people, written for these tests: the same claim told in different sentence shapes.

/** Claims of a sentence as [kind, text], with the tokens the tagger gives (as units.ts reads them). */
function claims(sentence: string): Array<[string, string]> {
  return claimSpans(sentence, [], analyze(sentence).tokens).map((c) => [c.side ? 'side' : c.detail ? 'detail' : 'main', sentence.slice(c.start, c.end)]);
}

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));

/** Facts of a story whose outlets each tell their own version. */
function story(...texts: string[]): Fact[] {
  const articles: Article[] = texts.map((t, i) =>
    pipeline.run({ ...plainArticle(t, 'en', `outlet-${i}.txt`), published: { date: '2031-05-07', basis: 'url' } }),
  );
  const sourceOf = new Map(articles.map((a, i) => [a.id, `Outlet ${i + 1}`]));
  return buildFacts(factUnits(articles, sourceOf, new Map()));
}

function frame(text: string) {
  return claimFrame({ text, offset: 0, language: 'en', entities: [], quantities: [], dates: [], quotes: [], excluded: [], negated: false });
}

test('an aside between a subject and its verb is a side claim of its own; the main claim keeps the sentence', () => {
  const sentence = 'Varga, on her second trip to Norvalia since taking office, signed a harbour pact with the port authority.';
  assert.deepEqual(claims(sentence), [
    ['main', sentence],
    ['side', 'Varga, on her second trip to Norvalia since taking office'],
  ]);
  // The tagger may read the verb after the aside as a noun or an adjective ("underscores", "underscored").
  const elliptic = 'This tour, the mayor’s first to the island since taking office, underscores the urgency of the ferry talks.';
  assert.deepEqual(claims(elliptic)[1], ['side', 'This tour, the mayor’s first to the island since taking office']);
  // A relative clause is an aside too; attribution ("according to …") is not.
  assert.equal(claims('Varga, who is on her second trip to Norvalia this year, signed a harbour pact with the port.')[1]?.[0], 'side');
  assert.equal(claims('Varga, according to two harbour officials, signed a harbour pact with the port authority.').length, 1);
});

test('the aside is left out of the main claim frame: its ordinal and predicate are the side claim’s', () => {
  const sentence = 'Varga, on her second trip to Norvalia since taking office, praised the harbour workers.';
  const [main, side] = claimSpans(sentence, [], analyze(sentence).tokens);
  assert.ok(main && side);
  const whole = claimFrame({
    text: sentence,
    offset: 0,
    language: 'en',
    entities: [],
    quantities: [],
    dates: [],
    quotes: [],
    excluded: [],
    negated: false,
    asides: main.asides,
  });
  assert.deepEqual([...whole.ordinals], []);
  assert.ok(!whole.predicates.has('visit'));
  const aside = frame(sentence.slice(side.start, side.end));
  assert.deepEqual([...aside.ordinals], [2]);
  assert.ok(aside.predicates.has('visit'));
});

test('a companion phrase one outlet adds is cut off the main claim; the whole claim is a detail', () => {
  assert.deepEqual(claims('Mayor Ilse Varga will travel to Brisca in the coming weeks alongside two council members to sign harbour agreements.'), [
    ['main', 'Mayor Ilse Varga will travel to Brisca in the coming weeks'],
    ['detail', 'Mayor Ilse Varga will travel to Brisca in the coming weeks alongside two council members to sign harbour agreements.'],
  ]);
});

test('a list stays one claim, a quote is never cut, a bullet marker is stripped', () => {
  const list = 'The smugglers carried rifles, hand grenades, mortars built from old pipes and armored vans fitted with cannons.';
  assert.deepEqual(claims(list), [['main', list]]);
  const quoted = '"Varga, on her second trip to the coast, signed nothing of the kind," the harbour master told reporters.';
  assert.deepEqual(claims(quoted), [['main', quoted]]);
  const inQuote = 'The mayor told reporters "we will sail to Brisca alongside the whole council and the port workers" on Friday.';
  assert.deepEqual(claims(inQuote), [['main', inQuote]]);
  assert.deepEqual(claims('- Varga, on her second trip to Norvalia since taking office, signed a harbour pact.'), [
    ['main', 'Varga, on her second trip to Norvalia since taking office, signed a harbour pact.'],
    ['side', 'Varga, on her second trip to Norvalia since taking office'],
  ]);
});

test('a noun compounded with an event noun is its theme, whichever shape tells it; a reporting verb is no main happening', () => {
  const a = frame('She stressed that cooperation on fishing and data sharing with Ostrel is possible.');
  const b = frame('The mayor now says the pact will focus on fishing and data sharing rather than a treaty.');
  const c = frame('The two towns agreed on data-sharing with the port of Ostrel.');
  assert.equal(a.main, 'cooperate');
  for (const f of [a, b, c]) {
    const share = f.occurrences.find((p) => p.cls === 'share');
    const data = f.args.find((x) => x.key === 'data');
    assert.ok(share && data, f.text);
    assert.equal(roleOf(data, share), 'theme', f.text);
  }
  const match = matchFrames(a, b);
  assert.ok(match?.slots.some((s) => s.startsWith('theme:') && s.includes('data')));
});

test('a claim told in an aside supports the fact told in a main clause; the fact keeps the main clause text', () => {
  const facts = story(
    'Mayor Ilse Varga is making her second trip to Norvalia as mayor of Brisca. She will meet the port authority on Monday.',
    'Varga, on her second trip to Norvalia since taking office, praised the harbour workers of the northern coast for their long strike.',
  );
  const trip = facts.find((f) => f.text.includes('second trip'));
  assert.ok(trip);
  assert.equal(trip.status, 'corroborated');
  assert.equal(trip.text, 'Mayor Ilse Varga is making her second trip to Norvalia as mayor of Brisca.');
  // The praise is the second outlet's alone; the aside alone is not shown again as a fact of its own.
  assert.ok(facts.some((f) => f.status === 'single-source' && f.text.startsWith('Varga, on her second trip') && f.text.includes('praised')));
  assert.ok(!facts.some((f) => f.text === 'Varga, on her second trip to Norvalia since taking office'));
});

test('a side phrase one outlet adds is not inside a corroborated fact, and stays as a single-source fact', () => {
  const facts = story(
    'Mayor Ilse Varga will travel to Norvalia in the coming weeks alongside two council members to sign harbour agreements.',
    'Mayor Ilse Varga will travel to Norvalia in the coming weeks to sign harbour agreements with the port.',
  );
  const corroborated = facts.filter((f) => f.status === 'corroborated');
  assert.ok(corroborated.length > 0);
  assert.ok(corroborated.every((f) => !f.text.includes('council members')));
  assert.ok(facts.some((f) => f.status === 'single-source' && f.text.includes('alongside two council members')));
});

test('a learned event noun is a predicate of its own class; an unknown verb and its forms are one class', () => {
  const text = 'The harbour heist in Brisca left the port authority without its cargo records.';
  const learned = withEventNouns(new Set(['heist']), () => frame(text));
  assert.ok(learned.predicates.has('heist'));
  assert.ok(!learned.args.some((x) => x.key === 'heist'));
  const unknown = withEventNouns(new Set(), () => frame(text));
  assert.ok(!unknown.predicates.has('heist'));
  assert.ok(unknown.args.some((x) => x.key === 'heist'));
  const forms = ['The storm could ravage the harbour of Brisca.', 'The storm ravaged the harbour of Brisca.', 'The storm ravages the harbour of Brisca.'];
  assert.equal(new Set(forms.map((f) => [...frame(f).predicates].join())).size, 1);
});
