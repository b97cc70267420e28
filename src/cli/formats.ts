import type { Article } from '../model/article.js';
import { TriangulateError } from '../model/errors.js';
import type { Dossier } from '../model/story.js';
import { renderHtml } from '../render/html.js';
import { analysisJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';

export type Format = 'md' | 'html' | 'json';

/** Checks a `--format` value. */
export function parseFormat(value: string): Format {
  if (value === 'md' || value === 'html' || value === 'json') return value;
  throw new TriangulateError('E_USAGE', `unknown format "${value}": expected md, html or json`);
}

/** Renders dossiers in one format: JSON is the contract's analysis object, the others one document per story. */
export function render(format: Format, dossiers: readonly Dossier[], articles: ReadonlyMap<string, Article>): string {
  if (format === 'json') return `${JSON.stringify(analysisJson([...articles.values()], dossiers), null, 2)}\n`;
  if (format === 'md') return dossiers.map((d) => renderMarkdown(d, articles)).join('\n---\n\n');
  return dossiers.map((d) => renderHtml(d, articles)).join('\n');
}
