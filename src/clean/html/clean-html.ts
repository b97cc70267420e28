import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block } from '../../model/annotations.js';
import type { Removal } from '../../model/article.js';
import { type OffsetMap, TextBuilder } from '../../model/offset-map.js';
import { type PageMetadata, readMetadata } from './metadata.js';

/** Extracted main text of a page with its metadata. */
export interface CleanedHtml {
  text: string;
  map: OffsetMap;
  blocks: Block[];
  removed: Removal[];
  metadata: PageMetadata;
}

const BLOCK_TAGS: Readonly<Record<string, Block['kind']>> = {
  P: 'paragraph',
  H1: 'headline',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  LI: 'list-item',
  BLOCKQUOTE: 'quote-block',
  PRE: 'paragraph',
  TD: 'paragraph',
  DD: 'paragraph',
  DT: 'paragraph',
};

/** How far ahead in the raw HTML a block's opening words are searched for, to map it back (chars). */
const LOCATE_WINDOW = 200_000;

/**
 * Extracts the article from an HTML page with Mozilla Readability over linkedom, building the text block by block
 * from `.content` (Readability's `textContent` runs paragraphs together). Offsets into the raw HTML are found by
 * locating each block's opening words in the source after the previous block, so a citation lands on the right
 * paragraph even though the DOM keeps no source positions; a block not found maps to where the last one ended.
 */
export function cleanHtml(raw: string): CleanedHtml {
  const { document } = parseHTML(raw);
  const metadata = readMetadata(document as unknown as Document);
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  const builder = new TextBuilder(raw);
  const blocks: Block[] = [];
  let cursor = 0;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    for (const { kind, text } of blockTexts(content.body as unknown as Element)) {
      const at = locate(raw, text, cursor);
      if (builder.size > 0) builder.insert('\n\n');
      const start = builder.size;
      if (at >= 0) {
        builder.replace(at, Math.min(raw.length, at + approxRawLength(raw, at, text)), text);
        cursor = at + 1;
      } else builder.insert(text);
      blocks.push({ kind, start, end: builder.size });
    }
  }
  const { text, map } = builder.build();
  return { text, map, blocks, removed: [], metadata };
}

/** Text of each block-level element in document order, whitespace collapsed; nested blocks are not repeated. */
function blockTexts(root: Element): Array<{ kind: Block['kind']; text: string }> {
  const out: Array<{ kind: Block['kind']; text: string }> = [];
  const visit = (el: Element): void => {
    const kind = BLOCK_TAGS[el.tagName];
    if (kind && !hasBlockChild(el)) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ kind, text });
      return;
    }
    for (const child of Array.from(el.children)) visit(child);
    if (!kind && el.children.length === 0) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ kind: 'paragraph', text });
    }
  };
  visit(root);
  return out;
}

function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) if (BLOCK_TAGS[child.tagName] || hasBlockChild(child)) return true;
  return false;
}

/** Position of a block's opening words in the raw HTML at or after `from`, or -1. */
function locate(raw: string, text: string, from: number): number {
  const probe = text.slice(0, 24);
  if (probe.length < 4) return -1;
  const at = raw.indexOf(probe, from);
  return at >= 0 && at - from < LOCATE_WINDOW ? at : -1;
}

/** Raw length covered by a block: up to the next `</` after its text would end, bounded. */
function approxRawLength(raw: string, at: number, text: string): number {
  const close = raw.indexOf('</', at + Math.min(text.length, 2000));
  return close === -1 ? text.length : Math.min(close - at, text.length * 4 + 200);
}
