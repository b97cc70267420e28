import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../../src/ingest/decode.js';

/** How far into a page a `<meta charset>` declaration is looked for (the HTML spec's prescan reads 1024 bytes). */
const CHARSET_PRESCAN_BYTES = 4096;

/**
 * Reads a gzip-compressed saved page and decodes it as a browser would: BOM, then the charset the page declares in
 * its first bytes, then UTF-8, then Windows-1252 (the project's `decodeBytes`). The benchmark pages keep their
 * original charsets, so reading them all as UTF-8 would garble the German and Polish pages.
 */
export function readPage(path: string): string {
  const bytes = gunzipSync(readFileSync(path));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  const declared = /<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}["']?([\w.:-]{1,40})/i.exec(head)?.[1];
  const decoded = decodeBytes(bytes, declared);
  return 'text' in decoded ? decoded.text : '';
}

/** Indices of the tuning half (even positions in the data set's own order) and the held-out half (odd). */
export function isTuningHalf(index: number): boolean {
  return index % 2 === 0;
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'DD',
  'DT',
  'FIGURE',
  'SECTION',
  'ARTICLE',
  'BR',
  'HR',
]);

/**
 * The reference system: Mozilla Readability 0.6 over linkedom, text built from `.content` with a line break at
 * every block boundary (its `textContent` runs paragraphs together). Null when Readability finds no article.
 */
export function readabilityText(html: string): string | null {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const parts: string[] = [];
  const stack: Node[] = [content.body as unknown as Node];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (BLOCK_TAGS.has((node as Element).tagName)) parts.push('\n');
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return parts
    .join('')
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n\n')
    .trim();
}
