/**
 * A function of one object (a claim's frame, a fact unit) computed once per object: the pair gate asks the same
 * claim the same question for each of its up to MAX_CANDIDATES partners (align.ts), and the answers depend on the
 * claim alone. Held weakly, so nothing outlives the story being built; the object must not change after it is made
 * (frames and units never do).
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
