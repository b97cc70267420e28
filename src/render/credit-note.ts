import type { Article } from '../model/article.js';

/**
 * What a syndicated article's provenance line says, unescaped: "credits X", and who published the copy when that is
 * another outlet ("published by Y, credits X"). The story's source is the credited origin (its reporting), so
 * without this the outlet that actually ran the copy would appear nowhere in the sources list.
 */
export function creditNote(a: Article): string | null {
  const origin = a.provenance.syndicatedFrom;
  if (!origin) return null;
  return a.outlet && a.outlet !== origin ? `published by ${a.outlet}, credits ${origin}` : `credits ${origin}`;
}
