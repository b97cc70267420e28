import type { Block } from '../../model/annotations.js';
import type { Removal } from '../../model/article.js';
import { type OffsetMap, TextBuilder } from '../../model/offset-map.js';
import { type ElementStats, linkDensity, type PageModel } from './select.js';
import { type HtmlElement, type HtmlNode, type HtmlText, textOf } from './tree.js';
import { BLOCK_KINDS, INLINE_TAGS } from './vocabulary.js';

/** The article text with exact offsets, its blocks, what was left out, and the embeds set aside. */
export interface RenderedText {
  text: string;
  map: OffsetMap;
  blocks: Block[];
  removed: Removal[];
  /** Captions and embedded posts met inside the article, in document order. */
  embeds: Array<{ kind: 'caption' | 'social-post'; el: HtmlElement }>;
}

/** Most `removed` records kept per page, and the most text kept in one (a page can hold thousands of links). */
export const MAX_REMOVALS = 200;
const MAX_REMOVAL_TEXT = 500;
/**
 * A container inside the article is dropped as a link list when links hold more than this share of its text
 * (Readability drops at 0.2 for unweighted and 0.5 for content-weighted containers; 0.5 kept more body text on
 * the tuning half of the extraction benchmark).
 */
const LINK_LIST_DENSITY = 0.5;
/** …unless it has this many commas, which only prose has (Readability's value). */
const PROSE_COMMAS = 10;
/** A paragraph that is all link and shorter than this is a "read more" teaser, not prose. */
const TEASER_MAX_CHARS = 120;
const LINK_TEASER_DENSITY = 0.9;

const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'figure', 'center']);

/**
 * Writes the text of the chosen elements block by block with `TextBuilder`: plain character runs are copied from
 * the raw HTML, so each clean offset maps to the exact source character; decoded entities and collapsed
 * whitespace are replacements of their raw range; paragraph breaks are generated. Furniture, link lists, the
 * page headline, captions and embedded posts inside the chosen elements are left out and recorded.
 */
export function renderText(raw: string, roots: HtmlElement[], model: PageModel): RenderedText {
  const writer = new BlockWriter(raw);
  const removed: Removal[] = [];
  const embeds: RenderedText['embeds'] = [];
  const remove = (el: HtmlElement, reason: string): void => {
    if (removed.length >= MAX_REMOVALS) return;
    const text = textOf(el, MAX_REMOVAL_TEXT);
    if (text) removed.push({ text, reason, raw: { start: el.start, end: el.end } });
  };
  type Frame = { node: HtmlNode; exit: boolean };
  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i] as HtmlElement, exit: false });
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as Frame;
    if (node.type === 'text') {
      writer.text(node);
      continue;
    }
    if (exit) {
      writer.endBlock(node);
      continue;
    }
    const verdict = model.verdicts.get(node);
    if (verdict?.kind === 'drop') {
      remove(node, verdict.reason);
      continue;
    }
    if (verdict?.kind === 'caption' || verdict?.kind === 'social-post') {
      embeds.push({ kind: verdict.kind, el: node });
      continue;
    }
    const reason = model.rules.linkLists ? junkReason(node, model.stats.get(node)) : null;
    if (reason) {
      remove(node, reason);
      continue;
    }
    if (node.tag === 'br') {
      writer.lineBreak();
      continue;
    }
    const inline = INLINE_TAGS.has(node.tag);
    if (!inline) {
      writer.startBlock(node);
      stack.push({ node, exit: true });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as HtmlNode, exit: false });
  }
  writer.endBlock(null);
  return { ...writer.builder.build(), blocks: writer.blocks, removed, embeds };
}

/** Why an element inside the article is not article text, or null when it is. */
function junkReason(el: HtmlElement, s: ElementStats | undefined): string | null {
  if (el.tag === 'h1') return 'headline (kept as the title)';
  if (!s) return null;
  if (s.chars === 0) return null;
  const density = linkDensity(s);
  if (CONTAINERS.has(el.tag) && density > LINK_LIST_DENSITY && s.commas < PROSE_COMMAS) return 'link list';
  if (el.tag === 'p' && s.chars < TEASER_MAX_CHARS && density > LINK_TEASER_DENSITY) return 'link teaser';
  // Inline text can hold a list too: a hover card of related headlines inside a paragraph, all links, longer than a teaser.
  if (el.tag === 'span' && s.chars >= TEASER_MAX_CHARS && density > LINK_TEASER_DENSITY) return 'link list';
  return null;
}

/**
 * Accumulates blocks: collapses whitespace across text nodes, separates blocks with a generated blank line and
 * `<br>` line breaks with a generated newline, and records each block's kind from its nearest block ancestor.
 */
class BlockWriter {
  readonly builder: TextBuilder;
  readonly blocks: Block[] = [];
  private kinds: Array<{ el: HtmlElement; kind: Block['kind'] }> = [];
  private blockStart = -1;
  /** Raw range of whitespace seen since the last word, written as one space before the next word. */
  private space: { start: number; end: number } | null = null;
  private pendingNewline = false;

  constructor(private readonly raw: string) {
    this.builder = new TextBuilder(raw);
  }

  startBlock(el: HtmlElement): void {
    this.endBlock(null);
    const kind = BLOCK_KINDS.get(el.tag);
    if (kind) this.kinds.push({ el, kind });
  }

  endBlock(el: HtmlElement | null): void {
    if (this.blockStart >= 0) {
      const kind = this.kinds[this.kinds.length - 1]?.kind ?? 'paragraph';
      this.blocks.push({ kind, start: this.blockStart, end: this.builder.size });
      this.blockStart = -1;
    }
    this.space = null;
    this.pendingNewline = false;
    if (el && this.kinds[this.kinds.length - 1]?.el === el) this.kinds.pop();
  }

  lineBreak(): void {
    if (this.blockStart >= 0) this.pendingNewline = true;
  }

  text(node: HtmlText): void {
    if (!node.entities) {
      this.plain(node.start, node.end);
      return;
    }
    let cursor = node.start;
    for (const entity of node.entities) {
      this.plain(cursor, entity.start);
      if (/^\s+$/.test(entity.text)) this.whitespace(entity.start, entity.end);
      else this.word(entity.start, entity.end, entity.text);
      cursor = entity.end;
    }
    this.plain(cursor, node.end);
  }

  /** Copies raw text word by word; whitespace runs become pending single spaces. */
  private plain(start: number, end: number): void {
    const raw = this.raw;
    let i = start;
    while (i < end) {
      let j = i;
      while (j < end && !isSpace(raw.charCodeAt(j))) j++;
      if (j > i) this.word(i, j, null);
      i = j;
      while (j < end && isSpace(raw.charCodeAt(j))) j++;
      if (j > i) this.whitespace(i, j);
      i = j;
    }
  }

  private whitespace(start: number, end: number): void {
    if (this.blockStart >= 0 && !this.space) this.space = { start, end };
  }

  /** Appends a word: raw `[start, end)` copied, or replaced by `text` (a decoded entity). */
  private word(start: number, end: number, text: string | null): void {
    const b = this.builder;
    if (this.blockStart < 0) {
      if (b.size > 0) b.insert('\n\n');
      this.blockStart = b.size;
    } else if (this.pendingNewline) b.insert('\n');
    else if (this.space) {
      const { start: s, end: e } = this.space;
      if (e - s === 1 && this.raw.charCodeAt(s) === 32) b.copy(s, e);
      else b.replace(s, e, ' ');
    }
    this.space = null;
    this.pendingNewline = false;
    if (text === null) b.copy(start, end);
    else b.replace(start, end, text);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 12 || code === 0x2028 || code === 0x2029;
}
