import { canonicalOutlet } from '../clean/outlet-registry.js';
import type { Rewrite, Source } from '../model/story.js';

/** What grouping into independent sources needs to know about one article of a story. */
export interface SourceMember {
  id: string;
  outlet: string | null;
  /** Wire or outlet the article credits as its origin (see `creditedOrigin`). */
  origin: string | null;
  /** Canonical copy this article duplicates, or null. */
  copyOf: string | null;
  /** Fallback name when neither outlet nor origin is known (a file name). */
  label: string;
}

/**
 * Independent sources: copies of one text are one source; articles crediting the same wire are the wire's source
 * (an outlet's copy of an AP story counts for AP, not for the outlet); other articles group by outlet. Rewrites
 * (sharing long passages or retelling another's sentences in order, rewrites.ts) are joined too, and listed on their
 * source with the reason: a rewrite adds no independent confirmation.
 */
export function groupSources(members: readonly SourceMember[], rewrites: readonly Rewrite[] = []): Source[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  const union = (a: string, b: string) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  const ids = new Set(members.map((m) => m.id));
  for (const m of members) {
    parent.set(m.id, m.id);
  }
  for (const m of members) {
    if (m.copyOf && ids.has(m.copyOf)) union(m.id, m.copyOf);
    // Outlet and credited origin share one key space: an outlet's own article and another's copy crediting it are one source.
    const canonical = canonicalOutlet(m.origin ?? m.outlet);
    const key = canonical ? `outlet:${canonical.key}` : null;
    if (key) {
      if (!parent.has(key)) parent.set(key, key);
      union(key, m.id);
    }
  }
  const joined = rewrites.filter((r) => ids.has(r.articleId) && ids.has(r.of));
  for (const r of joined) union(r.articleId, r.of);
  const groups = new Map<string, SourceMember[]>();
  for (const m of members) {
    const root = find(m.id);
    groups.set(root, [...(groups.get(root) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const named = group.find((m) => m.origin) ?? group.find((m) => m.outlet);
    const name = named ? (canonicalOutlet(named.origin ?? named.outlet)?.name ?? null) : null;
    const articleIds = group.map((m) => m.id);
    const inGroup = joined.filter((r) => articleIds.includes(r.articleId));
    const listed = inGroup.length > 0 ? { rewrites: inGroup } : {};
    return name ? { name, articleIds, ...listed } : { name: `unknown outlet (${group[0]?.label ?? '?'})`, articleIds, unknown: true, ...listed };
  });
}

/** "3 independent sources, 1 of them of unknown outlet": a count that says how much of it rests on unknown outlets. */
export function sourceCountPhrase(sources: readonly Source[]): string {
  const unknown = sources.filter((s) => s.unknown).length;
  const count = `${sources.length} independent source${sources.length === 1 ? '' : 's'}`;
  if (unknown === 0) return count;
  return `${count}, ${unknown === sources.length ? (sources.length === 1 ? 'of unknown outlet' : 'all of unknown outlet') : `${unknown} of them of unknown outlet`}`;
}
