import type { Article } from '../model/article.js';
import { fold } from './anchors.js';
import { WIRE_CREDIT_PATTERNS, WIRE_SERVICES } from './vocabulary.js';

/** How far into the text a wire credit counts: a credit in the lead is a byline, one further down is a source. */
const CREDIT_CHARS = 600;

const WIRE_BY_NAME = new Map<string, string>(WIRE_SERVICES.flatMap((names) => names.map((n) => [fold(n), names[0] as string] as const)));

/**
 * The origin an article credits: the cleaner's syndication credit ("This article originally appeared in …") when
 * there is one, else a wire named in a dateline or lead credit ("MEXICO CITY (AP) —", "…, AFP reported."). Only
 * known wire services count in the lead, so "(Reuters)" is a credit but "(Photo)" is not.
 */
export function creditedOrigin(article: Article): string | null {
  if (article.provenance.syndicatedFrom) return canonicalWire(article.provenance.syndicatedFrom) ?? article.provenance.syndicatedFrom;
  const lead = article.text.slice(0, CREDIT_CHARS);
  for (const pattern of WIRE_CREDIT_PATTERNS) {
    for (const m of lead.matchAll(pattern)) {
      const wire = m[1] ? canonicalWire(m[1]) : null;
      if (wire) return wire;
    }
  }
  return null;
}

/** The canonical name of a wire service ("The Associated Press" → "Associated Press"), or null for other names. */
export function canonicalWire(name: string): string | null {
  return WIRE_BY_NAME.get(fold(name.trim().replace(/[.]+$/, ''))) ?? null;
}
