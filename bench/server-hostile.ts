// The server under one huge article (docs/hardening.md, "The server under large inputs"): uploads of 2, 8 and
// 16 MB with /api/health polled throughout, then the dossier of the story holding the 8 MB article (first build,
// cached, HTML). `triangulate serve` runs in a process of its own, as in bench/load.ts.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { form, serve, stopServer } from './load.js';
import { longArticle } from './long-article.js';

/** One upload or dossier request and how /api/health fared while it ran. */
export interface HostileServerRow {
  what: string;
  ms: number;
  status: number;
  healthPolls: number;
  healthP50: number;
  healthMax: number;
  bytes: number;
}

/** Upload sizes in bytes: 2 and 8 MB, and 16 MB as the largest file under the 16 MiB per-file limit. */
const UPLOADS: ReadonlyArray<[string, number]> = [
  ['2 MB', 2_000_000],
  ['8 MB', 8_000_000],
  ['16 MB', 16_000_000],
];

async function timed(base: URL, request: () => Promise<Response>): Promise<Omit<HostileServerRow, 'what'> & { text: string }> {
  let done = false;
  const started = performance.now();
  const work = request()
    .then(async (r) => {
      const body = Buffer.from(await r.arrayBuffer());
      return { status: r.status, bytes: body.length, text: body.length < 100_000 ? body.toString('utf8') : '' };
    })
    .finally(() => {
      done = true;
    });
  const health: number[] = [];
  while (!done) {
    const t = performance.now();
    await (await fetch(new URL('/api/health', base))).arrayBuffer();
    health.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { status, bytes, text } = await work;
  const sorted = [...health].sort((a, b) => a - b);
  return {
    ms: performance.now() - started,
    status,
    bytes,
    healthPolls: health.length,
    healthP50: sorted[Math.floor(sorted.length / 2)] ?? 0,
    healthMax: sorted.at(-1) ?? 0,
    text,
  };
}

export async function hostileServer(onRow: (row: HostileServerRow) => void): Promise<HostileServerRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-hostile-'));
  let child: ChildProcess | undefined;
  const rows: HostileServerRow[] = [];
  const add = (what: string, measured: Omit<HostileServerRow, 'what'> & { text: string }): void => {
    const { text: _, ...figures } = measured;
    const row = { what, ...figures };
    rows.push(row);
    onRow(row);
  };
  try {
    const started = await serve(join(dir, 'db'));
    child = started.child;
    const { base } = started;
    let eightMbStory: string | null = null;
    for (const [label, bytes] of UPLOADS) {
      const body = form(`long-${label.replace(' ', '')}.txt`, longArticle(bytes));
      const row = await timed(base, () =>
        fetch(new URL('/api/ingest', base), { method: 'POST', headers: { 'Content-Type': body.type }, body: new Uint8Array(body.data) }),
      );
      add(`upload ${label}`, row);
      if (label === '8 MB' && row.status === 200) {
        const [article] = (JSON.parse(row.text) as { articleIds: string[] }).articleIds;
        const view = (await (await fetch(new URL(`/api/articles/${article}`, base))).json()) as { storyId: string | null };
        eightMbStory = view.storyId;
      }
    }
    if (eightMbStory) {
      const dossier = (format: string) => () => fetch(new URL(`/api/stories/${eightMbStory}${format}`, base));
      add('dossier of the 8 MB article, JSON, first build', await timed(base, dossier('')));
      add('the same, cached', await timed(base, dossier('')));
      add('the same as HTML, first render', await timed(base, dossier('?format=html')));
      add('the same as HTML, cached', await timed(base, dossier('?format=html')));
    }
    return rows;
  } finally {
    await stopServer(child, dir);
  }
}
