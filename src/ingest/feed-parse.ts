import { Parser } from 'htmlparser2';
import { AUTHOR_EXTRAS, CHANNEL_FIELDS, CHANNELS, type FeedField as Field, ITEM_FIELDS, ITEMS, ROOTS } from './feed-elements.js';

/*
 * A streaming RSS/Atom reader on htmlparser2's XML mode. fast-xml-parser (also a dependency) only parses a whole
 * string into one object tree, so a 100k-item feed would sit in memory at once; htmlparser2 emits events as bytes
 * arrive, so only the item being read is held. It never expands DTD entities (an `&lol9;` stays text), and this
 * module refuses a DOCTYPE that declares any, and reports what htmlparser2 forgives silently: an element closed by
 * a mismatched end tag, a file that ends inside an element, text or a second element outside the root.
 */

/** Text of a feed field and whether it is HTML (Atom `type="html"`/`xhtml`, or markup found in an RSS field). */
export interface FeedText {
  value: string;
  html: boolean;
}

/** One `<item>`/`<entry>` as read, numbered from 1 in file order. */
export interface FeedEntry {
  number: number;
  title?: string;
  link?: string;
  guid?: string;
  authors: string[];
  published?: string;
  modified?: string;
  language?: string;
  content?: FeedText;
  summary?: FeedText;
  /** Why this entry cannot be used (a field over its bound), if so. */
  problem?: string;
}

/** Channel-level facts that become hints on every item. */
export interface FeedInfo {
  title?: string;
  language?: string;
}

/** Why reading stopped early: malformed XML, not a feed, or the item limit. */
export interface FeedStop {
  reason: string;
}

export interface FeedParserOptions {
  maxItems: number;
  /** Bound on an item's content or description, in characters. */
  maxContentChars: number;
}

/** Bound on the other fields (title, link, author, date): real ones are under a few hundred characters. */
const MAX_META_CHARS = 16 * 1024;
/** Nesting bound: feeds are 4-6 levels deep plus the markup of an inline XHTML body. */
const MAX_DEPTH = 256;
/** Longest tag name quoted in a message; a hostile one can be megabytes long. */
const MAX_NAME_IN_MESSAGE = 60;

/** A field being read: its element depth, the text so far, and whether nested markup is kept as HTML. */
interface Capture {
  field: Field;
  depth: number;
  parts: string[];
  size: number;
  cap: number;
  /** Declared HTML (Atom `type="html"`/`"xhtml"`): the text is HTML source. */
  declaredHtml: boolean;
  /** Nested elements were met (XHTML, or markup left unescaped) and serialized back to HTML. */
  nested: boolean;
  /** Depth of a nested element whose text is skipped (an author's email), or 0. */
  mutedAt: number;
  overflow: boolean;
}

/**
 * Feed events from XML text written in chunks: `write` returns the entries completed by that chunk, so memory holds
 * one entry at a time. After `stop` is set, further input is ignored.
 */
export class FeedParser {
  readonly info: FeedInfo = {};
  stop: FeedStop | null = null;
  private readonly parser: Parser;
  private readonly ready: FeedEntry[] = [];
  private readonly stack: string[] = [];
  private readonly openedAt: number[] = [];
  private root: 'rss' | 'atom' | null = null;
  private rootClosed = false;
  private entry: (FeedEntry & { depth: number }) | null = null;
  private capture: Capture | null = null;
  private items = 0;
  private ending = false;
  private chunkStart = 0;
  private chunk = '';
  private linesBefore = 0;
  /** Characters written since htmlparser2 last emitted anything: it buffers an unfinished token whole. */
  private silentChars = 0;
  private emitted = false;

  constructor(private readonly options: FeedParserOptions) {
    this.parser = new Parser(
      {
        onopentag: (name, attrs) => this.open(name.toLowerCase(), attrs),
        onclosetag: (name, implied) => this.close(name.toLowerCase(), implied),
        ontext: (text) => this.text(text),
        onprocessinginstruction: (name, data) => this.declaration(name.toLowerCase(), data),
        oncomment: () => {
          this.emitted = true;
        },
      },
      { xmlMode: true },
    );
  }

  /** Parses the next piece of text and returns the entries it completed. */
  write(text: string): FeedEntry[] {
    if (this.stop) return [];
    this.chunk = text;
    this.emitted = false;
    this.parser.write(text);
    this.chunkStart += text.length;
    this.linesBefore += countNewlines(text);
    this.chunk = '';
    // An unterminated tag, comment or CDATA section is held whole by the parser: bound it like a field.
    this.silentChars = this.emitted ? 0 : this.silentChars + text.length;
    if (this.silentChars > this.options.maxContentChars + MAX_META_CHARS) {
      this.fail(`an XML token (a tag, comment or CDATA section) runs over ${this.options.maxContentChars} characters`);
    }
    return this.ready.splice(0);
  }

  /** Ends the input; a file that stops inside an element, or holds no root element, becomes `stop`. */
  end(): FeedEntry[] {
    if (!this.stop) {
      this.ending = true;
      this.parser.end();
      if (!this.stop && this.root === null) this.fail('not an RSS or Atom feed: no XML elements found');
    }
    return this.ready.splice(0);
  }

  private open(name: string, attrs: Record<string, string>): void {
    this.emitted = true;
    if (this.stop) return;
    const local = name.startsWith('atom:') ? name.slice(5) : name;
    const depth = this.stack.length;
    if (depth === 0) {
      if (this.rootClosed) {
        this.fail(`malformed XML at line ${this.line()}: a second root element ${this.tag(name)}`);
        return;
      }
      if (!ROOTS.has(local)) {
        this.fail(`not an RSS or Atom feed: the root element is ${this.tag(name)}`);
        return;
      }
      this.root = local === 'feed' ? 'atom' : 'rss';
      if (attrs['xml:lang']) this.info.language = attrs['xml:lang'];
    }
    if (depth >= MAX_DEPTH) {
      this.fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
      return;
    }
    this.stack.push(name);
    this.openedAt.push(this.parser.startIndex);
    const capture = this.capture;
    if (capture) {
      if (capture.field === 'author' && capture.mutedAt === 0 && AUTHOR_EXTRAS.has(local)) capture.mutedAt = depth + 1;
      if (isBody(capture.field)) {
        capture.nested = true;
        this.append(`<${local}${serializeAttributes(attrs)}>`);
      }
      return;
    }
    if (this.entry === null && ITEMS.has(local)) {
      this.startEntry(depth + 1, attrs);
      return;
    }
    const parent = this.stack[depth - 1]?.replace(/^atom:/, '');
    if (this.entry && depth === this.entry.depth) this.startItemField(local, attrs, depth + 1);
    else if (this.entry === null && parent && CHANNELS.has(parent)) {
      const field = CHANNEL_FIELDS[local];
      if (field) this.startCapture(field, depth + 1, false);
    }
  }

  private startEntry(depth: number, attrs: Record<string, string>): void {
    if (++this.items > this.options.maxItems) {
      this.fail(`more than ${this.options.maxItems} items; the rest of the feed is skipped`);
      return;
    }
    this.entry = { number: this.items, depth, authors: [] };
    if (attrs['xml:lang']) this.entry.language = attrs['xml:lang'];
  }

  private startItemField(local: string, attrs: Record<string, string>, depth: number): void {
    const field = ITEM_FIELDS[local];
    if (!field || !this.entry) return;
    if (field === 'link' && attrs.href !== undefined) {
      // Atom: the page is the `alternate` link (the default relation); `self`, `enclosure` and the rest are not.
      const rel = attrs.rel ?? 'alternate';
      if (rel === 'alternate' && this.entry.link === undefined) this.entry.link = attrs.href.trim();
      return;
    }
    if (field === 'content' && attrs.src !== undefined) return;
    const type = (attrs.type ?? '').toLowerCase();
    const declaredHtml = type === 'html' || type === 'xhtml' || type === 'text/html';
    this.startCapture(field, depth, declaredHtml);
  }

  private startCapture(field: Field, depth: number, declaredHtml: boolean): void {
    const cap = isBody(field) ? this.options.maxContentChars : MAX_META_CHARS;
    this.capture = { field, depth, parts: [], size: 0, cap, declaredHtml, nested: false, mutedAt: 0, overflow: false };
  }

  private close(name: string, implied: boolean): void {
    this.emitted = true;
    if (this.stop) return;
    const depth = this.stack.length;
    const opened = this.openedAt.at(-1);
    // htmlparser2 reports both `<br/>` and a forced close as "implied"; a self-closing tag closes where it opened.
    const selfClosing = implied && opened === this.parser.startIndex;
    if (implied && !selfClosing) {
      this.fail(
        this.ending
          ? `truncated: the file ends inside ${this.tag(name)} (line ${this.line()})`
          : `malformed XML at line ${this.line()}: ${this.tag(name)} is closed by a different end tag`,
      );
      return;
    }
    this.stack.pop();
    this.openedAt.pop();
    if (depth === 1) this.rootClosed = true;
    const capture = this.capture;
    if (capture && depth > capture.depth) {
      if (capture.mutedAt === depth) capture.mutedAt = 0;
      if (isBody(capture.field) && !selfClosing) this.append(`</${name.replace(/^atom:/, '')}>`);
      return;
    }
    if (capture && depth === capture.depth) {
      this.capture = null;
      this.finishCapture(capture);
      return;
    }
    if (this.entry && depth === this.entry.depth) {
      const { depth: _, ...entry } = this.entry;
      this.entry = null;
      this.ready.push(entry);
    }
  }

  private text(text: string): void {
    this.emitted = true;
    if (this.stop) return;
    if (this.stack.length === 0) {
      if (!this.rootClosed && this.root === null && text.trim() !== '') this.fail('not XML: text before the first element');
      return;
    }
    const capture = this.capture;
    if (capture?.mutedAt !== 0) return;
    // Text directly in the field is the field's own source (HTML source for an HTML field); text inside a nested
    // element was decoded from XML and must be escaped again as it is serialized back to HTML.
    this.append(this.stack.length > capture.depth && isBody(capture.field) ? escapeText(text) : text);
  }

  private declaration(name: string, data: string): void {
    this.emitted = true;
    if (this.stop) return;
    if (name === '!entity' || (name === '!doctype' && data.includes('['))) {
      this.fail('the feed declares entities in its DOCTYPE: refused, since entity expansion can exhaust memory and feeds do not need it');
    }
  }

  private append(piece: string): void {
    const capture = this.capture;
    if (!capture || capture.overflow) return;
    capture.size += piece.length;
    if (capture.size > capture.cap) {
      capture.overflow = true;
      capture.parts = [];
      return;
    }
    capture.parts.push(piece);
  }

  private finishCapture(capture: Capture): void {
    const value = capture.parts.join('');
    const entry = this.entry;
    if (capture.overflow) {
      if (entry) entry.problem ??= `<${capture.field}> is over the ${capture.cap}-character limit`;
      return;
    }
    const line = collapse(value);
    switch (capture.field) {
      case 'feed-title':
        if (line && this.info.title === undefined) this.info.title = line;
        return;
      case 'feed-language':
        if (line) this.info.language = line;
        return;
    }
    if (!entry) return;
    switch (capture.field) {
      case 'title':
        if (line && entry.title === undefined) entry.title = line;
        return;
      case 'link':
        if (line && entry.link === undefined) entry.link = line;
        return;
      case 'guid':
        if (line) entry.guid = line;
        return;
      case 'author': {
        const name = authorName(line);
        if (name && !entry.authors.includes(name)) entry.authors.push(name);
        return;
      }
      case 'published':
        if (line && entry.published === undefined) entry.published = line;
        return;
      case 'modified':
        if (line && entry.modified === undefined) entry.modified = line;
        return;
      case 'content':
      case 'summary': {
        const html = capture.declaredHtml || capture.nested || (this.root === 'rss' && looksLikeMarkup(value));
        if (value.trim() !== '' && entry[capture.field] === undefined) entry[capture.field] = { value: value.trim(), html };
        return;
      }
    }
  }

  private fail(reason: string): void {
    this.stop ??= { reason };
  }

  /** A tag name for a message, cut short. */
  private tag(name: string): string {
    return `<${name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE)}…` : name}>`;
  }

  /** The 1-based line of the token being parsed (approximate when a token spans two chunks). */
  private line(): number {
    const at = this.parser.startIndex - this.chunkStart;
    return this.linesBefore + (at > 0 ? countNewlines(this.chunk.slice(0, at)) : 0) + 1;
  }
}

function isBody(field: Field): boolean {
  return field === 'content' || field === 'summary';
}

/** RSS `author` is "email (Name)"; a bare email is not a name. */
function authorName(value: string): string | undefined {
  const open = value.lastIndexOf(' (');
  if (value.endsWith(')') && open !== -1) return value.slice(open + 2, -1).trim() || undefined;
  if (value.includes('@') && !value.includes(' ')) return undefined;
  return value || undefined;
}

/** Whether RSS text is HTML: a tag or a character reference (bounded patterns, no backtracking). */
function looksLikeMarkup(value: string): boolean {
  return /<\/?[a-z][a-z0-9]{0,10}[\s>/]/i.test(value) || /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,10});/i.test(value);
}

function serializeAttributes(attrs: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) out += ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
