import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryEntity } from '../annotate/entities/index.js';
import { type Article, textArticle } from '../model/article.js';
import { mergeQuotes } from './quotes.js';

// Made-up people, places and words throughout.
interface Said {
  text: string;
  speaker: string | null;
  kind?: 'direct' | 'reported';
  /** Where the quote sits in its article (default: the whole text). */
  at?: [number, number];
}

/** One article whose text is `text`, with the given quotes as its quotes layer. */
function article(id: string, text: string, quotes: Said[]): Article {
  const a = textArticle(text, { id, path: `${id}.txt`, language: 'en' });
  a.layers.quotes = quotes.map((q) => {
    const [start, end] = q.at ?? [text.indexOf(q.text), text.indexOf(q.text) + q.text.length];
    return { start, end, text: q.text, kind: q.kind ?? 'direct', speaker: q.speaker };
  });
  return a;
}

/** One quote per article, each article holding just its quote's words. */
function saying(...quotes: Said[]): Article[] {
  return quotes.map((q, i) => article(`a${i}`, q.text, [q]));
}

function person(name: string, aliases: string[] = []): StoryEntity {
  return { name, type: 'person', aliases, roles: [], articleCount: 2 };
}

function body(name: string): StoryEntity {
  return { name, type: 'org', aliases: [], roles: [], articleCount: 2 };
}

const CAST = [person('Mara Vintel', ['Vintel']), person('Oskar Brennholt', ['Brennholt']), body('Harbour Council')];

test('a reprint, a trimmed quote and a light re-wording by one speaker are one quote', () => {
  const quotes = mergeQuotes(
    saying(
      { text: 'We will rebuild the old ferry terminal before the winter storms arrive.', speaker: 'Mara Vintel' },
      { text: 'We will rebuild the old ferry terminal before the winter storms arrive.', speaker: 'Vintel' },
      { text: 'rebuild the old ferry terminal before the winter storms', speaker: null },
      { text: 'We are going to rebuild the ferry terminal before winter storms arrive.', speaker: 'Mara Vintel' },
    ),
    CAST,
  );
  assert.equal(quotes.length, 1);
  const [q] = quotes;
  assert.equal(q?.speaker, 'Mara Vintel');
  assert.equal(q?.citations.length, 2);
  assert.deepEqual(
    q?.variants?.map((v) => v.text),
    ['rebuild the old ferry terminal before the winter storms', 'We are going to rebuild the ferry terminal before winter storms arrive.'],
  );
  assert.deepEqual(q?.otherSpeakers, []);
});

test('statements that only share names and a country are not one quote, and do not chain through a third', () => {
  const quotes = mergeQuotes(
    saying(
      {
        text: 'Dorvania should do more to stop smugglers from crossing into Estmark, even though crossings have fallen',
        speaker: 'Oskar Brennholt',
        kind: 'reported',
      },
      { text: 'to work harder to limit the flow of rifles from Estmark to Dorvania', speaker: 'Dorvanian officials', kind: 'reported' },
      { text: 'most of the rifles originate in Estmark', speaker: 'Dorvanian officials', kind: 'reported' },
    ),
    CAST,
  );
  assert.equal(quotes.length, 3);
  assert.ok(quotes.every((q) => (q.variants ?? []).length === 0 && (q.otherSpeakers ?? []).length === 0));
  assert.equal(quotes.find((q) => q.text.startsWith('Dorvania should'))?.speaker, 'Oskar Brennholt');
});

test('quotes sharing function words and a few names are not one statement', () => {
  const quotes = mergeQuotes(
    saying(
      { text: 'the harbour council said the port will reopen', speaker: null, kind: 'reported' },
      { text: 'the port will stay closed until the council votes on the harbour budget', speaker: null, kind: 'reported' },
    ),
    CAST,
  );
  assert.equal(quotes.length, 2);
});

test('the same words given to two named people by two outlets stay one quote with a warning', () => {
  const words = 'Nobody in this valley will be left without clean water by the end of the month.';
  const quotes = mergeQuotes(
    saying({ text: words, speaker: 'Mara Vintel' }, { text: words, speaker: 'Mara Vintel' }, { text: words, speaker: 'Oskar Brennholt' }),
    CAST,
  );
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.speaker, 'Mara Vintel');
  assert.deepEqual(quotes[0]?.otherSpeakers, ['Oskar Brennholt']);
});

test('re-worded words under another named speaker are two quotes, not a warning', () => {
  const quotes = mergeQuotes(
    saying(
      { text: 'The new bridge will open to traffic in early spring after the final safety checks.', speaker: 'Mara Vintel' },
      { text: 'the bridge opens to traffic in spring once the safety checks are finished', speaker: 'Oskar Brennholt' },
    ),
    CAST,
  );
  assert.equal(quotes.length, 2);
  assert.ok(quotes.every((q) => (q.otherSpeakers ?? []).length === 0));
});

test('a spokesman and the body he speaks for are no warning', () => {
  const words = 'The council will review every permit issued along the river since the flood.';
  const quotes = mergeQuotes(
    saying({ text: words, speaker: 'Harbour Council' }, { text: words, speaker: 'Harbour Council' }, { text: words, speaker: 'Oskar Brennholt' }),
    CAST,
  );
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.speaker, 'Harbour Council');
  assert.deepEqual(quotes[0]?.otherSpeakers, []);
});

test('one person named with and without a title is no warning', () => {
  const words = 'Three families were moved out of the flats on the quay overnight as a precaution.';
  const cast = [person('Ilse Marrow'), person('Sergeant Ilse Marrow')];
  const quotes = mergeQuotes(
    saying({ text: words, speaker: 'Ilse Marrow' }, { text: words, speaker: 'Ilse Marrow' }, { text: words, speaker: 'Sergeant Ilse Marrow' }),
    cast,
  );
  assert.equal(quotes.length, 1);
  assert.deepEqual(quotes[0]?.otherSpeakers, []);
});

test('a report nested in another of the same article joins it without a second speaker', () => {
  const text = 'Vintel said Brennholt believes the tunnel will be finished by June.';
  const outer = 'Brennholt believes the tunnel will be finished by June';
  const inner = 'the tunnel will be finished by June';
  const quotes = mergeQuotes(
    [
      article('a0', text, [
        { text: outer, speaker: 'Mara Vintel', kind: 'reported' },
        { text: inner, speaker: 'Oskar Brennholt', kind: 'reported', at: [text.indexOf(inner), text.indexOf(inner) + inner.length] },
      ]),
    ],
    CAST,
  );
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.speaker, 'Mara Vintel');
  assert.deepEqual(quotes[0]?.otherSpeakers, []);
});

test('one article giving overlapping words to two speakers in separate reports is no warning', () => {
  const words = 'the ferry service will resume on Monday morning with a reduced timetable';
  const text = `${words}. Later: ${words}.`;
  const second = text.lastIndexOf(words);
  const quotes = mergeQuotes(
    [
      article('a0', text, [
        { text: words, speaker: 'Mara Vintel', kind: 'reported', at: [0, words.length] },
        { text: words, speaker: 'Oskar Brennholt', kind: 'reported', at: [second, second + words.length] },
      ]),
    ],
    CAST,
  );
  assert.equal(quotes.length, 2);
  assert.ok(quotes.every((q) => (q.otherSpeakers ?? []).length === 0));
});

test('direct quotes come first, then quotes carried by more articles', () => {
  const quotes = mergeQuotes(
    saying(
      { text: 'the mill will close its night shift next year', speaker: null, kind: 'reported' },
      { text: 'We never planned to close the mill.', speaker: 'Mara Vintel' },
      { text: 'Prices at the market have doubled since the storm.', speaker: 'Oskar Brennholt' },
      { text: 'Prices at the market have doubled since the storm.', speaker: 'Oskar Brennholt' },
    ),
    CAST,
  );
  assert.deepEqual(
    quotes.map((q) => [q.kind, q.citations.length]),
    [
      ['direct', 2],
      ['direct', 1],
      ['reported', 1],
    ],
  );
});
