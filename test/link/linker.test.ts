import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linker } from '../../src/link/linker.js';
import { linkArticles } from '../../src/link/stories.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { ANNOUNCEMENT, article, FLOOD, SPANISH_VISIT, VISIT } from './fixtures.js';

const ALL = [...ANNOUNCEMENT, ...VISIT, ...FLOOD];

function storyOf(stories: readonly Story[], a: Article): Story {
  const found = stories.find((s) => s.articleIds.includes(a.id));
  assert.ok(found, `article "${a.title}" is in no story`);
  return found;
}

function eventOf(story: Story, a: Article): string {
  const found = story.events.find((e) => e.articleIds.includes(a.id));
  assert.ok(found, `article "${a.title}" is in no event`);
  return found.id;
}

/** Stories as sorted lists of sorted article ids, events likewise: what must not depend on order. */
function shape(stories: readonly Story[]): string {
  return JSON.stringify(
    stories
      .map((s) => ({ articles: [...s.articleIds].sort(), events: s.events.map((e) => [...e.articleIds].sort()).sort() }))
      .sort((a, b) => (a.articles[0] as string).localeCompare(b.articles[0] as string)),
  );
}

test('one story for the bilateral articles, another for the flood', () => {
  const { stories } = linkArticles(ALL);
  const bilateral = storyOf(stories, ANNOUNCEMENT[0] as Article);
  for (const a of [...ANNOUNCEMENT, ...VISIT]) assert.equal(storyOf(stories, a).id, bilateral.id);
  const flood = storyOf(stories, FLOOD[0] as Article);
  assert.notEqual(flood.id, bilateral.id);
  assert.equal(storyOf(stories, FLOOD[1] as Article).id, flood.id);
});

test('the same cast months apart makes two events, each dated, not one', () => {
  const { stories } = linkArticles(ALL);
  const story = storyOf(stories, VISIT[0] as Article);
  const spring = eventOf(story, ANNOUNCEMENT[0] as Article);
  const autumn = eventOf(story, VISIT[0] as Article);
  assert.notEqual(spring, autumn);
  for (const a of ANNOUNCEMENT) assert.equal(eventOf(story, a), spring);
  for (const a of VISIT) assert.equal(eventOf(story, a), autumn);
  const dates = Object.fromEntries(story.events.map((e) => [e.id, e.date]));
  assert.equal(dates[spring], '2025-05-12');
  assert.equal(dates[autumn], '2025-09-03');
});

test('a Spanish article joins the English story and its event through names, numbers and dates', () => {
  const { stories } = linkArticles([...ALL, SPANISH_VISIT]);
  const story = storyOf(stories, VISIT[0] as Article);
  assert.equal(storyOf(stories, SPANISH_VISIT).id, story.id);
  assert.equal(eventOf(story, SPANISH_VISIT), eventOf(story, VISIT[0] as Article));
});

test('the result does not depend on the order articles arrive in', () => {
  const input = [...ALL, SPANISH_VISIT];
  const expected = shape(linkArticles(input).stories);
  for (const order of [[...input].reverse(), [...input.slice(4), ...input.slice(0, 4)], [8, 0, 5, 2, 7, 1, 3, 6, 4].map((i) => input[i])]) {
    const linker = new Linker();
    for (const a of order) linker.add(a as Article);
    assert.equal(shape(linker.stories()), expected);
  }
});

test('adding the same article twice changes nothing', () => {
  const linker = new Linker();
  for (const a of ALL) linker.add(a);
  const before = shape(linker.stories());
  linker.add(ALL[0] as Article);
  assert.equal(linker.size, ALL.length);
  assert.equal(shape(linker.stories()), before);
});

test('state survives a JSON round trip, and removing an article re-links the rest', () => {
  const linker = new Linker();
  for (const a of ALL) linker.add(a);
  const restored = Linker.restore(JSON.parse(JSON.stringify(linker.serialize())));
  assert.equal(shape(restored.stories()), shape(linker.stories()));
  for (const a of FLOOD) restored.remove(a.id);
  const stories = restored.stories();
  assert.equal(stories.length, 1);
  assert.equal(stories[0]?.articleIds.length, ANNOUNCEMENT.length + VISIT.length);
});

test('entries read by an older version of the anchors are left out on restore, and filing them again restores the stories', () => {
  const linker = new Linker();
  for (const a of ALL) linker.add(a);
  const first = ALL[0] as Article;
  const state = linker.serialize();
  const stale = { ...state, entries: state.entries.map((e) => (e.id === first.id ? { ...e, anchors: { ...e.anchors, version: 0 } } : e)) };
  const restored = Linker.restore(stale);
  assert.equal(restored.has(first.id), false);
  assert.equal(restored.size, ALL.length - 1);
  restored.add(first);
  assert.equal(shape(restored.stories()), shape(linker.stories()));
});

test('an unrelated article starts its own story', () => {
  const odd = article('The Quillfield chess club crowned twelve-year-old Pia Lindqvist champion after a nine-round tournament at the public library.', {
    title: 'Pia Lindqvist wins Quillfield chess title',
    published: '2025-07-02',
  });
  const { stories } = linkArticles([...ALL, odd]);
  assert.deepEqual(storyOf(stories, odd).articleIds, [odd.id]);
});
