import type { Block } from '../../model/annotations.js';
import type { Embed, MetaLine, Removal } from '../../model/article.js';
import { type OffsetMap, TextBuilder } from '../../model/offset-map.js';
import type { LineLabel } from './classify.js';
import { readHeaderLines } from './header.js';
import { classifyText } from './line-report.js';
import { type Line, neighbour } from './lines.js';
import { bylineAgency, bylineNames } from './regions.js';
import { embedDate } from './shape.js';

/** What cleaning pasted text yields, before metadata and language are settled. */
export interface CleanedText {
  text: string;
  map: OffsetMap;
  blocks: Block[];
  removed: Removal[];
  embeds: Embed[];
  syndicatedFrom: string | null;
  headline: string | null;
  authors: string[];
  /** The page's lines and their labels (the outlet model reads names off them, outlet-features.ts). */
  lines: readonly Line[];
  labels: readonly LineLabel[];
  /** Header and footer lines read as metadata (masthead, byline, date line, kind label), each with its raw span. */
  metaLines: MetaLine[];
}

/** "CITY —", "CITY, Country —", "CITY (Agency) —" at the start of a paragraph. */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(,\s*[\p{L} .]{2,30})?(\s*\([\p{L} .]{2,30}\))?\s*[—–-]{1,2}\s/u;

/**
 * Cleans text pasted from a browser: page chrome out (each removal recorded with its reason), syndication credits
 * and wire bylines turned into provenance, captions and social posts kept aside as embeds with their own dates, and
 * the rest joined into paragraphs separated by a blank line. The clean text is built with a TextBuilder, so every character maps back to the raw paste.
 */
export function cleanPastedText(raw: string): CleanedText {
  const { lines, labels } = classifyText(raw);
  const header = readHeaderLines(lines, labels);
  const metaLines: MetaLine[] = [];
  const builder = new TextBuilder(raw);
  const blocks: Block[] = [];
  const removed: Removal[] = [];
  const embeds: Embed[] = [];
  let syndicatedFrom: string | null = null;
  let headline: string | null = null;
  const authors: string[] = [];

  lines.forEach((line, i) => {
    const label = labels[i] as LineLabel;
    const span = { start: line.start, end: line.end };
    const fields = header.get(i);
    if (fields) {
      // A metadata line leaves the text and is kept as evidence of the fields it gave.
      removed.push({ text: line.text, reason: `metadata: ${[...new Set(fields.map((f) => f.field))].join(', ')}`, raw: span });
      for (const f of fields) metaLines.push({ field: f.field, value: f.value, text: line.text, raw: span });
      const agency = fields.some((f) => f.field === 'authors') ? bylineAgency(line.text) : null;
      if (agency) syndicatedFrom ??= agency;
      return;
    }
    switch (label.kind) {
      case 'blank':
        return;
      case 'chrome':
        removed.push({ text: line.text, reason: `chrome: ${label.reason}`, raw: span });
        return;
      case 'credit':
        if (label.origin) syndicatedFrom ??= label.origin;
        removed.push({ text: line.text, reason: `credit: ${label.credit}`, raw: span });
        return;
      case 'embed': {
        removed.push({ text: line.text, reason: `embed: ${label.embed}`, raw: span });
        const last = embeds[embeds.length - 1];
        // A post's text and its signature line (or a platform frame) are one embed.
        if (label.embed === 'social-post' && last?.kind === 'social-post' && previousLabel(labels, i)?.kind === 'embed') {
          embeds[embeds.length - 1] = {
            ...last,
            text: `${last.text}\n${line.text}`,
            author: last.author ?? label.author,
            date: last.date ?? label.date,
            place: { start: last.place.start, end: span.end },
          };
          return;
        }
        // A caption's date is the photo's, evidence about the story but never the article's own date.
        const date = label.date ?? (label.embed === 'caption' ? embedDate(line.text) : null);
        embeds.push({ kind: label.embed, text: line.text, author: label.author, date, place: span, inText: false });
        return;
      }
      case 'keep': {
        if (builder.size > 0) builder.insert('\n\n');
        const start = builder.size;
        builder.copy(line.start, line.end);
        const block: Block = { kind: label.block, start, end: builder.size };
        blocks.push(block);
        if (label.block === 'headline' && headline === null) {
          headline = line.text;
          metaLines.push({ field: 'title', value: line.text, text: line.text, raw: span });
        }
        if (label.block === 'byline') {
          authors.push(...bylineNames(line.text));
          const agency = bylineAgency(line.text);
          if (agency) syndicatedFrom ??= agency;
        }
        const dateline = label.block === 'paragraph' ? DATELINE.exec(line.text) : null;
        if (dateline) blocks.push({ kind: 'dateline', start, end: start + dateline[0].trimEnd().length });
      }
    }
  });
  const { text, map } = builder.build();
  return { text, map, blocks, removed, embeds, syndicatedFrom, headline, authors, metaLines, lines, labels };
}

function previousLabel(labels: readonly LineLabel[], i: number): LineLabel | undefined {
  return labels[neighbour(labels, i, -1)];
}
