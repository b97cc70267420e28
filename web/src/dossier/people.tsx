import type { StoryOut } from '../../../src/index.js';
import { Section } from '../components/citations.js';
import { useDossier } from './context.js';

type Entity = StoryOut['entities'][number];

/** Entity types in the order a reader looks for them, with their headings. */
const GROUPS: ReadonlyArray<{ type: string; title: string }> = [
  { type: 'person', title: 'People' },
  { type: 'org', title: 'Organisations' },
  { type: 'place', title: 'Places' },
  { type: 'group', title: 'Groups' },
];

/** People with their roles, then organisations, places and groups, most-mentioned first. */
export function People() {
  const { story } = useDossier();
  const known = new Set(GROUPS.map((g) => g.type));
  const groups = [...GROUPS, { type: 'other', title: 'Other names' }]
    .map((g) => ({ ...g, entities: byMentions(story.entities.filter((e) => (g.type === 'other' ? !known.has(e.type) : e.type === g.type))) }))
    .filter((g) => g.entities.length > 0);
  return (
    <Section id="people" title="People and roles" count={story.entities.length} empty="No people or organisations found yet.">
      {groups.map((g) => (
        <div key={g.type} class={`entity-group ${g.type}`}>
          <h3>{g.title}</h3>
          <ul class={g.type === 'person' ? 'people' : 'names'}>
            {g.entities.map((e) => (
              <li key={`${e.type}:${e.name}`}>
                <span class="name">{e.name}</span>
                {e.roles.map((r) => (
                  <span key={r} class="role">
                    {r}
                  </span>
                ))}
                {e.aliases.length > 0 && <span class="aliases">also “{e.aliases.join('”, “')}”</span>}
                {e.articleCount !== undefined && (
                  <span class="mentions" title="articles mentioning this name">
                    {e.articleCount} art.
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function byMentions(entities: Entity[]): Entity[] {
  return [...entities].sort((a, b) => (b.articleCount ?? 0) - (a.articleCount ?? 0) || a.name.localeCompare(b.name));
}
