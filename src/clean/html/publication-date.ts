import type { DateBasis } from '../../model/article.js';
import { normalizeDate } from '../dates.js';
import type { LdFacts } from './json-ld.js';
import type { PageFacts } from './page-facts.js';

/** A date with the evidence it was read from. */
export interface DatedBy {
  value: string;
  basis: DateBasis;
}

/** Meta keys holding the publication date, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'article:published',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'published_time',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'datecreated',
  'dc.date',
  'dcterms.date',
  'date',
  'created',
];

const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'datemodified',
  'last-modified',
  'dc.date.modified',
  'dcterms.modified',
  'lastmod',
];

const UPDATED_HINT = /updat|modif|edited|aktualisiert|actualiz|mis à jour/;
const PUBLISHED_HINT = /publish|posted|created|pubdate|datepublished|erschienen|veröffentlicht/;

/**
 * The publication and last-modified dates of a page with their basis, in order of trust: JSON-LD, meta tags,
 * `<time>`/itemprop markup, a date in the URL path. Dates inside comments, embedded posts, captions and page
 * furniture are never read; script text and cookie banners are never looked at.
 */
export function findDates(facts: PageFacts, ld: LdFacts, url: string | null): { published: DatedBy | null; modified: DatedBy | null } {
  const metaDate = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      for (const m of facts.metas)
        if (m.key === key) {
          const d = normalizeDate(m.content);
          if (d) return d;
        }
    }
    return null;
  };
  const modifiedValue = (ld.dateModified && normalizeDate(ld.dateModified)) || metaDate(MODIFIED_META);
  const modified = modifiedValue ? { value: modifiedValue, basis: 'meta' as const } : null;
  const fromLd = ld.datePublished ? normalizeDate(ld.datePublished) : null;
  if (fromLd) return { published: { value: fromLd, basis: 'json-ld' }, modified };
  const fromMeta = metaDate(PUBLISHED_META);
  if (fromMeta) return { published: { value: fromMeta, basis: 'meta' }, modified };
  const fromMarkup = markupDate(facts);
  if (fromMarkup) return { published: { value: fromMarkup, basis: 'time-element' }, modified };
  const fromUrl = url ? urlDate(url) : null;
  if (fromUrl) return { published: { value: fromUrl, basis: 'url' }, modified };
  return { published: null, modified };
}

/** The first published-looking date in `<time>`/itemprop/date-classed markup outside foreign containers. */
function markupDate(facts: PageFacts): string | null {
  let fallback: string | null = null;
  for (const d of facts.dates) {
    if (d.foreign || UPDATED_HINT.test(d.hints)) continue;
    const value = (d.value && normalizeDate(d.value)) || normalizeDate(d.text);
    if (!value || value.length < 10) continue;
    if (PUBLISHED_HINT.test(d.hints)) return value;
    fallback ??= value;
  }
  return fallback;
}

/** A full date in a URL path: /2019/08/02/, /2019-08-02-, /20190802/. */
export function urlDate(url: string): string | null {
  const path = url.replace(/^https?:\/\/[^/]{1,200}/i, '').slice(0, 500);
  const m = /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:$|[/_.-])/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:$|\/)/.exec(path);
  if (!m) return null;
  return normalizeDate(`${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`);
}
