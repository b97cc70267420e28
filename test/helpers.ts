import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after } from 'node:test';
import { main } from '../src/cli/main.js';
import type { Analysis, CitationOut } from '../src/model/contract.js';

/** The project root, for paths to samples and fixtures. */
export const ROOT = resolve(import.meta.dirname, '..');

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'tri-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => {
    // Best effort: a browser profile can still be written by exiting Chromium processes (ENOTEMPTY), and a failed
    // clean-up must not hide the error of the test or hook that left them running.
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {}
  });
  return dir;
}

/** What an in-process CLI run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams (no TTY, so output is machine-readable). */
export async function runCli(args: string[], options: { stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (d: Buffer) => out.push(d));
  stderr.on('data', (d: Buffer) => err.push(d));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await main(args, { stdout, stderr, stdin, cwd: process.cwd(), env: options.env ?? {} });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Every citation anywhere in an analysis. */
export function allCitations(analysis: Analysis): CitationOut[] {
  const out: CitationOut[] = [];
  for (const s of analysis.stories) {
    for (const list of [s.timeline, s.quotes, s.facts, s.summary]) for (const item of list) out.push(...item.citations);
  }
  return out;
}
