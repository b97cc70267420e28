import { urlDate } from '../../src/clean/html/publication-date.js';
import { cleanDocument } from '../../src/clean/index.js';
import { makeDocument } from '../../src/ingest/records.js';
import type { Article } from '../../src/model/article.js';

/**
 * An ECB+ document dated as the engine dates the same page pasted as text with its address: the page's own date
 * line ("Tuesday, July 2nd, 2013", "Posted 11/27/2005 7:21 AM"; clean/index.ts pastedMeta), else the date in the
 * URL's path (`/2010/05/05/`, as for a page fetched by URL), else a date the text itself settles (inferPublished);
 * the "Updated …" line is its revision date. The data set's metadata is never read: ECB+ has none but the URL line
 * the document opens with (ECB documents have neither URL nor date line and stay undated). The text keeps its gold
 * offsets: only the dates are taken from the cleaner, without the cleaned text's places.
 */
export function datedAsPasted(article: Article): Article {
  const raw = article.url ? `${article.url}\n${article.text}` : article.text;
  const cleaned = cleanDocument(makeDocument(article.source, 'text', raw, article.url ? { url: article.url } : {}));
  const fromUrl = article.url ? urlDate(article.url) : null;
  const { date, basis } = cleaned.published;
  // The page's own date line first: a URL's date may name an archive ("/2005_05_01_archive.html" lists a month).
  // A date only inferred from the text's weekdays is weaker than one in the address.
  const published: Article['published'] =
    date && basis !== 'inferred' ? { date, basis } : fromUrl ? { date: fromUrl, basis: 'url' } : date ? { date, basis } : { date: null, basis: 'unknown' };
  return { ...article, published, modified: cleaned.modified };
}
