import type { Article } from '../model/article.js';
import { message } from '../model/message.js';
import type { Span } from '../model/span.js';

/**
 * Characters of one article whose annotations a dossier aligns claim by claim. A long news article is 20,000–40,000
 * characters and a very long feature about 100,000; past that a page is a transcript, a book or a dump, and aligning
 * every sentence of it makes a dossier nobody can read: an 8 MB text gave 11,659 facts and 140,233 citations and took
 * over three minutes to build. Beyond the cap the article is summarised by its opening (the part a reader of a news
 * dossier needs) and a message says how much was left out; its text is kept whole, so every citation still points
 * into it.
 */
export const MAX_ALIGNED_CHARS = 100_000;

/** The article as a dossier sees it: every layer's spans past the cap left out, with a message saying so. */
export function capForDossier(article: Article): Article {
  if (article.text.length <= MAX_ALIGNED_CHARS) return article;
  const layers: Record<string, unknown> = {};
  for (const [name, spans] of Object.entries(article.layers))
    layers[name] = (spans as Span[]).filter((s) => typeof s.end !== 'number' || s.end <= MAX_ALIGNED_CHARS);
  const note = message(
    'dossier',
    'article-cap',
    `the article is ${article.text.length.toLocaleString('en')} characters: the dossier uses its first ${MAX_ALIGNED_CHARS.toLocaleString('en')}`,
  );
  return { ...article, layers: layers as Article['layers'], messages: [...article.messages, note] };
}
