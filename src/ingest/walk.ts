import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputKind } from '../model/document.js';
import type { InputProblem } from './problem.js';

/** File extensions read when walking a folder, and the reader each selects. */
export const EXTENSIONS: Readonly<Record<string, InputKind>> = {
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
};

/** A file to read, with the reader its name selects (or null: sniff the content). */
export interface InputFile {
  path: string;
  kind: InputKind | null;
}

/**
 * Expands paths into files: folders recursively in name order (so runs are reproducible), skipping hidden entries
 * and unknown extensions; a file named explicitly is always read, sniffing its content when the extension is unknown.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<InputFile | InputProblem> {
  for (const path of paths) {
    if (path === '-') {
      yield { path: '-', kind: 'stdin' };
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

/** The reader selected by a file's extension, or null when unknown. */
export function kindOf(path: string): InputKind | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}
