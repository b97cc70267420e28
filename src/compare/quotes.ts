import { canonicalKey, type StoryEntity } from '../annotate/entities/index.js';
import { type Article, layer } from '../model/article.js';
import type { CitationOut, StoryOut } from '../model/contract.js';

type QuoteOut = StoryOut['quotes'][number];

/** Share of the shorter quote's words found in the longer one above which two quotes are one (re-worded) quote. */
const SAME_QUOTE = 0.6;

interface Mention {
  text: string;
  words: string[];
  speaker: string | null;
  kind: 'direct' | 'reported';
  citation: CitationOut;
}

/**
 * Quotes across the outlets of a story: the same words (allowing trims and small re-wordings) merged into one
 * quote with its variants, speakers resolved to the story's entities, and the same words given to different
 * speakers flagged in `otherSpeakers`. Direct quotes first, then by how many articles carry them.
 */
export function mergeQuotes(articles: readonly Article[], entities: readonly StoryEntity[]): QuoteOut[] {
  const resolve = speakerResolver(entities);
  const mentions: Mention[] = [];
  for (const a of articles) {
    for (const q of layer(a, 'quotes')) {
      const words = q.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length < 3) continue;
      mentions.push({
        text: q.text,
        words,
        speaker: q.speaker ? resolve(q.speaker) : null,
        kind: q.kind,
        citation: { articleId: a.id, start: q.start, end: q.end },
      });
    }
  }
  const groups: Mention[][] = [];
  const index = new Map<string, number[]>();
  const exact = new Map<string, number>();
  for (const m of mentions) {
    // The same words again (a reprint) join their group at once, without comparing word lists.
    const seen = exact.get(`${m.kind}:${m.words.join(' ')}`);
    if (seen !== undefined) {
      (groups[seen] as Mention[]).push(m);
      continue;
    }
    const candidates = new Set<number>();
    for (const w of rareWords(m.words)) for (const g of index.get(w) ?? []) candidates.add(g);
    const target = [...candidates]
      .sort((x, y) => x - y)
      .find((g) => (groups[g] as Mention[]).some((o) => o.kind === m.kind && containment(o.words, m.words) >= SAME_QUOTE));
    const g = target ?? groups.push([]) - 1;
    (groups[g] as Mention[]).push(m);
    exact.set(`${m.kind}:${m.words.join(' ')}`, g);
    for (const w of rareWords(m.words)) index.set(w, [...(index.get(w) ?? []), g]);
  }
  const agents = new Set(entities.filter((e) => e.type === 'person' || e.type === 'org' || e.type === 'group').map((e) => e.name));
  return groups.map((g) => toQuote(g, agents)).sort((x, y) => (x.kind === y.kind ? y.citations.length - x.citations.length : x.kind === 'direct' ? -1 : 1));
}

function toQuote(group: Mention[], agents: ReadonlySet<string>): QuoteOut {
  const speakers = new Map<string, number>();
  for (const m of group) if (m.speaker) speakers.set(m.speaker, (speakers.get(m.speaker) ?? 0) + 1);
  const ranked = [...speakers.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const main = group.reduce((best, m) => (m.text.length > best.text.length ? m : best), group[0] as Mention);
  const variants = new Map<string, CitationOut[]>();
  for (const m of group) {
    if (normalize(m.text) === normalize(main.text)) continue;
    variants.set(m.text, [...(variants.get(m.text) ?? []), m.citation]);
  }
  return {
    speaker: ranked[0]?.[0] ?? null,
    text: main.text,
    kind: main.kind,
    citations: group.filter((m) => normalize(m.text) === normalize(main.text)).map((m) => m.citation),
    variants: [...variants.entries()].map(([text, citations]) => ({ text, citations })),
    // Only a named agent of the story is worth a warning: a second phrase the parser took for a speaker is noise.
    otherSpeakers: ranked.slice(1).flatMap(([name]) => (agents.has(name) ? [name] : [])),
  };
}

/** Maps a speaker name to the story entity it names (by canonical key of the name or an alias). */
function speakerResolver(entities: readonly StoryEntity[]): (name: string) => string {
  const byKey = new Map<string, string>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!byKey.has(canonicalKey(n))) byKey.set(canonicalKey(n), e.name);
  return (name) => byKey.get(canonicalKey(name)) ?? name;
}

/** Share of the shorter word list found in the longer. */
function containment(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(long);
  let hit = 0;
  for (const w of short) if (set.has(w)) hit++;
  return short.length === 0 ? 0 : hit / short.length;
}

/** Longer words index the quote: short function words would make every quote a candidate. */
function rareWords(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => w.length >= 5))];
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
