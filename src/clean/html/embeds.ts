import type { Embed } from '../../model/article.js';
import { normalizeDate } from '../dates.js';
import { attr, type HtmlElement, textOf, walkElements } from './tree.js';

/** Longest embed text kept (a caption or a post is short; a hostile page is not). */
const MAX_EMBED_TEXT = 2_000;
/** Most embeds kept per page. */
const MAX_EMBEDS = 100;

/** "— Jane Doe (@janedoe)" or "A post shared by Jane Doe (@janedoe)": the author line of an embedded post. */
const POST_AUTHOR = /(?:[—–-]|shared by)\s{0,3}([^()\n]{1,80}?)\s{0,3}\((@[\w.]{1,40})\)/i;

/**
 * Turns captions and embedded posts met inside the article into `Embed`s: their text, their author when the
 * markup says it, and their own date — which is evidence about the embed and never dates the article. They are
 * not part of the article text, so their places are raw HTML spans.
 */
export function readEmbeds(found: ReadonlyArray<{ kind: 'caption' | 'social-post'; el: HtmlElement }>): Embed[] {
  const out: Embed[] = [];
  for (const { kind, el } of found.slice(0, MAX_EMBEDS)) {
    const text = textOf(el, MAX_EMBED_TEXT);
    if (!text) continue;
    const place = { start: el.start, end: el.end };
    if (kind === 'caption') {
      out.push({ kind: 'caption', text, author: null, date: normalizeDate(text), place, inText: false });
      continue;
    }
    const author = POST_AUTHOR.exec(text);
    out.push({
      kind: 'social-post',
      text: postBody(el) ?? text,
      author: author ? `${author[1]?.trim()} (${author[2]})` : null,
      date: postDate(el),
      place,
      inText: false,
    });
  }
  return out;
}

/** The post's own words: its first paragraph (the rest is the author line and the date link). */
function postBody(el: HtmlElement): string | null {
  let body: string | null = null;
  walkElements(el, (child) => {
    if (body !== null) return false;
    if (child.tag === 'p') {
      body = textOf(child, MAX_EMBED_TEXT) || null;
      return false;
    }
    return true;
  });
  return body;
}

/** A `<time datetime>` inside the post, else the text of its last link (Twitter's "September 2, 2025"). */
function postDate(el: HtmlElement): string | null {
  let date: string | null = null;
  let lastLink: HtmlElement | null = null;
  walkElements(el, (child) => {
    if (child.tag === 'time') date ??= normalizeDate(attr(child, 'datetime')) ?? normalizeDate(textOf(child, 100));
    if (child.tag === 'a') lastLink = child;
    return true;
  });
  if (date) return date;
  const link: HtmlElement | null = lastLink;
  return link ? normalizeDate(textOf(link, 100)) : null;
}
