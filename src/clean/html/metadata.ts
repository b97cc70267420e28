import type { DateBasis } from '../../model/article.js';

/** Page metadata with the evidence each date came from. */
export interface PageMetadata {
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: { value: string; basis: DateBasis } | null;
  modified: string | null;
  url: string | null;
  language: string | null;
}

type Doc = Document;

/**
 * Reads metadata from a parsed page in order of trust: JSON-LD NewsArticle, then OpenGraph/article meta tags, then
 * `<time>` and itemprop markup. Script and cookie dates never count, because only these structured places are read.
 */
export function readMetadata(doc: Doc): PageMetadata {
  const ld = readJsonLd(doc);
  const meta = (name: string): string | null => {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    return value ? value : null;
  };
  const title = ld.headline ?? meta('og:title') ?? meta('twitter:title') ?? (doc.querySelector('title')?.textContent?.trim() || null);
  const outlet = ld.publisher ?? meta('og:site_name') ?? meta('application-name') ?? null;
  const authors =
    ld.authors.length > 0
      ? ld.authors
      : [meta('author'), meta('article:author'), meta('sailthru.author')].filter((a): a is string => a !== null && !/^https?:/.test(a));
  let published: PageMetadata['published'] = null;
  if (ld.datePublished) published = { value: ld.datePublished, basis: 'json-ld' };
  else {
    const m =
      meta('article:published_time') ??
      meta('og:published_time') ??
      meta('datePublished') ??
      meta('pubdate') ??
      meta('publish-date') ??
      meta('date') ??
      meta('dc.date') ??
      meta('DC.date.issued');
    if (m) published = { value: m, basis: 'meta' };
    else {
      const time = doc.querySelector(
        '[itemprop="datePublished"][datetime], [itemprop="datePublished"][content], article time[datetime], time[pubdate][datetime]',
      );
      const value = time?.getAttribute('datetime') ?? time?.getAttribute('content');
      if (value) published = { value, basis: 'time-element' };
    }
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || meta('og:locale') || null;
  return {
    title: title ? collapse(title) : null,
    outlet: outlet ? collapse(outlet) : null,
    authors: [...new Set(authors.map(collapse))],
    published,
    modified: ld.dateModified ?? meta('article:modified_time') ?? meta('og:updated_time'),
    url: canonical ?? null,
    language: lang ? lang.slice(0, 2).toLowerCase() : null,
  };
}

interface LdFacts {
  headline: string | null;
  publisher: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|LiveBlogPosting|OpinionNewsArticle|Report)$/;

function readJsonLd(doc: Doc): LdFacts {
  const facts: LdFacts = { headline: null, publisher: null, authors: [], datePublished: null, dateModified: null };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const types = ([] as unknown[]).concat(node['@type']).map(String);
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      const isWebPage = types.every((t) => t === 'WebPage');
      if (isWebPage && facts.datePublished) continue;
      facts.headline ??= str(node.headline) ?? str(node.name);
      facts.datePublished ??= str(node.datePublished);
      facts.dateModified ??= str(node.dateModified);
      facts.publisher ??= nameOf(node.publisher);
      if (facts.authors.length === 0)
        facts.authors = ([] as unknown[])
          .concat(node.author ?? [])
          .map(nameOf)
          .filter((n): n is string => n !== null);
    }
  }
  return facts;
}

function flattenLd(data: unknown, depth = 0): Array<Record<string, unknown>> {
  if (depth > 4 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => flattenLd(d, depth + 1));
  const node = data as Record<string, unknown>;
  const graph = node['@graph'];
  return [node, ...(graph ? flattenLd(graph, depth + 1) : [])];
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).name);
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
