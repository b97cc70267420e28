import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Linker } from '../../src/link/linker.js';
import { linkArticles } from '../../src/link/stories.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { article } from '../link/fixtures.js';
import { runs } from './arbitraries.js';

/** Three fictional stories with no names, places or numbers in common. */
const TOPICS = [
  {
    date: '2026-03-02',
    sentences: [
      'Dock workers in Portville walked out on Monday after pay talks with the Harbour Board collapsed.',
      'Union leader Lee Park said 1,500 members of the Portville dockers union would stay out until the Harbour Board raised wages.',
      'Ships queued outside Portville harbour as the strike by dockers entered its second day.',
      'The Harbour Board chairman Tomas Berg called the walkout by Portville dockers unlawful.',
      'Lee Park told dockers at the Portville quay that the Harbour Board offer of 2% was an insult.',
    ],
  },
  {
    date: '2026-05-20',
    sentences: [
      'Wildfire crews in the Carrow Valley evacuated 300 homes near Ashford as flames crossed the Linden ridge.',
      'Fire chief Ines Ortega said the Carrow Valley blaze had burned 4,200 hectares of forest around Ashford.',
      'Residents of Ashford sheltered at the Carrow Valley school while water bombers attacked the Linden ridge fire.',
      'Ortega warned that winds over the Linden ridge could push the wildfire toward Ashford overnight.',
      'The Carrow Valley wildfire forced the closure of the Ashford highway for a third day.',
    ],
  },
  {
    date: '2026-09-11',
    sentences: [
      'The Velmora national chess championship opened in Kestrel Hall with grandmaster Oskar Lind as top seed.',
      'Oskar Lind won his first round game at Kestrel Hall in 41 moves against Petra Novak.',
      'Petra Novak, the Velmora junior champion, said she would play the Sicilian against Lind in the rematch.',
      'Organisers in Kestrel Hall said 64 players entered the Velmora chess championship this year.',
      'Lind and Novak drew their second game at the Velmora championship after five hours.',
    ],
  },
];

/** An article of one topic: a few of its sentences in some order, published within days of the topic's date. */
const topicArticle = fc
  .tuple(fc.integer({ min: 0, max: TOPICS.length - 1 }), fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 3, maxLength: 5 }), fc.integer({ min: 0, max: 3 }))
  .map(([t, picks, day]) => {
    const topic = TOPICS[t] as (typeof TOPICS)[number];
    const text = picks.map((i) => topic.sentences[i]).join(' ');
    const published = `${topic.date.slice(0, 8)}${String(Number(topic.date.slice(8)) + day).padStart(2, '0')}`;
    return { topic: t, article: article(text, { published, outlet: `Outlet ${picks.join('')}`, path: `t${t}-${picks.join('')}.txt` }) };
  });

/** Stories as sorted lists of sorted article ids, events likewise: what must not depend on order. */
function shape(stories: readonly Story[]): string {
  return JSON.stringify(
    stories
      .map((s) => ({ articles: [...s.articleIds].sort(), events: s.events.map((e) => [...e.articleIds].sort()).sort() }))
      .sort((a, b) => String(a.articles[0]).localeCompare(String(b.articles[0]))),
  );
}

function unique<T extends { article: Article }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.article.id) && seen.add(x.article.id));
}

test('batch linking is a function of the set: any input order gives the same stories, events and duplicates', () => {
  fc.assert(
    fc.property(
      fc
        .array(topicArticle, { minLength: 1, maxLength: 10 })
        .chain((xs) => fc.tuple(fc.constant(unique(xs)), fc.shuffledSubarray(unique(xs), { minLength: unique(xs).length }))),
      ([items, shuffled]) => {
        const a = linkArticles(items.map((x) => x.article));
        const b = linkArticles(shuffled.map((x) => x.article));
        assert.equal(shape(b.stories), shape(a.stories));
        assert.deepEqual([...b.duplicates].sort(), [...a.duplicates].sort());
      },
    ),
    runs(40, 300),
  );
});

/**
 * The online linker may group differently by arrival order (docs/scale.md: "a distributed run may group slightly
 * differently"); what must hold in any order: stories never mix unrelated topics, and every article is in exactly
 * one story.
 */
test('online linking in any arrival order: every article in one story, and no story mixes unrelated topics', () => {
  fc.assert(
    fc.property(
      fc.array(topicArticle, { minLength: 1, maxLength: 10 }).chain((xs) => fc.shuffledSubarray(unique(xs), { minLength: unique(xs).length })),
      (items) => {
        const linker = new Linker();
        for (const x of items) linker.add(x.article);
        const topicOf = new Map(items.map((x) => [x.article.id, x.topic]));
        const stories = linker.stories();
        const seen = stories.flatMap((s) => s.articleIds);
        assert.equal(seen.length, items.length, 'an article is in no story or in two');
        assert.equal(new Set(seen).size, items.length);
        for (const s of stories) assert.equal(new Set(s.articleIds.map((id) => topicOf.get(id))).size, 1, 'a story mixes topics');
      },
    ),
    runs(40, 300),
  );
});

test('online linking of clearly separate stories: the same stories in any arrival order', () => {
  fc.assert(
    fc.property(
      fc
        .array(topicArticle, { minLength: 1, maxLength: 10 })
        .chain((xs) => fc.tuple(fc.constant(unique(xs)), fc.shuffledSubarray(unique(xs), { minLength: unique(xs).length }))),
      ([items, shuffled]) => {
        const one = new Linker();
        for (const x of items) one.add(x.article);
        const two = new Linker();
        for (const x of shuffled) two.add(x.article);
        assert.equal(shape(two.stories()), shape(one.stories()));
      },
    ),
    runs(40, 300),
  );
});
