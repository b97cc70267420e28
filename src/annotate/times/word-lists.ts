/**
 * Helpers that keep word lists readable as data: each list is written as whitespace-separated words in one
 * template string, so a list of forty words stays a few lines instead of forty.
 */

/** A set of the whitespace-separated words in `list`. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** A map from every word of each group to that group's value: `groupMap([['january jan enero', 1], …])`. */
export function groupMap<const V>(groups: ReadonlyArray<readonly [string, V]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [list, value] of groups) for (const word of wordSet(list)) map.set(word, value);
  return map;
}
