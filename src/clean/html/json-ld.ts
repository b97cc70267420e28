/** Facts read from a page's JSON-LD (schema.org) blocks. */
export interface LdFacts {
  headline: string | null;
  publisher: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  /** `datePublished` of a node that is not an article (a recipe, a product, a video): weaker evidence. */
  otherDatePublished: string | null;
  url: string | null;
  language: string | null;
  /** `@type` values of the article's own node(s) ("OpinionNewsArticle"). */
  types: string[];
  /** `articleSection` of the article node ("Opinion", "World"). */
  section: string | null;
}

/** schema.org types that describe the article itself (as opposed to the site, a breadcrumb or a video). */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|WebPage|ItemPage|Blog|Posting)$/;
const SITE_TYPES = new Set(['WebSite', 'Organization', 'NewsMediaOrganization', 'Corporation', 'Person', 'Brand', 'SiteNavigationElement', 'BreadcrumbList']);
/** How deep nested JSON-LD is searched, and how many nodes at most (hostile pages). */
const MAX_LD_DEPTH = 6;
const MAX_LD_NODES = 500;

/**
 * Reads the article's own node(s) from JSON-LD: an article type wins over a plain `WebPage`, which only fills what
 * the article node left empty. Blocks that do not parse are skipped (pages often hold broken JSON-LD).
 */
export function readJsonLd(blocks: readonly string[]): LdFacts {
  const facts: LdFacts = {
    headline: null,
    publisher: null,
    authors: [],
    datePublished: null,
    dateModified: null,
    otherDatePublished: null,
    url: null,
    language: null,
    types: [],
    section: null,
  };
  const nodes: Array<Record<string, unknown>> = [];
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      continue;
    }
    collectNodes(data, 0, nodes);
  }
  const typed = nodes.map((node) => ({ node, types: ([] as unknown[]).concat(node['@type'] ?? []).map(String) }));
  const articles = typed.filter((t) => t.types.some((x) => ARTICLE_TYPE.test(x) && !/^(WebPage|ItemPage)$/.test(x)));
  const pages = typed.filter((t) => t.types.some((x) => /^(WebPage|ItemPage)$/.test(x)));
  for (const { node, types } of [...articles, ...pages]) {
    facts.types.push(...types.slice(0, 5));
    facts.section ??= nameOf(node.articleSection);
    facts.headline ??= str(node.headline) ?? str(node.name);
    facts.datePublished ??= str(node.datePublished) ?? str(node.dateCreated);
    facts.dateModified ??= str(node.dateModified);
    facts.publisher ??= nameOf(node.publisher) ?? nameOf(node.sourceOrganization);
    facts.url ??= str(node.url) ?? str(node.mainEntityOfPage);
    facts.language ??= str(node.inLanguage);
    if (facts.authors.length === 0)
      facts.authors = ([] as unknown[])
        .concat(node.author ?? node.creator ?? [])
        .map(nameOf)
        .filter((n): n is string => n !== null);
  }
  // Site-level nodes carry the site's own dates (founding, launch), never the page's.
  for (const { node, types } of typed) if (!types.some((t) => SITE_TYPES.has(t))) facts.otherDatePublished ??= str(node.datePublished) ?? str(node.uploadDate);
  return facts;
}

function collectNodes(data: unknown, depth: number, out: Array<Record<string, unknown>>): void {
  if (depth > MAX_LD_DEPTH || out.length >= MAX_LD_NODES || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const item of data) collectNodes(item, depth + 1, out);
    return;
  }
  const node = data as Record<string, unknown>;
  out.push(node);
  if (node['@graph']) collectNodes(node['@graph'], depth + 1, out);
  // A WebPage may hold the article as its mainEntity.
  if (node.mainEntity && typeof node.mainEntity === 'object') collectNodes(node.mainEntity, depth + 1, out);
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).name);
  return null;
}

function str(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) return str((value as Record<string, unknown>)['@id']);
  return null;
}
