import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Analysis, ArticleOut, CitationOut, StoryOut } from '../../../src/index.js';

/** A dossier with lookups every section needs: articles by id, and the independent source each belongs to. */
export interface DossierData {
  story: StoryOut;
  articles: ReadonlyMap<string, ArticleOut>;
  /** Article id → name of its independent source (copies share their wire's name). */
  sourceOf: ReadonlyMap<string, string>;
}

/** The lookups for the one story an analysis answer holds. */
export function dossierData(analysis: Analysis): DossierData | null {
  const story = analysis.stories[0];
  if (!story) return null;
  const sourceOf = new Map<string, string>();
  for (const source of story.sources) for (const id of source.articleIds) sourceOf.set(id, source.name);
  return { story, articles: new Map(analysis.articles.map((a) => [a.id, a])), sourceOf };
}

/** Carries the dossier on screen to its sections. */
export const DossierContext = createContext<DossierData | null>(null);

/** The dossier being shown; sections are only rendered inside its provider. */
export function useDossier(): DossierData {
  const data = useContext(DossierContext);
  if (!data) throw new Error('a dossier section was rendered outside DossierContext');
  return data;
}

/** Longest preview of a cited span shown on hover. */
const PREVIEW_CHARS = 280;

/** The cited words, for a hover preview; empty when the article is not in the answer or the span is off its text. */
export function citedText(data: DossierData, c: CitationOut): string {
  const text = data.articles.get(c.articleId)?.text ?? '';
  if (c.end > text.length || c.start > c.end) return '';
  const cited = text.slice(c.start, c.end);
  return cited.length > PREVIEW_CHARS ? `${cited.slice(0, PREVIEW_CHARS)}…` : cited;
}

/** A source name the linker gives when it knows no outlet ("unknown outlet (file.txt)"): not a name to show. */
const UNNAMED_SOURCE = /^unknown outlet\b/i;

/**
 * Who published an article, as the reader knows it: its outlet, else its independent source's name, else the host
 * of its URL, else its title. Never a file name: files are named by whoever saved them, not by the publisher.
 */
export function articleLabel(data: DossierData, articleId: string): string {
  const article = data.articles.get(articleId);
  const source = data.sourceOf.get(articleId);
  if (article?.outlet) return article.outlet;
  if (source && !UNNAMED_SOURCE.test(source)) return source;
  const host = article?.url ? hostOf(article.url) : null;
  return host ?? article?.title ?? 'untitled article';
}

/** The independent source an article belongs to, as a label (an unnamed source reads as its article's label). */
export function sourceLabel(data: DossierData, articleId: string): string {
  const source = data.sourceOf.get(articleId);
  return source && !UNNAMED_SOURCE.test(source) ? source : articleLabel(data, articleId);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Independent sources behind a list of citations, in first-cited order. */
export function sourcesOf(data: DossierData, citations: readonly CitationOut[]): string[] {
  const out: string[] = [];
  for (const c of citations) {
    const name = data.sourceOf.get(c.articleId) ?? articleLabel(data, c.articleId);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
