import type { EntityType } from '../../model/annotations.js';
import { gazetteerKey, gazetteerKind } from './gazetteer.js';
import { KNOWN_ALIASES } from './vocabulary.js';

/** A name with its text and the type read at that mention. */
interface Named {
  text: string;
  type: EntityType;
}

/** Countries and regions keep their place type under every alias ("US", "U.S.", "America", "EE. UU."). */
const PLACE_KINDS = new Set(['country', 'region', 'city']);

/**
 * One name, one type across a document, where it matters most: whether a name is a person. Each name (folded key)
 * takes the type most of its mentions got when that settles person against not-person, ties to the first mention's;
 * a short form takes the type of the longer name it shortens (a word that ends a person's full name is that person,
 * "Vidal" after "Mateo Vidal"; the first word of an organisation's name is no person, "Cofinec" after "Cofinec
 * S.A."); an alias of a listed country ("U.S.") is a place, whatever one sentence said. Re-voting among
 * organisation, place and misc is left to the tagger, whose label history already weighs the document: on
 * conllpp_dev full re-voting gave F1 0.892, person-only 0.907 (the same city is a place and its club in one report).
 */
export function consistentTypes<T extends Named>(names: readonly T[]): T[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const keys = names.map((n) => gazetteerKey(n.text));
  names.forEach((n, i) => {
    const key = keys[i] as string;
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(n.type, (v.get(n.type) ?? 0) + 1);
    votes.set(key, v);
  });
  const majority = new Map<string, EntityType>();
  for (const [key, v] of votes) {
    let best: EntityType | null = null;
    for (const [type, count] of v) if (best === null || count > (v.get(best) ?? 0)) best = type;
    if (best) majority.set(key, best);
  }
  const shortForms = new Map<string, EntityType>();
  for (const [key, type] of majority) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    if (type === 'person') {
      const surname = words[words.length - 1] ?? '';
      shortForms.set(surname, 'person');
    } else if (type === 'org') shortForms.set(words[0] ?? '', 'org');
  }
  return names.map((n, i) => {
    const key = keys[i] as string;
    const alias = KNOWN_ALIASES.get(key);
    const kind = gazetteerKind(alias ?? n.text);
    if (kind && PLACE_KINDS.has(kind) && n.type === 'person') return { ...n, type: 'place' };
    if (alias && kind === 'country') return { ...n, type: 'place' };
    // Only person-or-not is made consistent: the same name may be a place and a club in one sports report.
    const type = [shortForms.get(key), majority.get(key)].find((t) => t !== undefined && (t === 'person' || n.type === 'person')) ?? n.type;
    return type === n.type ? n : { ...n, type };
  });
}
