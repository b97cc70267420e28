import type { ComponentChildren } from 'preact';
import type { CitationOut } from '../../../src/index.js';
import { articleLabel, citedText, sourceLabel, useDossier } from '../dossier/context.js';
import { articleHref } from '../route.js';

/** Longest label on a chip; the full outlet name is in the hover text. */
const LABEL_CHARS = 22;

/**
 * Citation chips: each opens the cited article scrolled to the exact span. Labels and previews are article data,
 * rendered as text (Preact escapes text and sets attributes as properties, never as markup).
 */
export function Citations({ citations }: { citations: readonly CitationOut[] }) {
  const data = useDossier();
  if (citations.length === 0) return null;
  return (
    <span class="citations">
      {citations.map((c) => {
        const outlet = articleLabel(data, c.articleId);
        const origin = sourceLabel(data, c.articleId);
        // A copy of another source's story names both: the outlet that ran it, then the original (see the legend).
        const label = origin === outlet ? outlet : `${outlet} ← ${origin}`;
        return (
          <a
            key={`${c.articleId}:${c.start}:${c.end}`}
            class="chip"
            data-citation={`${c.articleId}:${c.start}:${c.end}`}
            href={articleHref(c.articleId, c)}
            title={`${label}: “${citedText(data, c)}”`}
          >
            {label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label}
          </a>
        );
      })}
    </span>
  );
}

/** What a citation chip means, shown once above the lists that carry chips. */
export function ChipLegend() {
  return (
    <p class="legend">
      Each chip opens the cited words in one article and names its outlet; “outlet ← source” marks a copy of another source’s story. The count says how many
      independent sources back the statement (copies count once).
    </p>
  );
}

/** A section heading with its count and a note when the section is empty (a stage may not have filled it yet). */
export function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ComponentChildren }) {
  return (
    <section id={id} class="section">
      <h2>
        {title} <span class="count">{count}</span>
      </h2>
      {count === 0 ? <p class="empty">{empty}</p> : children}
    </section>
  );
}
