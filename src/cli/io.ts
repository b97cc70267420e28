import { writeFile } from 'node:fs/promises';
import { type Readable, Writable } from 'node:stream';
import { errorText, TriangulateError } from '../model/errors.js';
import { terminalSafe } from '../model/terminal.js';

export { terminalSafe } from '../model/terminal.js';

/** The process surface a command uses, passed in so commands run in tests without spawning a process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * The real process's streams. A reader that closes the pipe early (`stories --json | head -1`) is not an error: the
 * output was wanted up to there, so EPIPE ends the process quietly with exit 0 instead of an unhandled 'error' event
 * and a stack trace.
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(EXIT.ok);
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/**
 * Exit codes, documented in docs/cli.md. Scripts can tell "some inputs were bad" (1) from "nothing could be read"
 * (5) and from misuse (2).
 */
export const EXIT = {
  ok: 0,
  partial: 1,
  usage: 2,
  notFound: 3,
  store: 4,
  noInput: 5,
  internal: 70,
  cannotWrite: 73,
} as const;

/**
 * A stdout whose every string passes through `terminalSafe`: everything the CLI prints on stdout (tables, `show`,
 * JSON lines, Markdown, HTML) is article-derived, and none of it needs a control character. stderr is not wrapped
 * because the progress bar draws with escape sequences; its article-derived lines (problems, errors) are made safe
 * where they are formatted.
 */
export function terminalSafeStream<T extends Writable & { isTTY?: boolean }>(target: T): Writable & { isTTY?: boolean } {
  const safe = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      // Done at once: the target reports its own errors (EPIPE is handled on the process's stream).
      target.write(terminalSafe(text));
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (target.isTTY) safe.isTTY = true;
  return safe;
}

/**
 * Writes a file the user named (`-o`), turning a failure into a one-line error naming the path and the reason
 * (exit 73, "cannot create output file" in sysexits) instead of an internal error with a stack.
 */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new TriangulateError('E_WRITE', `cannot write ${path}: ${systemReason(error)}`, { cause: error });
  }
}

/** A file-system error as words: `no such folder (ENOENT)` rather than the syscall dump Node puts in `message`. */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'read-only file system',
    EDQUOT: 'disk quota exceeded',
  };
  return code ? `${words[code] ?? 'system error'} (${code})` : errorText(error);
}
