/** A page title with the site name it carried split off ("Headline | Outlet" → headline, site). */
export interface SplitTitle {
  headline: string;
  site: string | null;
}

/** Separators sites put between headline and site name, spaced on both sides (a hyphen inside a word is not one). */
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»|«)\s+/gu;
/** Longest site part split off without confirmation by another source (calibrated on htmldate-eval `<title>`s, even lines). */
const MAX_SITE_WORDS = 5;

/**
 * Splits a site name off the end (or, when it matches a known name, the start) of a title. A part is a site name
 * when it matches `known` (og:site_name, the domain's name) or, at the end, when it is short and the headline is
 * longer than it (`guess`: for a `<title>`, which carries the site name far more often than og:title). Linear: one regex pass over a bounded title.
 */
export function splitTitle(title: string, known: readonly string[] = [], guess = true): SplitTitle {
  const text = title.replace(/\s+/g, ' ').trim().slice(0, 400);
  const cuts = [...text.matchAll(SEPARATOR)];
  if (cuts.length === 0) return { headline: text, site: null };
  const keys = known.map(squash).filter((k) => k.length >= 2);
  const matches = (part: string): boolean => {
    const k = squash(part);
    return k.length >= 2 && keys.some((key) => key === k || (key.length >= 4 && (k.includes(key) || key.includes(k))));
  };
  const last = cuts[cuts.length - 1] as RegExpMatchArray;
  const tail = text.slice((last.index ?? 0) + last[0].length).trim();
  const rest = text.slice(0, last.index).trim();
  if (tail && rest && (matches(tail) || (guess && words(tail) <= MAX_SITE_WORDS && words(rest) > words(tail) && !/[.?!]$/.test(tail)))) {
    // "Headline - Section | Outlet": a short section part before the site goes too.
    const again = splitTitle(rest, [tail, ...known], false);
    const headline = again.site && matches(again.site) ? again.headline : rest;
    return { headline, site: tail };
  }
  const first = cuts[0] as RegExpMatchArray;
  const head = text.slice(0, first.index).trim();
  if (matches(head)) return { headline: text.slice((first.index ?? 0) + first[0].length).trim(), site: head };
  return { headline: text, site: null };
}

/** The registrable name of a URL's host ("https://www.theguardian.com/x" → "theguardian"), or null. */
export function domainName(url: string | null): string | null {
  if (!url) return null;
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return null;
  const parts = host.replace(/^www\d?\./, '').split('.');
  // "bbc.co.uk", "abc.net.au": a two-letter country code after a short second level.
  const cut = parts.length >= 3 && (parts[parts.length - 1] as string).length === 2 && (parts[parts.length - 2] as string).length <= 3 ? 3 : 2;
  return parts.slice(-cut)[0] ?? null;
}

/** Lower-case letters and digits only, so "The Guardian", "theguardian" and "THE GUARDIAN" compare equal. */
export function squash(text: string): string {
  const lower = text.toLowerCase();
  // ASCII (most names) is its own NFKD form, and its letters and digits are a-z, 0-9: the same result, cheaper.
  if (ASCII.test(lower)) return lower.replace(/[^a-z0-9]/g, '');
  return lower.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
}
const ASCII = /^[\x00-\x7f]*$/;

function words(text: string): number {
  return text.split(' ').length;
}
