import type { Article } from '../model/article.js';
import type { CitationOut } from '../model/contract.js';

/** A numbered citation with the exact words it points at. */
export interface NumberedCitation extends CitationOut {
  n: number;
  quote: string;
  outlet: string;
  title: string;
}

/**
 * Numbers citations in the order a renderer meets them, one number per distinct span, and resolves each to the
 * words it cites so every renderer shows the same evidence.
 */
export class CitationIndex {
  private readonly byKey = new Map<string, NumberedCitation>();

  constructor(private readonly articles: ReadonlyMap<string, Article>) {}

  /** The citation's number (assigning one on first sight). */
  number(c: CitationOut): number {
    return this.entry(c).n;
  }

  /** The citation numbered, with its words and its source's label as every renderer shows them. */
  entry(c: CitationOut): NumberedCitation {
    const key = `${c.articleId}:${c.start}:${c.end}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const article = this.articles.get(c.articleId);
    const entry: NumberedCitation = {
      ...c,
      n: this.byKey.size + 1,
      quote: article ? article.text.slice(c.start, c.end) : '',
      outlet: article?.outlet ?? article?.provenance.syndicatedFrom ?? 'unknown outlet',
      title: articleName(this.articles, c.articleId),
    };
    this.byKey.set(key, entry);
    return entry;
  }

  all(): NumberedCitation[] {
    return [...this.byKey.values()];
  }
}

/**
 * How an input is named when it has no title: a URL as given, a file by its name alone. A path as typed may be
 * absolute (a user's home folder); the dossier is shared, so it never shows one.
 */
export function shownPath(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  return (
    path
      .split(/[\\/]/)
      .filter((p) => p !== '')
      .pop() ?? path
  );
}

/**
 * Citations grouped by the article they point into, in numbering order. Linear: a story with one huge article has
 * hundreds of thousands of citations into it, and growing each group by copying (the old way) was quadratic.
 */
export function byArticle(citations: readonly NumberedCitation[]): Map<string, NumberedCitation[]> {
  const groups = new Map<string, NumberedCitation[]>();
  for (const c of citations) {
    const group = groups.get(c.articleId);
    if (group) group.push(c);
    else groups.set(c.articleId, [c]);
  }
  return groups;
}

/** An article's title, else its file or URL as shownPath gives it, else its id. */
export function articleName(articles: ReadonlyMap<string, Article>, id: string): string {
  const a = articles.get(id);
  return a?.title ?? (a ? shownPath(a.source.path) : id);
}
