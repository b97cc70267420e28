/**
 * A lookup table keyed by words read from article text. A plain object literal inherits `constructor`, `toString`,
 * `__proto__` and the rest from Object.prototype, so a text saying "the constructor 5 units" found a function where a
 * unit was looked up; a table without a prototype answers `undefined` for every word it does not list.
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
