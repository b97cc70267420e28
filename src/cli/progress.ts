import cliProgress from 'cli-progress';
import type { IngestReport } from '../engine/ingest.js';
import type { CliIo } from './io.js';

/** A progress bar on a terminal, nothing when output is piped (so logs and scripts stay clean). */
export interface Progress {
  update(report: IngestReport, path: string): void;
  stop(): void;
}

/** Starts a progress bar over `total` input files on stderr when it is a TTY. */
export function startProgress(io: CliIo, total: number): Progress {
  if (!io.stderr.isTTY || total < 2) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: 'ingest [{bar}] {value}/{total} files | {added} new, {problems} problems',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { added: 0, problems: 0 });
  const files = new Set<string>();
  return {
    update(report, path) {
      files.add(path);
      bar.update(Math.min(files.size, total), { added: report.added, problems: report.problems.length });
    },
    stop() {
      bar.stop();
    },
  };
}
