import type { ArticleKind } from '../model/article.js';

/* An article's kind is `null` when nothing labels it: most news pages say nothing, and an unlabelled piece is not
 * assumed to be news. */

/**
 * Section and kind labels as outlets print them (kicker lines, `articleSection`, schema.org types), English and
 * Spanish. Generic editorial vocabulary, not any outlet's names. Each pattern must match the whole label.
 */
const LABELS: ReadonlyArray<[RegExp, ArticleKind]> = [
  [
    /^(?:opinion|opini[oó]n|op-?ed|commentary|comment|editorial|editoriales|column|columna|columnas|columnists?|columnistas?|tribuna|guest (?:essay|column)|letters?(?: to the editor)?|cartas? (?:al director|de los lectores)|perspective|viewpoint|punto de vista|an[aá]lisis y opini[oó]n)$/i,
    'opinion',
  ],
  [/^(?:analysis|an[aá]lisis|news analysis|explainer|fact ?check|verificaci[oó]n)$/i, 'analysis'],
  [/^(?:review|reviews|rese[nñ]a|cr[ií]tica)$/i, 'review'],
  [/^(?:press release|news release|comunicado(?: de prensa)?|nota de prensa)$/i, 'press-release'],
  [/^(?:live|live blog|live updates|as it happened|en directo|en vivo|[uú]ltima hora)$/i, 'live-blog'],
  [/^(?:news|noticias|reportage|report|breaking news)$/i, 'news'],
];

/** Longest label read ("Letters to the editor", "Análisis y opinión"); longer text is not a label. */
const MAX_LABEL_CHARS = 40;

/** schema.org types that state the kind (https://schema.org/NewsArticle subtypes). */
const SCHEMA_TYPES: Readonly<Record<string, ArticleKind>> = {
  OpinionNewsArticle: 'opinion',
  AnalysisNewsArticle: 'analysis',
  BackgroundNewsArticle: 'analysis',
  ReviewNewsArticle: 'review',
  Review: 'review',
  ReportageNewsArticle: 'news',
  LiveBlogPosting: 'live-blog',
};

/** The kind a short label names ("Opinion", "Análisis", "Live updates"), or null. */
export function kindOfLabel(label: string): ArticleKind | null {
  if (label.length > MAX_LABEL_CHARS) return null;
  const text = label
    .replace(/[\s:|·•—–-]+$/u, '')
    .replace(/^[\s:|·•—–-]+/u, '')
    .trim();
  if (text.length === 0) return null;
  for (const [pattern, kind] of LABELS) if (pattern.test(text)) return kind;
  return null;
}

/** The kind a schema.org `@type` states, or null. */
export function kindOfSchemaType(type: string): ArticleKind | null {
  return SCHEMA_TYPES[type] ?? null;
}
