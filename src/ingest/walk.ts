import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputKind } from '../model/document.js';
import type { InputProblem } from './problem.js';

/** What a path is read as: an input kind, or `urls`, a file listing URLs to fetch. */
export type FileKind = InputKind | 'urls';

/** File extensions read when walking a folder, and the reader each selects. */
export const EXTENSIONS: Readonly<Record<string, FileKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  // A `.xml` file may be a sitemap or anything else: the feed reader checks the root element and says so.
  '.xml': 'feed',
  '.warc': 'warc',
  '.warc.gz': 'warc',
  '.urls': 'urls',
};

/** A file (or URL) to read, with the reader its name selects (or null: sniff the content). */
export interface InputFile {
  path: string;
  kind: FileKind | null;
}

/**
 * Expands paths into files: folders recursively in name order (so runs are reproducible), skipping hidden entries
 * and unknown extensions; a file named explicitly is always read, sniffing its content when the extension is unknown.
 * An `http(s)://` argument is a URL to fetch.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<InputFile | InputProblem> {
  for (const path of paths) {
    if (path === '-') {
      yield { path: '-', kind: 'stdin' };
      continue;
    }
    if (/^https?:\/\//i.test(path)) {
      yield { path, kind: 'url' };
      continue;
    }
    if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(path)) {
      yield { path, reason: 'unsupported URL scheme (http and https only)' };
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield { path, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? String(error)}` };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path);
    else yield { path, kind: kindOf(path) };
  }
}

async function* walkFolder(folder: string): AsyncGenerator<InputFile | InputProblem> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { path: folder, reason: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path);
    else if (entry.isFile() && kindOf(path) !== null) yield { path, kind: kindOf(path) };
  }
}

/** The reader selected by a file's extension (`.warc.gz` counts as one), or null when unknown. */
export function kindOf(path: string): FileKind | null {
  const lower = path.toLowerCase();
  const ext = extname(lower);
  return EXTENSIONS[ext === '.gz' ? extname(lower.slice(0, -3)) + ext : ext] ?? null;
}
