import { attr, type HtmlElement } from './tree.js';
import {
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
export type Verdict = { kind: 'drop'; reason: string } | { kind: 'caption' } | { kind: 'social-post' } | { kind: 'keep' };

const KEEP: Verdict = { kind: 'keep' };

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
 * or class, a caption or an embedded post (kept aside as embeds). `byClass` false turns the class patterns off,
 * for the retry on pages whose article container itself carries a furniture-like class.
 */
export function verdictOf(el: HtmlElement, byClass: boolean): Verdict {
  const tag = el.tag;
  if (NON_CONTENT_TAGS.has(tag)) return { kind: 'drop', reason: `non-content element <${tag}>` };
  if (isHidden(el)) return { kind: 'drop', reason: 'hidden element' };
  if (tag === 'figcaption') return { kind: 'caption' };
  const tokens = classTokens(el);
  if (tag === 'blockquote' && tokens.some((t) => matchesFragment(t, SOCIAL_EMBED_FRAGMENTS))) return { kind: 'social-post' };
  if (CHROME_TAGS.has(tag)) return { kind: 'drop', reason: `page furniture <${tag}>` };
  const role = attr(el, 'role').toLowerCase();
  if (role && CHROME_ROLES.has(role)) return { kind: 'drop', reason: `page furniture (role ${role})` };
  if (!byClass || tokens.length === 0) return KEEP;
  if (tokens.some((t) => matchesFragment(t, CAPTION_FRAGMENTS))) return { kind: 'caption' };
  let chrome: string | null = null;
  for (const token of tokens) {
    if (isChromeToken(token)) chrome ??= token;
    else if (matchesFragment(token, CONTENT_FRAGMENTS)) return KEEP;
  }
  return chrome ? { kind: 'drop', reason: `page furniture (class "${chrome.slice(0, 40)}")` } : KEEP;
}
