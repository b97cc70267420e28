/**
 * Hash routes: the server serves one page and never has to map UI paths to files, and every view (a search, an
 * article scrolled to a citation) has a link that can be shared or opened in a new tab.
 */
export type Route =
  | { page: 'stories'; params: URLSearchParams }
  | { page: 'story'; id: string }
  | { page: 'article'; id: string; span: { start: number; end: number } | null }
  | { page: 'ingest' }
  | { page: 'missing'; hash: string };

/** Ids as the API shapes them; anything else is a missing page, never a request. */
const ID = /^(?:s-)?[0-9a-f]{8,64}$/;

/** The route a location hash names. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'stories', params };
  const [head, id] = parts;
  if (head === 'ingest' && parts.length === 1) return { page: 'ingest' };
  if (head === 'story' && id && ID.test(id)) return { page: 'story', id };
  if (head === 'article' && id && ID.test(id)) {
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const valid = params.has('start') && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
    return { page: 'article', id, span: valid ? { start, end } : null };
  }
  return { page: 'missing', hash: path };
}

/** The hash of a story list with these search parameters. */
export function storiesHref(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '' && value !== 0) query.set(key, String(value));
  const text = query.toString();
  return text === '' ? '#/' : `#/?${text}`;
}

/** The hash of a story's dossier. */
export function storyHref(id: string): string {
  return `#/story/${encodeURIComponent(id)}`;
}

/** The hash of an article, optionally scrolled to a cited span. */
export function articleHref(id: string, span?: { start: number; end: number }): string {
  return `#/article/${encodeURIComponent(id)}${span ? `?start=${span.start}&end=${span.end}` : ''}`;
}
