import { attr, type HtmlElement, type HtmlNode, textOf, walkElements } from './tree.js';
import { SKIP_TEXT_TAGS } from './vocabulary.js';

/** One `<meta>`: its key (name, property, itemprop or http-equiv, lower-cased) and content. */
export interface MetaTag {
  key: string;
  content: string;
}

/** A date-bearing element of the page: `<time>`, `<abbr>`, itemprop or date-classed markup. */
export interface DateMarkup {
  /** Machine-readable value (`datetime`, `content`, `title`), when there is one. */
  value: string | null;
  /** Visible text, capped. */
  text: string;
  /** itemprop, class and id, lower-cased, for telling published from updated. */
  hints: string;
  /** Inside an embedded post, a caption, a comment or page furniture: never the article's own date. */
  foreign: boolean;
  /** Comes after the page's first `<h1>`: under the headline rather than in the site's banner ("today's edition"). */
  afterHeadline: boolean;
}

/** Everything the metadata readers need, gathered in one walk of the page. */
export interface PageFacts {
  metas: MetaTag[];
  jsonLd: string[];
  title: string | null;
  canonical: string | null;
  lang: string | null;
  h1: string | null;
  dates: DateMarkup[];
  /** Visible author markup: itemprop/rel/class author, byline containers. */
  bylines: string[];
  /** The page's visible text outside foreign containers, in document order, capped. */
  visibleText: string;
  /** Where the first `<h1>` starts in `visibleText`, or 0. */
  h1Offset: number;
}

/** Most JSON-LD blocks, date elements and bylines read from one page, and the text kept from each (hostile pages). */
const MAX_JSON_LD = 20;
const MAX_JSON_LD_CHARS = 200_000;
const MAX_DATE_MARKUP = 200;
const MAX_BYLINES = 20;
const MAX_FACT_TEXT = 300;

const DATE_HINT = /date|time|publish|posted|updated|modified|created|byline|meta|dateline|stamp|datum|fecha/;
const AUTHOR_HINT = /(^|[\s_-])(author|byline|writer|autor|auteur|creator)/;
/** Containers whose dates and names belong to someone else than the article. */
const FOREIGN_HINT = /comment|reply|twitter-tweet|instagram|embed|caption|related|sidebar|teaser|recommend|popular|trending|cookie/;

/** A class/id token naming a container of other people's content — not a page-state flag like "has-sidebar". */
function isForeignToken(token: string): boolean {
  return FOREIGN_HINT.test(token) && !STATE_FLAG.test(token);
}

const STATE_FLAG = /^(?:has|with|no|show|hide|is|enable|disable)[-_]|[-_](?:enabled|disabled|open|closed)$/;

/** Walks the page once and gathers its metadata evidence, each list bounded. */
export function gatherFacts(root: HtmlElement, htmlAttrs: Map<string, string>): PageFacts {
  const facts: PageFacts = {
    metas: [],
    jsonLd: [],
    title: null,
    canonical: null,
    lang: htmlAttrs.get('lang')?.trim() || null,
    h1: null,
    dates: [],
    bylines: [],
    visibleText: '',
    h1Offset: 0,
  };
  const foreignDepth = new Set<HtmlElement>();
  const holdsHeadline = headlineAncestors(root);
  let seenH1 = false;
  walkElements(root, (el) => {
    const tag = el.tag;
    const hints = `${attr(el, 'itemprop')} ${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase();
    // A container of the headline is the article's own whatever its class says ("sticky-sidebar-parent" is a layout hook).
    const foreign =
      (el.parent !== null && foreignDepth.has(el.parent)) ||
      tag === 'aside' ||
      tag === 'figcaption' ||
      (!holdsHeadline.has(el) && hints.split(/\s+/).some(isForeignToken));
    if (foreign) foreignDepth.add(el);
    switch (tag) {
      case 'meta': {
        const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop') || attr(el, 'http-equiv')).trim().toLowerCase();
        const content = attr(el, 'content').trim();
        if (key && content) facts.metas.push({ key, content: content.slice(0, MAX_FACT_TEXT) });
        else if (attr(el, 'itemprop') && attr(el, 'datetime')) facts.metas.push({ key: attr(el, 'itemprop').toLowerCase(), content: attr(el, 'datetime') });
        return false;
      }
      case 'script':
        if (attr(el, 'type').toLowerCase().includes('ld+json') && facts.jsonLd.length < MAX_JSON_LD) facts.jsonLd.push(ownText(el));
        return false;
      case 'title':
        // textOf skips <title> (its text is never page text), so read its own character data.
        if (!foreign) facts.title ??= ownText(el).replace(/\s+/g, ' ').trim().slice(0, MAX_FACT_TEXT) || null;
        return false;
      case 'link':
        if (attr(el, 'rel').toLowerCase().split(/\s+/).includes('canonical')) facts.canonical ??= attr(el, 'href').trim() || null;
        return false;
      case 'h1':
        facts.h1 ??= textOf(el, MAX_FACT_TEXT) || null;
        seenH1 = true;
        break;
      case 'style':
      case 'template':
      case 'svg':
        return false;
    }
    const isTimeTag = tag === 'time' || tag === 'abbr';
    if (facts.dates.length < MAX_DATE_MARKUP && (isTimeTag || (DATE_HINT.test(hints) && el.children.length <= 8))) {
      const value = attr(el, 'datetime') || attr(el, 'content') || (tag === 'abbr' ? attr(el, 'title') : '') || null;
      const text = textOf(el, MAX_FACT_TEXT);
      // Only markup that can hold a date (a digit) takes one of the bounded places.
      if (value || /\d/.test(text)) facts.dates.push({ value: value?.trim() || null, text, hints: `${tag} ${hints}`, foreign, afterHeadline: seenH1 });
    }
    if (facts.bylines.length < MAX_BYLINES && !foreign && (AUTHOR_HINT.test(hints) || attr(el, 'rel') === 'author')) {
      const text = textOf(el, MAX_FACT_TEXT);
      if (text) facts.bylines.push(text);
    }
    return true;
  });
  Object.assign(facts, pageText(root, foreignDepth));
  return facts;
}

/** The ancestors of the page's first `<h1>` (empty when it has none). */
function headlineAncestors(root: HtmlElement): Set<HtmlElement> {
  const out = new Set<HtmlElement>();
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HtmlElement;
    if (el.tag === 'h1') {
      for (let up = el.parent; up; up = up.parent) out.add(up);
      return out;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child?.type === 'element') stack.push(child);
    }
  }
  return out;
}

/** Most visible text kept for the date scan (a date that dates the page is near its top). */
const MAX_VISIBLE_TEXT = 100_000;

/** Visible text in document order without scripts, styles or foreign containers, and where the first h1 begins. */
function pageText(root: HtmlElement, foreign: ReadonlySet<HtmlElement>): { visibleText: string; h1Offset: number } {
  const parts: string[] = [];
  let size = 0;
  let h1Offset = -1;
  const stack: HtmlNode[] = [root];
  while (stack.length > 0 && size < MAX_VISIBLE_TEXT) {
    const node = stack.pop() as HtmlNode;
    if (node.type === 'text') {
      parts.push(node.data);
      size += node.data.length;
      continue;
    }
    if (SKIP_TEXT_TAGS.has(node.tag) || foreign.has(node) || node.tag === 'svg') continue;
    if (node.tag === 'h1' && h1Offset < 0) h1Offset = size;
    parts.push(' ');
    size++;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return { visibleText: parts.join('').slice(0, MAX_VISIBLE_TEXT), h1Offset: Math.max(0, h1Offset) };
}

function ownText(el: HtmlElement): string {
  let text = '';
  for (const child of el.children) if (child.type === 'text') text += child.data;
  return text.slice(0, MAX_JSON_LD_CHARS);
}
