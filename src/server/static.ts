import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context } from 'hono';

/** Where `vite build` writes the UI; the same relative place from src/server/ and dist/server/. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', '..', 'web', 'dist');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Most files and bytes the UI folder may hold: a Vite build of this UI is a handful of files under 1 MB. */
const MAX_FILES = 500;
const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Vite puts content-hashed names under assets/: those never change and may be cached for good. */
  immutable: boolean;
}

/**
 * The built UI, read into memory once. Requests are answered by exact lookup in this table of files found under
 * the one folder at start-up, never by joining a request path onto the file system: `..`, encoded slashes, absolute
 * paths and symlinks out of the folder cannot name anything that is not in the table.
 */
export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(root: string) {
    let total = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && this.files.size < MAX_FILES) {
          const type = TYPES[extname(entry.name).toLowerCase()];
          const size = statSync(path).size;
          if (!type || total + size > MAX_TOTAL_BYTES) continue;
          total += size;
          const url = `/${relative(root, path).split(sep).join('/')}`;
          this.files.set(url, { body: readFileSync(path), type, immutable: url.startsWith('/assets/') });
        }
      }
    };
    try {
      walk(root);
    } catch {
      // No build yet: the API still works and `/` explains how to build the UI.
    }
  }

  /** Whether the UI has been built (index.html present). */
  get built(): boolean {
    return this.files.has('/index.html');
  }

  /** The response for a GET of `path`, or null when no such file is in the table. */
  serve(c: Context, path: string): Response | null {
    const file = this.files.get(path === '/' ? '/index.html' : path);
    if (!file) return null;
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(file.body.slice());
  }
}
