import { gazetteerKey, gazetteerKind } from '../annotate/entities/gazetteer.js';
import { GROUP_NOUNS } from '../annotate/entities/vocabulary.js';
import type { StoryOut } from '../model/contract.js';

type Entity = StoryOut['entities'][number];

/**
 * The entities the dossier lists under "People, organisations and places": all but nationality words. "Mexican",
 * "Americans", "Latin American" describe people and goods ("Mexican officials", "Mexican goods") rather than name a
 * party to the story, and listed they crowd out the cast; they stay in the contract JSON and the annotations.
 * Members of parties and faiths ("Democrats", "Muslims") are named as actors and stay listed.
 */
export function castList(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => !isNationality(e));
}

function isNationality(e: Entity): boolean {
  if (e.type !== 'group' && e.type !== 'misc') return false;
  // The last word decides: "Latin American" and "North Korean" are nationality words as "American" is.
  const last = e.name.trim().split(/\s+/).pop() ?? '';
  return gazetteerKind(last) === 'demonym' && !GROUP_NOUNS.has(gazetteerKey(last));
}
