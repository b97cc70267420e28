import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { IMPLIED_CLOSES, INLINE_TAGS, SKIP_TEXT_TAGS, VOID_TAGS } from './vocabulary.js';

/** An element with its source range `[start, end)` in the raw HTML (end tag included when there is one). */
export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: ReadonlyMap<string, string>;
  parent: HtmlElement | null;
  children: HtmlNode[];
  start: number;
  end: number;
}

/** A decoded entity inside a text run: raw `[start, end)` stands for `text`. */
export interface EntityRun {
  start: number;
  end: number;
  text: string;
}

/**
 * A run of character data with its raw range. `data` is the decoded text; when the run held entities they are
 * listed, so a writer can copy the plain stretches byte for byte and replace only the entities.
 */
export interface HtmlText {
  type: 'text';
  parent: HtmlElement;
  data: string;
  start: number;
  end: number;
  entities: EntityRun[] | null;
}

export type HtmlNode = HtmlElement | HtmlText;

/** A parsed page: a synthetic root holding everything, and the attributes of `<html>` and `<body>`. */
export interface HtmlTree {
  root: HtmlElement;
  htmlAttrs: Map<string, string>;
  /** Elements nested deeper than the cap were flattened into their ancestor (hostile or broken markup). */
  flattened: number;
  /** The node cap was reached: the rest of the page was not read. */
  truncated: boolean;
}

/**
 * Deepest element nesting kept. Real news pages measured on the extraction benchmarks stay under 60 levels;
 * beyond this, further elements are flattened into the deepest kept one so no walk can blow the stack.
 */
export const MAX_DEPTH = 400;
/**
 * How far down the open-element stack an end tag may look for its start tag. The HTML spec walks the whole stack,
 * which makes a page of unmatched end tags quadratic; real mismatches are a few levels deep.
 */
const MAX_CLOSE_SEARCH = 64;
/**
 * Most nodes built for one page. The largest pages of the extraction benchmarks hold about 40k; a hostile page
 * of millions of elements stops here so memory stays bounded.
 */
export const MAX_NODES = 400_000;

/** Shared by every element without attributes (most of them), so none pays for its own empty map. */
const NO_ATTRS: ReadonlyMap<string, string> = new Map();

/** Tags that only wrap the page: their attributes are kept, their nodes are not built (a second one is harmless). */
const WRAPPER_TAGS = new Set(['html', 'head', 'body']);
const FOREIGN_TAGS = new Set(['svg', 'math']);

/**
 * Builds a tree with exact source positions from htmlparser2's tokenizer. Written here rather than using
 * htmlparser2's `Parser` + `domhandler` because that parser keeps its open-element stack with `unshift`, which
 * measured quadratic on deep nesting (200k nested divs: 64 s), and because text before `<html>`, a second
 * `<body>` or an unclosed `<head>` must not lose the page's content. Every step here is linear in the input.
 */
export function parseHtml(raw: string): HtmlTree {
  const builder = new TreeBuilder(raw);
  const tokenizer = new Tokenizer({ decodeEntities: true }, builder);
  tokenizer.write(raw);
  tokenizer.end();
  builder.finish();
  return { root: builder.root, htmlAttrs: builder.htmlAttrs, flattened: builder.flattened, truncated: builder.nodes >= MAX_NODES };
}

class TreeBuilder implements TokenizerCallbacks {
  readonly root: HtmlElement = { type: 'element', tag: '#root', attrs: NO_ATTRS, parent: null, children: [], start: 0, end: 0 };
  readonly htmlAttrs = new Map<string, string>();
  flattened = 0;
  nodes = 0;
  private pendingAttrs: Map<string, string> | null = null;
  private readonly stack: HtmlElement[] = [this.root];
  /** Start tags flattened at the depth cap that are still open: their end tags must be swallowed. */
  private flattenedOpen: string[] = [];
  private pending: HtmlElement | null = null;
  private pendingWrapper = false;
  private attrName = '';
  private attrValue = '';
  private text: HtmlText | null = null;
  private foreignDepth = 0;

  constructor(private readonly raw: string) {}

  private get top(): HtmlElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  ontext(start: number, end: number): void {
    // At the end of input inside an unterminated tag ("</Dock workers"), htmlparser2 reports the trailing text from
    // -1: it starts after the last token instead (a negative offset would corrupt the offset map).
    const from = start < 0 ? Math.min(this.lastTokenEnd, end) : start;
    if (from < end) this.appendText(from, end, this.raw.slice(from, end), false);
  }

  ontextentity(codepoint: number, end: number): void {
    // Every character reference starts with '&'; the tokenizer only reports where it ends.
    const amp = this.raw.lastIndexOf('&', end - 1);
    const start = Math.max(amp, this.lastTokenEnd);
    this.appendText(start, end, String.fromCodePoint(codepoint), true);
  }

  private lastTokenEnd = 0;

  private appendText(start: number, end: number, data: string, entity: boolean): void {
    const parent = this.top;
    let node = this.text;
    if (!node || node.parent !== parent || node.end !== start) {
      if (this.nodes >= MAX_NODES) return;
      this.nodes++;
      node = { type: 'text', parent, data: '', start, end: start, entities: null };
      parent.children.push(node);
      this.text = node;
    }
    node.data += data;
    node.end = end;
    if (entity) (node.entities ??= []).push({ start, end, text: data });
    this.lastTokenEnd = end;
  }

  onopentagname(start: number, end: number): void {
    this.text = null;
    const tag = this.raw.slice(start, end).toLowerCase();
    if (WRAPPER_TAGS.has(tag)) {
      this.pending = null;
      this.pendingWrapper = tag !== 'head';
      return;
    }
    this.pendingWrapper = false;
    const closes = IMPLIED_CLOSES.get(tag);
    if (closes) while (this.stack.length > 1 && closes.has(this.top.tag)) this.pop(start);
    this.pending = { type: 'element', tag, attrs: NO_ATTRS, parent: this.top, children: [], start: start - 1, end: start - 1 };
    this.pendingAttrs = null;
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.raw.slice(start, end).toLowerCase();
    this.attrValue = '';
  }

  onattribdata(start: number, end: number): void {
    this.attrValue += this.raw.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.pending) {
      this.pendingAttrs ??= new Map();
      if (!this.pendingAttrs.has(this.attrName)) this.pendingAttrs.set(this.attrName, this.attrValue);
    } else if (this.pendingWrapper && !this.htmlAttrs.has(this.attrName)) this.htmlAttrs.set(this.attrName, this.attrValue);
  }

  onopentagend(end: number): void {
    this.lastTokenEnd = end + 1;
    const el = this.pending;
    this.pending = null;
    if (!el) return;
    if (this.pendingAttrs) el.attrs = this.pendingAttrs;
    el.end = end + 1;
    const isVoid = VOID_TAGS.has(el.tag);
    if (this.stack.length > MAX_DEPTH || this.nodes >= MAX_NODES) {
      // Not built: its text goes to the deepest kept element, and its end tag is swallowed.
      if (this.nodes < MAX_NODES) this.flattened++;
      if (!isVoid) this.flattenedOpen.push(el.tag);
      return;
    }
    this.nodes++;
    const parent = this.top;
    el.parent = parent;
    parent.children.push(el);
    if (isVoid) return;
    this.stack.push(el);
    if (FOREIGN_TAGS.has(el.tag)) this.foreignDepth++;
  }

  onselfclosingtag(end: number): void {
    const el = this.pending;
    this.onopentagend(end);
    // Only foreign content (SVG, MathML) honours `/>`; in HTML `<div/>` is an open tag.
    if (el && this.foreignDepth > 0 && this.top === el) this.pop(end + 1);
  }

  onclosetag(start: number, end: number): void {
    this.text = null;
    this.lastTokenEnd = end + 1;
    const tag = this.raw.slice(start, end).toLowerCase();
    if (WRAPPER_TAGS.has(tag) || VOID_TAGS.has(tag)) return;
    if (this.flattenedOpen.length > 0 && this.flattenedOpen[this.flattenedOpen.length - 1] === tag) {
      this.flattenedOpen.pop();
      return;
    }
    const lowest = Math.max(1, this.stack.length - MAX_CLOSE_SEARCH);
    for (let i = this.stack.length - 1; i >= lowest; i--) {
      if (this.stack[i]?.tag !== tag) continue;
      while (this.stack.length > i + 1) this.pop(start - 2);
      this.pop(end + 1);
      return;
    }
  }

  oncomment(_start: number, end: number, endOffset: number): void {
    this.text = null;
    this.lastTokenEnd = end + endOffset + 1;
  }

  oncdata(start: number, end: number, endOffset: number): void {
    this.oncomment(start, end, endOffset);
  }

  ondeclaration(_start: number, end: number): void {
    this.text = null;
    this.lastTokenEnd = end + 1;
  }

  onprocessinginstruction(start: number, end: number): void {
    this.ondeclaration(start, end);
  }

  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }

  onend(): void {
    this.text = null;
  }

  finish(): void {
    while (this.stack.length > 1) this.pop(this.raw.length);
    this.root.end = this.raw.length;
  }

  private pop(end: number): void {
    const el = this.stack.pop();
    if (!el) return;
    el.end = Math.max(el.end, end);
    if (FOREIGN_TAGS.has(el.tag)) this.foreignDepth--;
    this.text = null;
  }
}

/** Attribute value or '' (absent and empty are the same to every reader here). */
export function attr(el: HtmlElement, name: string): string {
  return el.attrs.get(name) ?? '';
}

/**
 * Visits every element under `root` in document order without recursion (deep pages must not blow the stack).
 * Returning false from `enter` skips the element's subtree.
 */
export function walkElements(root: HtmlElement, enter: (el: HtmlElement) => boolean | undefined): void {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HtmlElement;
    if (enter(el) === false) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child?.type === 'element') stack.push(child);
    }
  }
}

/** Decoded text under an element, whitespace collapsed, capped at `limit` characters (no recursion). */
export function textOf(root: HtmlElement, limit = 100_000): string {
  const parts: string[] = [];
  let size = 0;
  const stack: HtmlNode[] = [root];
  while (stack.length > 0 && size < limit) {
    const node = stack.pop() as HtmlNode;
    if (node.type === 'text') {
      parts.push(node.data);
      size += node.data.length;
      continue;
    }
    if (SKIP_TEXT_TAGS.has(node.tag)) continue;
    // Block boundaries separate words ("<p>One</p><p>Two</p>"); inline ones do not ("Hel<b>lo</b>").
    if (!INLINE_TAGS.has(node.tag)) parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return parts.join('').replace(/\s+/g, ' ').trim().slice(0, limit);
}
