import type { EntityMention, EntityType } from '../../model/annotations.js';
import { gazetteerKey } from './gazetteer.js';
import { HONORIFICS } from './vocabulary.js';

/** One real-world entity across the articles of a story: the contract's `entities` item. */
export interface StoryEntity {
  name: string;
  type: EntityType;
  /** Other names it goes by ("Vidal", "Mateo A. Vidal"), without the canonical name. */
  aliases: string[];
  /** Roles read next to it, each once ("Secretary of State"). */
  roles: string[];
  articleCount: number;
}

/**
 * Key under which two spellings of one name meet: accents, case, dots and possessives dropped, honorifics removed,
 * middle initials dropped ("Donald J. Trump" and "Donald Trump" share "donald trump"). Suffixes stay: "Jr." and
 * "Sr." name a son and a father, two people ("Donald Trump Jr." keeps "donald trump jr").
 */
export function canonicalKey(name: string): string {
  const words = gazetteerKey(name)
    .replace(/['’]s\b/g, '')
    .replace(/[,'’"“”()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !HONORIFICS.has(w));
  const withoutInitials = words.length > 2 ? words.filter((w, i) => i === 0 || i === words.length - 1 || w.length > 1) : words;
  return withoutInitials.join(' ');
}

interface Group {
  key: string;
  names: Map<string, number>;
  surfaces: Set<string>;
  types: Map<EntityType, number>;
  roles: Set<string>;
  articles: Set<string>;
}

/**
 * Merges the entity mentions of several articles into one list of entities: names are grouped by
 * `canonicalKey`, then a shorter person name ("Brandt", "Elena Brandt") joins the one longer person name
 * that contains its words in order with the same last word; ambiguous short names stay on their own. `keep`, when
 * given, chooses entities by what they are and how often the story names them (all mentions, aliases included).
 */
export function mergeEntities(
  articles: ReadonlyArray<{ articleId: string; mentions: readonly EntityMention[] }>,
  keep: (entity: StoryEntity, mentions: number) => boolean = () => true,
): StoryEntity[] {
  const groups = new Map<string, Group>();
  for (const { articleId, mentions } of articles) {
    for (const m of mentions) {
      const key = canonicalKey(m.canonical);
      if (key.length === 0) continue;
      const g = groups.get(key) ?? { key, names: new Map(), surfaces: new Set(), types: new Map(), roles: new Set(), articles: new Set() };
      g.names.set(m.canonical, (g.names.get(m.canonical) ?? 0) + 1);
      if (m.via !== 'pronoun' && m.via !== 'title') g.surfaces.add(m.text);
      g.types.set(m.type, (g.types.get(m.type) ?? 0) + 1);
      if (m.role) g.roles.add(m.role.text);
      g.articles.add(articleId);
      groups.set(key, g);
    }
  }
  for (const g of [...groups.values()].sort((a, b) => a.key.split(' ').length - b.key.split(' ').length)) {
    const target = longerMatch(g, groups);
    if (!target) continue;
    for (const [n, c] of g.names) target.names.set(n, (target.names.get(n) ?? 0) + c);
    for (const s of g.surfaces) target.surfaces.add(s);
    for (const [t, c] of g.types) target.types.set(t, (target.types.get(t) ?? 0) + c);
    for (const r of g.roles) target.roles.add(r);
    for (const a of g.articles) target.articles.add(a);
    groups.delete(g.key);
  }
  return [...groups.values()]
    .filter((g) =>
      keep(
        toEntity(g),
        [...g.names.values()].reduce((a, b) => a + b, 0),
      ),
    )
    .map(toEntity)
    .sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name));
}

/** The single longer group whose key contains this key's words in order and ends with the same word. */
function longerMatch(g: Group, groups: ReadonlyMap<string, Group>): Group | null {
  const words = g.key.split(' ');
  const type = majority(g.types);
  // Only people go by part of their name; "America" is not "Latin America", "Union" not "European Union". A surname
  // one article mistyped as an organisation or misc ("Varga", "Penhale") still joins the one person it ends.
  if (type === 'place' || type === 'group') return null;
  let found: Group | null = null;
  for (const other of groups.values()) {
    const ow = other.key.split(' ');
    if (other === g || ow.length <= words.length || ow[ow.length - 1] !== words[words.length - 1] || majority(other.types) !== 'person') continue;
    if (!isSubsequence(words, ow)) continue;
    if (found) return null;
    found = other;
  }
  return found;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i++;
  return i === short.length;
}

function majority<T>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let top = -1;
  for (const [k, c] of counts) {
    if (c > top) {
      top = c;
      best = k;
    }
  }
  return best;
}

function toEntity(g: Group): StoryEntity {
  // The display name: not in capitals when another spelling is ("Mexico City" over "MEXICO CITY"), then the one
  // written most often, then the longest.
  const shouted = (n: string): number => (n === n.toUpperCase() && n !== n.toLowerCase() ? 1 : 0);
  // A person is shown by the full name even when the surname is written more often ("Inés Carbajal" over "Carbajal").
  const type = majority(g.types) ?? 'misc';
  const words = (n: string): number => (type === 'person' ? Math.min(2, n.split(' ').length) : 0);
  const name =
    [...g.names.entries()].sort((a, b) => shouted(a[0]) - shouted(b[0]) || words(b[0]) - words(a[0]) || b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ??
    g.key;
  return {
    name,
    type,
    aliases: [...g.surfaces].filter((s) => s !== name).sort(),
    roles: [...g.roles].sort(),
    articleCount: g.articles.size,
  };
}
