import type { StoryOut } from '../../../src/index.js';
import { Citations, Section } from '../components/citations.js';
import { useDossier } from './context.js';

type Quote = StoryOut['quotes'][number];

/** Heading for quotes whose speaker the text does not name: the engine says so rather than guessing. */
const UNNAMED = 'Unattributed';

/**
 * Quotes grouped by speaker, most-quoted first: each with the outlets carrying it, the other wordings outlets used,
 * and a warning when outlets attribute the same words to someone else.
 */
export function Quotes() {
  const data = useDossier();
  const groups = new Map<string, Quote[]>();
  for (const q of data.story.quotes) {
    const speaker = q.speaker ?? UNNAMED;
    groups.set(speaker, [...(groups.get(speaker) ?? []), q]);
  }
  const ordered = [...groups.entries()].sort((a, b) => (a[0] === UNNAMED ? 1 : b[0] === UNNAMED ? -1 : b[1].length - a[1].length));
  return (
    <Section id="quotes" title="Quotes by speaker" count={data.story.quotes.length} empty="No quotes found yet.">
      {ordered.map(([speaker, quotes]) => (
        <div key={speaker} class="speaker">
          <h3>
            {speaker} <span class="count">{quotes.length}</span>
          </h3>
          <ul class="quotes">
            {quotes.map((q, i) => (
              <li key={i} class={q.kind}>
                <blockquote>{q.kind === 'direct' ? `“${q.text}”` : q.text}</blockquote>
                <div class="meta">
                  <span class="kind">{q.kind === 'direct' ? 'direct quote' : 'reported speech'}</span>
                  <Citations citations={q.citations} />
                </div>
                {(q.otherSpeakers ?? []).length > 0 && <p class="warning">Also attributed to: {(q.otherSpeakers ?? []).join(', ')}</p>}
                {(q.variants ?? []).length > 0 && (
                  <ul class="variants">
                    {(q.variants ?? []).map((v, j) => (
                      <li key={j}>
                        {/* Reported speech is the writer's wording: quote marks would claim words nobody quoted. */}
                        <span class="kind">variant</span> {q.kind === 'direct' ? `“${v.text}”` : v.text} <Citations citations={v.citations} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
