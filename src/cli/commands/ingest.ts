import { type IngestOptions, type IngestReport, ingest } from '../../engine/ingest.js';
import { formatProblem } from '../../ingest/problem.js';
import { walkInputs } from '../../ingest/walk.js';
import type { Store } from '../../store/store.js';
import { type CliIo, EXIT } from '../io.js';
import { startProgress } from '../progress.js';

/** Ingests paths into a store, printing problems to stderr and a summary to stdout; returns the exit code. */
export async function runIngest(io: CliIo, store: Store, paths: readonly string[], json: boolean, options: IngestOptions = {}): Promise<number> {
  let files = 0;
  for await (const item of walkInputs(paths)) if (!('reason' in item)) files++;
  const progress = startProgress(io, files);
  let report: IngestReport;
  try {
    report = await ingest(store, paths, { ...options, stdin: io.stdin, onItem: (r, path) => progress.update(r, path) });
  } finally {
    progress.stop();
  }
  reportProblems(io, report);
  const stories = await store.countStories();
  if (json) {
    io.stdout.write(`${JSON.stringify({ added: report.added, aliases: report.aliases, unchanged: report.unchanged, stories, problems: report.problems })}\n`);
  } else {
    io.stdout.write(
      `ingested ${report.added} new article${report.added === 1 ? '' : 's'}, ${report.unchanged} already stored, ${report.aliases} new name${report.aliases === 1 ? '' : 's'} for stored articles; ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; ${stories} stor${stories === 1 ? 'y' : 'ies'} in the store\n`,
    );
  }
  return exitCodeOf(report);
}

/** Prints each problem and warning on stderr, naming file and line. */
export function reportProblems(io: CliIo, report: IngestReport): void {
  for (const p of report.warnings) io.stderr.write(`triangulate: warning: ${formatProblem(p)}\n`);
  for (const p of report.problems) io.stderr.write(`triangulate: ${formatProblem(p)}\n`);
}

/** 0 when everything was read, 1 when some items failed, 5 when nothing could be read. */
export function exitCodeOf(report: IngestReport): number {
  if (report.problems.length === 0) return EXIT.ok;
  return report.articleIds.length > 0 ? EXIT.partial : EXIT.noInput;
}
