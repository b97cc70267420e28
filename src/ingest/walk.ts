import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { InputKind } from '../model/document.js';
import { argumentFile, shownName } from './file-names.js';
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
  /** What to open: a Buffer when the name is not valid UTF-8 (Linux names are bytes). */
  path: string | Buffer;
  /** The path as shown in problems on this machine's terminal: as given, invalid bytes as `\xNN`. */
  shown: string;
  /**
   * The name stored with the article and shown by the API: relative to the ingest root (a folder argument's own
   * name and the path inside it; a file argument's base name), never a path on this machine.
   */
  name: string;
  kind: FileKind | null;
}

/**
 * Expands paths into files: folders recursively in name order (so runs are reproducible), skipping hidden entries
 * and unknown extensions; a file named explicitly is always read, sniffing its content when the extension is unknown.
 * An `http(s)://` argument is a URL to fetch.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<InputFile | InputProblem> {
  for (const path of paths) {
    // /dev/stdin is a pipe or a terminal more often than a file: it is read as the stream it is (a positioned
    // read of a pipe fails with ESPIPE), under the stdin cap.
    if (path === '-' || path === '/dev/stdin') {
      yield { path: '-', shown: '-', name: '-', kind: 'stdin' };
      continue;
    }
    if (/^https?:\/\//i.test(path)) {
      yield { path, shown: path, name: path, kind: 'url' };
      continue;
    }
    if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(path)) {
      yield { path, reason: 'unsupported URL scheme (http and https only)' };
      continue;
    }
    const target: string | Buffer = (await argumentFile(path)) ?? path;
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield { path, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? String(error)}` };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(target, target);
    else if (!info.isFile()) yield { path: shownName(target), reason: notRegular(info) };
    else yield { path: target, shown: shownName(target), name: shownName(baseOf(target)), kind: kindOf(shownName(target)) };
  }
}

async function* walkFolder(root: string | Buffer, folder: string | Buffer): AsyncGenerator<InputFile | InputProblem> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    yield { path: shownName(folder), reason: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name[0] === 0x2e) continue; // hidden: a name starting with "."
    const path = joinBytes(folder, entry.name);
    if (entry.isDirectory()) yield* walkFolder(root, path);
    else if (entry.isFile() && kindOf(shownName(entry.name)) !== null)
      yield { path, shown: shownName(path), name: nameUnder(root, path), kind: kindOf(shownName(entry.name)) };
  }
}

/**
 * Why a device (`/dev/zero` never ends), a FIFO (`<(…)`, or a named pipe that blocks until a writer comes) or a
 * socket is not read: standard input is the one stream read, with `-` or `/dev/stdin`, under the same size cap.
 */
export function notRegular(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  const what = info.isFIFO()
    ? 'a pipe (FIFO)'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isSocket()
        ? 'a socket'
        : 'a special file';
  return `${what}, not a regular file: only files, folders and standard input are read (pipe it in: ... | triangulate ingest -)`;
}

/** A path joined from a folder and an entry, as text when both are valid UTF-8 and as bytes otherwise. */
function joinBytes(folder: string | Buffer, name: Buffer): string | Buffer {
  const text = name.toString('utf8');
  if (typeof folder === 'string' && Buffer.from(text).equals(name)) return join(folder, text);
  return Buffer.concat([typeof folder === 'string' ? Buffer.from(folder) : folder, Buffer.from('/'), name]);
}

/** `root-folder-name/inside/file.txt`: the path under the folder argument, led by that folder's own name. */
function nameUnder(root: string | Buffer, path: string | Buffer): string {
  const rootText = shownName(root);
  return join(basename(resolve(rootText)), relative(rootText, shownName(path)));
}

function baseOf(path: string | Buffer): string | Buffer {
  if (typeof path === 'string') return basename(path);
  const slash = path.lastIndexOf(0x2f);
  return slash === -1 ? path : path.subarray(slash + 1);
}

/** The reader selected by a file's extension (`.warc.gz` counts as one), or null when unknown. */
export function kindOf(path: string): FileKind | null {
  const lower = path.toLowerCase();
  const ext = extname(lower);
  return EXTENSIONS[ext === '.gz' ? extname(lower.slice(0, -3)) + ext : ext] ?? null;
}
