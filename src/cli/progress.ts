import cliProgress from 'cli-progress';
import type { IngestReport } from '../engine/ingest.js';
import type { CliIo } from './io.js';

/** Progress on a terminal, nothing when stderr is piped (so logs and scripts stay clean). */
export interface Progress {
  /** One input item done. */
  update(report: IngestReport, path: string): void;
  /** A later step that has no count of files ("linking stories"): replaces the bar with one status line. */
  step(text: string): void;
  /** Clears whatever is shown; safe to call twice. */
  stop(): void;
}

const SILENT: Progress = { update() {}, step() {}, stop() {} };

/** ANSI: carriage return and erase the line, so each status line overwrites the previous one. */
const REWRITE_LINE = '\r\x1b[2K';

/** Starts a progress bar over `total` input files on stderr when it is a TTY, followed by status lines for later steps. */
export function startProgress(io: CliIo, total: number): Progress {
  if (!io.stderr.isTTY) return SILENT;
  let bar: cliProgress.SingleBar | null = null;
  if (total >= 2) {
    bar = new cliProgress.SingleBar(
      {
        stream: io.stderr as NodeJS.WritableStream,
        format: 'reading [{bar}] {value}/{total} files | {added} new, {problems} problems',
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { added: 0, problems: 0 });
  }
  const files = new Set<string>();
  let status = false;
  const stopBar = (): void => {
    bar?.stop();
    bar = null;
  };
  return {
    update(report, path) {
      files.add(path);
      bar?.update(Math.min(files.size, total), { added: report.added, problems: report.problems.length });
    },
    step(text) {
      stopBar();
      io.stderr.write(`${REWRITE_LINE}${text}…`);
      status = true;
    },
    stop() {
      stopBar();
      if (status) io.stderr.write(REWRITE_LINE);
      status = false;
    },
  };
}
