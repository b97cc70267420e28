import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { plainArticle } from '../../../test/plain-article.js';
import type { TimeMention } from '../../model/annotations.js';
import type { Article, Embed } from '../../model/article.js';
import { layer } from '../../model/article.js';
import { runStage } from '../../pipeline/runner.js';
import { reanchorTimes, storyReferenceDate, times } from './index.js';
import { leadTense } from './tense.js';

/** Runs the stage on a fictional article; `published` plays the article's metadata date. */
function annotate(text: string, options: { published?: string; language?: string; embeds?: Embed[] } = {}): Article {
  const base = plainArticle(text, options.language ?? 'en');
  const article: Article = {
    ...base,
    published: options.published ? { date: options.published, basis: 'meta' } : { date: null, basis: 'unknown' },
    embeds: options.embeds ?? [],
  };
  return runStage(times(), article);
}

function find(article: Article, surface: string): TimeMention {
  const mention = layer(article, 'times').find((m) => m.text === surface);
  assert.ok(mention, `no time "${surface}" in ${JSON.stringify(layer(article, 'times').map((m) => m.text))}`);
  return mention;
}

test('"on Tuesday" in an article published Tuesday 2025-09-02 is that day, anchored on the metadata', () => {
  const a = annotate('The envoy is flying to the capital on Tuesday for talks on trade.', { published: '2025-09-02' });
  const m = find(a, 'Tuesday');
  assert.equal(m.value, '2025-09-02');
  assert.equal(m.precision, 'day');
  assert.equal(m.relative, true);
  assert.equal(m.anchor, 'metadata');
});

test('"last month" is the previous month with month precision', () => {
  const m = find(annotate('The paper reported last month that the plan was signed.', { published: '2025-09-02' }), 'last month');
  assert.equal(m.value, '2025-08');
  assert.equal(m.precision, 'month');
});

test('a past-tense month is not pushed into the future; a future-tense one may be', () => {
  const past = annotate('The minister visited the border in February and met the governors.', { published: '2025-09-12' });
  assert.equal(find(past, 'February').value, '2025-02');
  const future = annotate('The minister will visit the border in February.', { published: '2025-09-12' });
  assert.equal(find(future, 'February').value, '2026-02');
});

test('weekdays follow the tense of their clause, in English and Spanish', () => {
  const published = '2025-09-02'; // a Tuesday
  assert.equal(find(annotate('The two leaders met on Thursday in the port city.', { published }), 'Thursday').value, '2025-08-28');
  assert.equal(find(annotate('The two leaders will meet on Thursday in the port city.', { published }), 'Thursday').value, '2025-09-04');
  assert.equal(find(annotate('La ministra se reunió el jueves con los alcaldes.', { published, language: 'es' }), 'jueves').value, '2025-08-28');
  assert.equal(find(annotate('La ministra viajará el jueves a la frontera.', { published, language: 'es' }), 'jueves').value, '2025-09-04');
  assert.equal(find(annotate('The bill passed last Tuesday.', { published }), 'last Tuesday').value, '2025-08-26');
});

test('without metadata the latest full date in the text is the reference, not a historical one', () => {
  const text = 'The wall fell on Nov. 9, 1989, a day the mayor recalled.\nThe mayor spoke on Sept. 2, 2025, at the museum. On Monday the exhibit opened.';
  const a = annotate(text);
  const monday = find(a, 'Monday');
  assert.equal(monday.value, '2025-09-01');
  assert.equal(monday.anchor, 'text');
  assert.ok(a.messages.some((m) => m.ruleId === 'times:reference-text' && m.reason.includes('2025-09-02')));
});

test('a future date in a future clause does not become the reference', () => {
  const text = 'The council met on March 3, 2025, to set the vote.\nThe vote will be held on Nov. 3, 2026. Officials said on Friday that turnout matters.';
  assert.equal(find(annotate(text), 'Friday').value, '2025-02-28');
});

test('with no reference, relative values keep X parts and a message says so', () => {
  const a = annotate('El acuerdo se firmó el 9 de marzo, dijo el jueves la ministra.', { language: 'es' });
  assert.equal(find(a, '9 de marzo').value, 'XXXX-03-09');
  assert.equal(find(a, 'jueves').value, 'XXXX-WXX-4');
  assert.equal(find(a, '9 de marzo').anchor, 'none');
  assert.ok(a.messages.some((m) => m.ruleId === 'times:no-reference'));
});

test('a social post kept aside with its own signature date does not date the article', () => {
  const post: Embed = {
    kind: 'social-post',
    text: '— A Campaign Account (@campaign) February 17, 2025',
    author: 'A Campaign Account (@campaign)',
    date: 'February 17, 2025',
    place: { start: 0, end: 10 },
    inText: false,
  };
  const a = annotate('The senator plans to visit the region in the coming weeks, aides said on Monday.', { embeds: [post] });
  assert.equal(find(a, 'Monday').value, 'XXXX-WXX-1');
  assert.equal(find(a, 'the coming weeks').value, 'FUTURE_REF');
  assert.ok(!a.messages.some((m) => m.ruleId.startsWith('times:reference-')));
});

test('a signature date inside an embed kept in the text is marked inEmbed and never anchors the article', () => {
  const text = 'The governor praised the plan on Monday.\n— A Campaign Account (@campaign) February 17, 2025\nAides said the visit went well.';
  const start = text.indexOf('—');
  const end = text.indexOf('2025') + 4;
  const embed: Embed = {
    kind: 'social-post',
    text: text.slice(start, end),
    author: 'A Campaign Account (@campaign)',
    date: '2025-02-17',
    place: { start, end },
    inText: true,
  };
  const a = annotate(text, { embeds: [embed] });
  const signature = find(a, 'February 17, 2025');
  assert.equal(signature.inEmbed, true);
  assert.equal(find(a, 'Monday').value, 'XXXX-WXX-1');
  assert.equal(find(a, 'Monday').inEmbed, undefined);
});

test("an outlet's caption dates an article with no other evidence (basis embed), its archive date does not", () => {
  const caption: Embed = {
    kind: 'caption',
    text: 'FILE — The envoy leaves a meeting in the capital, Aug. 8, 2025. The envoy is flying abroad on Tuesday, Sept. 2, 2025, for talks.',
    author: null,
    date: null,
    place: { start: 0, end: 10 },
    inText: false,
  };
  const a = annotate('The envoy is flying abroad on Tuesday for talks on security.', { embeds: [caption] });
  const tuesday = find(a, 'Tuesday');
  assert.equal(tuesday.value, '2025-09-02');
  assert.equal(tuesday.anchor, 'embed');
  const strict = runStage(times({ captionAnchor: false }), { ...a, layers: { ...a.layers, times: [] }, messages: [] });
  assert.equal(find(strict, 'Tuesday').value, 'XXXX-WXX-2');
});

test('story anchoring: an undated article takes the date the other articles of its story give', () => {
  const dated = [annotate('The ministers met on Monday.', { published: '2025-09-02' }), annotate('Talks ended Thursday.', { published: '2025-09-04' })];
  const story = storyReferenceDate(dated);
  assert.equal(story, '2025-09-02');
  const undated = annotate('The foreign minister met the president Wednesday in the capital after a tour in February.');
  assert.equal(find(undated, 'Wednesday').value, 'XXXX-WXX-3');
  const pinned = reanchorTimes(undated, story ?? '');
  const wednesday = find(pinned, 'Wednesday');
  // The story's date is only near the article's own day: the nearest Wednesday, not the one before it.
  assert.equal(wednesday.value, '2025-09-03');
  assert.equal(wednesday.anchor, 'story');
  assert.equal(find(pinned, 'February').value, '2025-02');
  const own = reanchorTimes(dated[1] as Article, '2030-01-01');
  assert.equal(find(own, 'Thursday').value, '2025-09-04');
});

test('the stage never throws and every span covers its text, on arbitrary input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('en', 'es', 'und'), (text, language) => {
      const a = annotate(text, { published: '2025-09-02', language });
      assert.ok(!a.messages.some((m) => m.severity === 'error'));
      for (const m of layer(a, 'times')) assert.equal(a.text.slice(m.start, m.end), m.text);
    }),
    { numRuns: 200 },
  );
});

test('hostile input: long runs of numbers, dates and time words stay linear', () => {
  const text = `${'1 2 3 4 '.repeat(20_000)}${'Sept. 2, 2025 '.repeat(5_000)}${'the past few years ago '.repeat(5_000)}`;
  const started = performance.now();
  const a = annotate(text, { published: '2025-09-02' });
  assert.ok(layer(a, 'times').length > 5_000);
  assert.ok(performance.now() - started < 20_000, 'annotation took too long');
});

test('the tense of a lead: the first cue of its first sentence, verbs of saying skipped', () => {
  assert.equal(leadTense('Minister Alba Renner will travel to Ostreva next month, her office said. She met the envoy.'), 1);
  assert.equal(leadTense('Alba Renner plans to visit Ostreva in the coming weeks to sign a water treaty.'), 1);
  assert.equal(leadTense('Officials said Alba Renner will open the new bridge.'), 1);
  assert.equal(leadTense('Alba Renner arrived in Ostreva on Tuesday for talks on the water treaty.'), -1);
  assert.equal(leadTense('KORVIK — Alba Renner is flying to Ostreva on Tuesday. She will sign a treaty.'), 0);
  assert.equal(leadTense('The harbour of Korvik at dawn. Boats will come in later.'), null);
});
