import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../compare/dossier.js';
import { ingest } from '../../engine/ingest.js';
import type { ReadOptions } from '../../ingest/read.js';
import type { Article } from '../../model/article.js';
import type { Dossier } from '../../model/story.js';
import { openStore } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { type Format, render } from './dossier.js';
import { exitCodeOf, reportProblems } from './ingest.js';

/**
 * One-shot analysis: ingests into a throw-away store, prints every story's dossier (the contract's JSON with
 * `--json`), and deletes the store. Nothing is left behind in the working directory.
 */
export async function runAnalyze(io: CliIo, paths: readonly string[], format: Format, outDir?: string, read: ReadOptions = {}): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-'));
  const store = await openStore(dir);
  try {
    const report = await ingest(store, paths, { ...read, stdin: io.stdin });
    reportProblems(io, report);
    const articles = await store.getArticles(await store.articleIds());
    const byId = new Map(articles.map((a) => [a.id, a]));
    const dossiers = [];
    for (const id of await store.storyIds()) {
      const story = await store.getStory(id);
      if (story)
        dossiers.push(
          buildDossier(
            story,
            story.articleIds.flatMap((a) => byId.get(a) ?? []),
          ),
        );
    }
    dossiers.sort((a, b) => b.articleIds.length - a.articleIds.length || (a.id < b.id ? -1 : 1));
    if (outDir) await writeAll(io, outDir, dossiers, byId);
    else io.stdout.write(render(format, dossiers, byId));
    return exitCodeOf(report);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `analysis.json` and one Markdown and one HTML dossier per story into a folder. */
async function writeAll(io: CliIo, dir: string, dossiers: readonly Dossier[], articles: ReadonlyMap<string, Article>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files: Array<[string, string]> = [['analysis.json', render('json', dossiers, articles)]];
  for (const d of dossiers) {
    files.push([`${d.id}.md`, render('md', [d], articles)], [`${d.id}.html`, render('html', [d], articles)]);
  }
  for (const [name, text] of files) {
    await writeFile(join(dir, name), text);
    io.stderr.write(`wrote ${join(dir, name)}\n`);
  }
}
