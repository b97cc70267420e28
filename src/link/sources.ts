import type { Source } from '../model/story.js';

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
 * (an outlet's copy of an AP story counts for AP, not for the outlet); other articles group by outlet. `derived`
 * pairs (rewrites that share long passages) are joined too: a rewrite adds no independent confirmation.
 */
export function groupSources(members: readonly SourceMember[], derived: ReadonlyArray<readonly [string, string]> = []): Source[] {
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
    const key = m.origin ? `origin:${m.origin}` : m.outlet ? `outlet:${m.outlet.toLowerCase()}` : null;
    if (key) {
      if (!parent.has(key)) parent.set(key, key);
      union(key, m.id);
    }
  }
  for (const [a, b] of derived) if (ids.has(a) && ids.has(b)) union(a, b);
  const groups = new Map<string, SourceMember[]>();
  for (const m of members) {
    const root = find(m.id);
    groups.set(root, [...(groups.get(root) ?? []), m]);
  }
  return [...groups.values()].map((group) => ({
    name: group.find((m) => m.origin)?.origin ?? group.find((m) => m.outlet)?.outlet ?? `unknown outlet (${group[0]?.label ?? '?'})`,
    articleIds: group.map((m) => m.id),
  }));
}
