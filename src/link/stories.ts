import type { Article } from '../model/article.js';
import type { Source, Story } from '../model/story.js';
import { topicTerms } from './terms.js';

/** Cosine similarity of TF-IDF term vectors above which two articles are one story (first grouping; see issue 5). */
const SAME_STORY = 0.15;

/**
 * A first story grouping: TF-IDF cosine over topic terms, single-link (union-find), deterministic for a set of
 * articles whatever their order. Each story's id is derived from its smallest article id, so ids survive re-linking.
 */
export function groupStories(articles: readonly Article[]): Story[] {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vectors = tfidf(sorted.map((a) => topicTerms(`${a.title ?? ''}\n${a.text}`)));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>) >= SAME_STORY) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, Article[]>();
  sorted.forEach((article, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), article]);
  });
  return [...groups.values()].map((members) => makeStory(members));
}

/** Builds a story from its member articles (sources grouped, one event until events are linked). */
export function makeStory(members: readonly Article[]): Story {
  const first = members[0] as Article;
  const titled = members.find((a) => a.title) ?? first;
  const dates = members
    .map((a) => a.published.date)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: `s-${first.id}`,
    title: titled.title ?? firstWords(titled.text),
    articleIds: members.map((a) => a.id),
    sources: groupSources(members),
    events: [{ id: `e-${first.id}`, title: titled.title ?? firstWords(titled.text), date: dates[0] ?? null, articleIds: members.map((a) => a.id) }],
  };
}

/** Independent sources: articles crediting the same origin (or from the same outlet) form one source. */
export function groupSources(members: readonly Article[]): Source[] {
  const byName = new Map<string, string[]>();
  for (const a of members) {
    const name = a.provenance.syndicatedFrom ?? a.outlet ?? `unknown outlet (${a.source.path.split('/').pop() ?? a.id})`;
    byName.set(name, [...(byName.get(name) ?? []), a.id]);
  }
  return [...byName.entries()].map(([name, articleIds]) => ({ name, articleIds }));
}

function tfidf(docs: Array<Map<string, number>>): Array<Map<string, number>> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of d) {
      const w = (1 + Math.log(c)) * Math.log(1 + n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 12).join(' ');
  return words.length > 0 ? `${words}…` : '(untitled)';
}
