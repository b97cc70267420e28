import type { Readable, Writable } from 'node:stream';

/** The process surface a command uses, passed in so commands run in tests without spawning a process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The real process's streams. */
export function processIo(): CliIo {
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
} as const;
