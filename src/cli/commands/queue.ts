import { formatProblem } from '../../ingest/problem.js';
import type { ReadOptions } from '../../ingest/read.js';
import { publishInputs } from '../../queue/publisher.js';
import { type CliIo, EXIT } from '../io.js';

/**
 * `triangulate ingest --queue nats://…`: publishes one job per input document for the workers, instead of processing
 * here. While NATS is unreachable it says so on stderr and retries (for `retryForMs`), then goes on where it stopped.
 */
export async function runQueueIngest(
  io: CliIo,
  queue: string,
  paths: readonly string[],
  json: boolean,
  read: ReadOptions & { retryForMs?: number } = {},
): Promise<number> {
  const report = await publishInputs(queue, paths, {
    ...read,
    stdin: io.stdin,
    onWait: (what, reason, ms) => io.stderr.write(`triangulate: ${what} is unavailable (${reason}); retrying in ${(ms / 1000).toFixed(1)} s\n`),
  });
  for (const p of report.problems) io.stderr.write(`triangulate: ${formatProblem(p)}\n`);
  if (json) {
    io.stdout.write(`${JSON.stringify({ published: report.published, duplicates: report.duplicates, bytes: report.bytes, problems: report.problems })}\n`);
  } else {
    io.stdout.write(
      `published ${report.published} job${report.published === 1 ? '' : 's'} (${(report.bytes / 1024).toFixed(0)} KB gzipped) to ${queue}; ${report.duplicates} already queued; ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}\n`,
    );
  }
  if (report.problems.length === 0) return EXIT.ok;
  return report.documentIds.length > 0 ? EXIT.partial : EXIT.noInput;
}
