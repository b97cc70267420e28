import type { ArticleKind, DateBasis } from '../../model/article.js';
import { kindOfLabel, kindOfSchemaType } from '../kind.js';
import { domainName, splitTitle, squash } from '../title.js';
import { readJsonLd } from './json-ld.js';
import type { PageFacts } from './page-facts.js';
import { type DateContext, type DatedBy, findDates } from './publication-date.js';

/** Page metadata with the evidence each date came from. */
export interface PageMetadata {
  title: string | null;
  outlet: string | null;
  /** What the page labels the piece (JSON-LD type or section, `article:section`), or null. */
  kind: ArticleKind | null;
  authors: string[];
  /** Publication date (`YYYY-MM-DD`), where it was read, and its span in the article text when it was read there. */
  published: DatedBy | null;
  /** Last-modified date, `YYYY-MM-DD`. */
  modified: string | null;
  modifiedBasis?: DateBasis;
  /** Canonical URL of the page. */
  url: string | null;
  language: string | null;
}

/** Most authors kept (some pages list a whole newsroom in their meta tags). */
const MAX_AUTHORS = 10;
/** Longest plausible author name; longer byline text is a sentence, not a name. */
const MAX_AUTHOR_CHARS = 80;

/**
 * Settles title, authors, outlet, dates, canonical URL and language from the evidence of one page, in order of
 * trust: JSON-LD, then OpenGraph and other meta tags, then visible markup.
 */
export function readMetadata(facts: PageFacts, context: DateContext): PageMetadata {
  const url = context.url;
  const ld = readJsonLd(facts.jsonLd);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const found = facts.metas.find((m) => m.key === key);
      if (found) return found.content;
    }
    return null;
  };
  const named = meta('og:site_name', 'application-name', 'apple-mobile-web-app-title') ?? ld.publisher;
  const canonical = facts.canonical ?? meta('og:url') ?? ld.url;
  // The page's own domain: its URL's, else its canonical URL's (a saved page has no URL of its own).
  const domain = domainName(url) ?? domainName(canonical && /^https?:\/\//i.test(canonical) ? canonical : null);
  const known = [named, domain].filter((k): k is string => k !== null);
  const stated = meta('og:title', 'twitter:title') ?? ld.headline ?? facts.h1;
  const fromTitle = facts.title ? splitTitle(facts.title, known) : null;
  const split = stated ? splitTitle(stated, known, false) : fromTitle;
  // A site name split off the <title> names the outlet when nothing else does, if the page's domain confirms it: a guessed
  // last part is as often a section, a blog's tagline or the headline's tail ("… | News", "… - Seite 34"), and each
  // such name would split one publisher into many outlets; the domain (index.ts falls back to it) is one name per site.
  const guessed = fromTitle?.site ?? null;
  const outlet = named ?? (guessed && (domain === null || domainConfirms(guessed, domain)) ? guessed : null);
  const kind =
    ld.types.map(kindOfSchemaType).find((k) => k !== null) ??
    [ld.section, meta('article:section')].map((s) => (s ? kindOfLabel(s) : null)).find((k) => k !== null) ??
    null;
  const metaAuthors = [meta('author'), meta('article:author'), meta('parsely-author'), meta('sailthru.author'), meta('dc.creator'), meta('byl')];
  const authors = cleanAuthors(ld.authors.length > 0 ? ld.authors : metaAuthors.some((a) => a) ? metaAuthors : facts.bylines);
  const dates = findDates(facts, ld, context);
  const lang = facts.lang ?? meta('content-language', 'og:locale', 'dc.language', 'language') ?? ld.language;
  return {
    title: split?.headline ? collapse(split.headline) : null,
    outlet: outlet ? collapse(outlet) : null,
    kind,
    authors,
    published: dates.published,
    modified: dates.modified?.value ?? null,
    ...(dates.modified ? { modifiedBasis: dates.modified.basis } : {}),
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : url,
    language: lang ? (/^[a-z]{2,3}/i.exec(lang.trim())?.[0]?.toLowerCase() ?? null) : null,
  };
}

/** Names from author fields: "By" stripped, URLs and over-long text dropped, duplicates removed. */
function cleanAuthors(values: ReadonlyArray<string | null>): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    for (const part of value.split(/\s*(?:,|;|\band\b|\bund\b|&)\s*/)) {
      const name = collapse(part.replace(/^\s*(?:by|von|par|por|door|di)\s+/i, ''));
      if (!name || name.length > MAX_AUTHOR_CHARS || /^https?:|@|\d{3}/.test(name)) continue;
      if (!out.includes(name)) out.push(name);
      if (out.length >= MAX_AUTHORS) return out;
    }
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Letters a domain spells out in ASCII ("Köln" → koeln.de, "Straße" → strasse.de); NFKD alone gives "koln". */
const SPELLED_OUT: ReadonlyArray<[RegExp, string]> = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
];

/**
 * Whether a site name and a domain name are one name: equal, or one holding the other (at least 4 letters), after
 * squashing, with umlauts as written or spelled out ("Erzbistum Köln" and erzbistum-koeln).
 */
export function domainConfirms(name: string, domain: string): boolean {
  const d = squash(domain);
  const spelled = SPELLED_OUT.reduce((text, [from, to]) => text.replace(from, to), name.toLowerCase());
  return [squash(name), squash(spelled)].some((k) => k.length >= 2 && (k === d || (Math.min(k.length, d.length) >= 4 && (k.includes(d) || d.includes(k)))));
}
