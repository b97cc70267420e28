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
    // Path compression: the roots stay those `union` chose, and a long chain is walked once.
    for (let y = x; y !== r; ) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
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
  // Members and rewrites gathered by root in one sweep each: a story's largest source can hold thousands of articles
  // and rewrites, and copying its list at each member or searching it for each rewrite grew with their square.
  const groups = new Map<string, SourceMember[]>();
  const rootOf = new Map<string, string>();
  for (const m of members) {
    const root = find(m.id);
    rootOf.set(m.id, root);
    const group = groups.get(root);
    if (group) group.push(m);
    else groups.set(root, [m]);
  }
  const rewritesOf = new Map<string, Rewrite[]>();
  for (const r of joined) {
    const root = rootOf.get(r.articleId) as string;
    const listed = rewritesOf.get(root);
    if (listed) listed.push(r);
    else rewritesOf.set(root, [r]);
  }
  return [...groups.entries()].map(([root, group]) => {
    const named = group.find((m) => m.origin) ?? group.find((m) => m.outlet);
    const name = named ? (canonicalOutlet(named.origin ?? named.outlet)?.name ?? null) : null;
    const articleIds = group.map((m) => m.id);
    const inGroup = rewritesOf.get(root);
    const listed = inGroup ? { rewrites: inGroup } : {};
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
