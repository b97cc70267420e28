import { attr, type HtmlElement } from './tree.js';
import {
  ARTICLE_BODY_FRAGMENTS,
  CAPTION_FRAGMENTS,
  CHROME_FRAGMENTS,
  CHROME_ROLES,
  CHROME_TAGS,
  CHROME_WORDS,
  CONTENT_FRAGMENTS,
  NON_CONTENT_TAGS,
  SOCIAL_EMBED_FRAGMENTS,
} from './vocabulary.js';

/** Why an element is left out of the article text (a `removed` reason), or that it is an embed. */
export type Verdict =
  /** `byClass`: judged by class/id only, so a container holding the marked article body overrules it. */
  { kind: 'drop'; reason: string; byClass?: boolean } | { kind: 'caption' } | { kind: 'social-post' } | { kind: 'keep' };

const KEEP: Verdict = { kind: 'keep' };

/** Which furniture rules an extraction pass applies; later passes relax them for pages the strict one empties. */
export interface Rules {
  /** Class/id patterns. */
  byClass: boolean;
  /** Furniture tags and ARIA roles (`<aside>`, `<header>`, role=navigation). */
  byTag: boolean;
  /** Link-list and teaser pruning inside the article. */
  linkLists: boolean;
}

/**
 * The passes, strictest first, in Readability's manner: a page whose article comes out short is extracted again
 * with fewer rules (its article may sit in an `<aside>` or under a furniture-like class), and the longest wins.
 */
export const PASSES: readonly Rules[] = [
  { byClass: true, byTag: true, linkLists: true },
  { byClass: false, byTag: true, linkLists: true },
  { byClass: false, byTag: false, linkLists: false },
];

/** Class and id tokens of an element, lower-cased ("article-body", "share-bar"). */
export function classTokens(el: HtmlElement): string[] {
  const raw = `${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase();
  return raw.split(/\s+/).filter((t) => t.length > 0 && t.length < 80);
}

function matchesFragment(token: string, fragments: readonly string[]): boolean {
  for (const f of fragments) if (token.includes(f)) return true;
  return false;
}

function isChromeToken(token: string): boolean {
  if (matchesFragment(token, CHROME_FRAGMENTS)) return true;
  for (const word of token.split(/[-_]/)) if (CHROME_WORDS.has(word)) return true;
  return false;
}

/**
 * Class/id weight in Readability's manner: +25 when a token names the article body, −25 when one names page
 * furniture (both can apply). Used to rank candidate containers.
 */
export function classWeight(el: HtmlElement): number {
  let weight = 0;
  let chrome = false;
  let content = false;
  for (const token of classTokens(el)) {
    if (isChromeToken(token)) chrome = true;
    else if (matchesFragment(token, CONTENT_FRAGMENTS)) content = true;
  }
  if (chrome) weight -= 25;
  if (content) weight += 25;
  return weight;
}

/** Whether an element is hidden by markup (never by a stylesheet, which is not read). */
function isHidden(el: HtmlElement): boolean {
  if (el.attrs.has('hidden') || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style').toLowerCase();
  return style.length > 0 && /display\s{0,3}:\s{0,3}none|visibility\s{0,3}:\s{0,3}hidden/.test(style);
}

/**
 * Decides what an element is before any scoring: code and media (never text), hidden, page furniture by tag, role
 * or class, a caption or an embedded post (kept aside as embeds). `rules` turns groups of furniture rules off for
 * the retries.
 */
export function verdictOf(el: HtmlElement, rules: Rules): Verdict {
  const tag = el.tag;
  if (NON_CONTENT_TAGS.has(tag)) return { kind: 'drop', reason: `non-content element <${tag}>` };
  if (isHidden(el)) return { kind: 'drop', reason: 'hidden element' };
  if (tag === 'figcaption') return { kind: 'caption' };
  const tokens = classTokens(el);
  if (tag === 'blockquote' && tokens.some((t) => matchesFragment(t, SOCIAL_EMBED_FRAGMENTS))) return { kind: 'social-post' };
  if (!rules.byTag) return KEEP;
  if (CHROME_TAGS.has(tag)) return { kind: 'drop', reason: `page furniture <${tag}>` };
  const role = attr(el, 'role').toLowerCase();
  if (role && CHROME_ROLES.has(role)) return { kind: 'drop', reason: `page furniture (role ${role})` };
  if (!rules.byClass || tokens.length === 0) return KEEP;
  if (tokens.some((t) => matchesFragment(t, CAPTION_FRAGMENTS))) return { kind: 'caption' };
  let chrome: string | null = null;
  for (const token of tokens) {
    if (isChromeToken(token)) chrome ??= token;
    else if (matchesFragment(token, CONTENT_FRAGMENTS)) return KEEP;
  }
  return chrome ? { kind: 'drop', reason: `page furniture (class "${chrome.slice(0, 40)}")`, byClass: true } : KEEP;
}

/** Whether the markup names an element as the article body (itemprop articleBody, "article-body", "entry-content"). */
export function marksArticleBody(el: HtmlElement): boolean {
  if (attr(el, 'itemprop').toLowerCase() === 'articlebody') return true;
  for (const token of classTokens(el)) if (matchesFragment(token, ARTICLE_BODY_FRAGMENTS)) return true;
  return false;
}
