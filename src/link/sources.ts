import { canonicalOutlet } from '../clean/outlet-registry.js';
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
    // Outlet and credited origin share one key space: an outlet's own article and another's copy crediting it are one source.
    const canonical = canonicalOutlet(m.origin ?? m.outlet);
    const key = canonical ? `outlet:${canonical.key}` : null;
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
  return [...groups.values()].map((group) => {
    const named = group.find((m) => m.origin) ?? group.find((m) => m.outlet);
    const name = named ? (canonicalOutlet(named.origin ?? named.outlet)?.name ?? null) : null;
    return name
      ? { name, articleIds: group.map((m) => m.id) }
      : { name: `unknown outlet (${group[0]?.label ?? '?'})`, articleIds: group.map((m) => m.id), unknown: true };
  });
}

/** "3 independent sources, 1 of them of unknown outlet": a count that says how much of it rests on unknown outlets. */
export function sourceCountPhrase(sources: readonly Source[]): string {
  const unknown = sources.filter((s) => s.unknown).length;
  const count = `${sources.length} independent source${sources.length === 1 ? '' : 's'}`;
  if (unknown === 0) return count;
  return `${count}, ${unknown === sources.length ? (sources.length === 1 ? 'of unknown outlet' : 'all of unknown outlet') : `${unknown} of them of unknown outlet`}`;
}
