import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linker } from '../../src/link/linker.js';
import { linkArticles } from '../../src/link/stories.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { ANNOUNCEMENT, article, FLOOD, VISIT } from './fixtures.js';

/**
 * Stories as one happening and its development, connected in a story graph. Every name is invented: Nordavia,
 * Estrelia, Idris Kallweit and Maren Solvik come from fixtures.ts.
 */

/** Six days after the visit, the same two leaders in another happening: a trawler seized on the river. */
const TRAWLER = [
  article(
    'Estrelian coast guards seized the Nordavian trawler Silver Gull and detained its nine crew on Tuesday, accusing them of fishing without a licence. Foreign Minister Idris Kallweit demanded their release and summoned the Estrelian envoy. President Maren Solvik said the courts would decide the fate of the crew.',
    { title: 'Estrelia seizes Nordavian trawler Silver Gull, detains nine crew', outlet: 'Velholm Courier', published: '2025-09-09' },
  ),
  article(
    'The nine fishermen of the Silver Gull spent a second night in an Estrelian jail as Idris Kallweit accused Maren Solvik’s government of harassing Nordavian boats. Coast guards boarded the trawler at dawn and towed it to a naval pier, where its catch was confiscated.',
    { title: 'Kallweit protests as Silver Gull crew stay in custody', outlet: 'Northern Ledger', published: '2025-09-10' },
  ),
  article(
    'Relatives of the Silver Gull crew gathered outside the Estrelian embassy in Velholm on Wednesday. The trawler was seized by coast guards who say it had no licence; Kallweit called the seizure unlawful and Solvik refused to intervene before a court hearing.',
    { title: 'Families of detained fishermen rally outside embassy', outlet: 'Harbor Times', published: '2025-09-10' },
  ),
];

function storyOf(stories: readonly Story[], a: Article): Story {
  const found = stories.find((s) => s.articleIds.includes(a.id));
  assert.ok(found, `article "${a.title}" is in no story`);
  return found;
}

test('the same cast in another happening days later is another story, related to the first through its actors', () => {
  const { stories } = linkArticles([...ANNOUNCEMENT, ...VISIT, ...TRAWLER, ...FLOOD]);
  const visit = storyOf(stories, VISIT[0] as Article);
  const trawler = storyOf(stories, TRAWLER[0] as Article);
  assert.notEqual(visit.id, trawler.id);
  for (const a of TRAWLER) assert.equal(storyOf(stories, a).id, trawler.id);
  const link = visit.relatedStories?.find((r) => r.id === trawler.id);
  assert.ok(link, 'the visit story lists the trawler story as related');
  const actors = link.reasons.find((r) => r.kind === 'actors');
  assert.ok(actors?.values.includes('Kallweit'), `reasons: ${JSON.stringify(link.reasons)}`);
  assert.equal(link.title, trawler.title);
  assert.ok(
    trawler.relatedStories?.some((r) => r.id === visit.id),
    'the link goes both ways',
  );
  const flood = storyOf(stories, FLOOD[0] as Article);
  assert.ok(!visit.relatedStories?.some((r) => r.id === flood.id), 'the flood shares nothing with the visit');
});

test('an announcement and the visit months later are one story with two dated events and a date range', () => {
  const { stories } = linkArticles([...ANNOUNCEMENT, ...VISIT]);
  assert.equal(stories.length, 1);
  const story = stories[0] as Story;
  assert.deepEqual(
    story.events.map((e) => [e.date, e.precision, e.articleIds.length]),
    [
      ['2025-05-12', 'day', 3],
      ['2025-09-03', 'day', 3],
    ],
  );
  assert.deepEqual(story.dateRange, { first: '2025-05-12', last: '2025-09-03' });
  assert.ok(
    [...ANNOUNCEMENT, ...VISIT].some((a) => a.title === story.title),
    'the title is one of the headlines',
  );
});

test('undated, the announcement and the visit are still two events: one tells the visit as to come, the other as done', () => {
  const undated = (a: Article): Article => ({ ...a, published: { date: null, basis: 'unknown' } });
  const { stories } = linkArticles([...ANNOUNCEMENT, ...VISIT].map(undated));
  assert.equal(stories.length, 1);
  const events = (stories[0] as Story).events.map((e) => [...e.articleIds].sort());
  const ids = (list: readonly Article[]) => list.map((a) => a.id).sort();
  assert.deepEqual(
    events.sort((x, y) => (x[0] as string).localeCompare(y[0] as string)),
    [ids(ANNOUNCEMENT), ids(VISIT)].sort((x, y) => (x[0] as string).localeCompare(y[0] as string)),
  );
});

test("an embedded post's date dates nothing: an article with no date of its own stays undated", () => {
  const base = article(
    'Harbour pilots in Porto Lume refused to guide ships into port for a third day, the pilots’ union said, after talks with the port authority collapsed over night-shift pay.',
    { title: 'Porto Lume pilots extend refusal to guide ships' },
  );
  const withPost: Article = {
    ...base,
    embeds: [{ kind: 'social-post', text: 'Talks are off.', author: '@lumepilots', date: '2024-11-02', place: { start: 0, end: 0 }, inText: false }],
  };
  const story = linkArticles([withPost]).stories[0] as Story;
  assert.equal(story.events[0]?.date, null);
  assert.equal(story.events[0]?.precision, null);
  assert.equal(story.dateRange, null);
});

test('an untitled article is named by its lead up to a clause boundary, never cut mid-phrase', () => {
  const lead =
    'Foreign Minister Idris Kallweit of Nordavia plans to visit Estrelia in the coming weeks, his office said on Monday, to negotiate a border pact with President Maren Solvik and her cabinet. More follows.';
  const story = linkArticles([article(lead, { published: '2025-05-12' })]).stories[0] as Story;
  assert.equal(story.title, 'Foreign Minister Idris Kallweit of Nordavia plans to visit Estrelia in the coming weeks, his office said on Monday');
});

test('the same articles give the same stories and related stories whatever the order and batches', () => {
  const input = [...ANNOUNCEMENT, ...VISIT, ...TRAWLER, ...FLOOD];
  const shape = (stories: readonly Story[]) =>
    JSON.stringify(
      stories
        .map((s) => ({ ids: s.articleIds, related: (s.relatedStories ?? []).map((r) => r.id) }))
        .sort((a, b) => (a.ids[0] as string).localeCompare(b.ids[0] as string)),
    );
  const expected = shape(linkArticles(input).stories);
  const orders = [[...input].reverse(), [...input.slice(5), ...input.slice(0, 5)]];
  for (const order of orders) {
    for (const batches of [1, 2, 3]) {
      const linker = new Linker();
      order.forEach((a, i) => {
        linker.add(a);
        // A linking run ends with the canonical pass: batches of `batches` articles.
        if ((i + 1) % batches === 0) linker.canonicalize();
      });
      linker.canonicalize();
      assert.equal(shape(linker.stories()), expected);
    }
  }
});
