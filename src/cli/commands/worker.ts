import { runLinkerRole } from '../../queue/linker.js';
import { runWorker } from '../../queue/worker.js';
import { type CliIo, EXIT } from '../io.js';

/** Aborts on SIGINT/SIGTERM so the current job finishes (and is acknowledged) before the process stops. */
function stopSignal(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** `triangulate worker`: consumes ingest jobs until stopped (or idle for `exitWhenIdleMs`). */
export async function runWorkerCommand(io: CliIo, options: { queue: string; db: string; ackWaitMs: number; exitWhenIdleMs?: number }): Promise<number> {
  const stop = stopSignal();
  try {
    io.stderr.write(`triangulate worker: taking jobs from ${options.queue}\n`);
    const report = await runWorker({ ...options, signal: stop.signal, log: (line) => io.stderr.write(`triangulate worker: ${line}\n`) });
    io.stdout.write(
      `worker stopped: ${report.jobs} jobs (${report.added} new, ${report.aliases} new names, ${report.unchanged} already stored); ${report.rejected} rejected; ${report.retries} handed back for retry\n`,
    );
    return EXIT.ok;
  } finally {
    stop.release();
  }
}

/** `triangulate linker`: links what the workers store into stories, one process per database. */
export async function runLinkerCommand(io: CliIo, options: { db: string; intervalMs: number; exitWhenIdleMs?: number }): Promise<number> {
  const stop = stopSignal();
  try {
    io.stderr.write('triangulate linker: linking new articles as workers store them\n');
    const result = await runLinkerRole({
      ...options,
      signal: stop.signal,
      log: (line) => io.stderr.write(`triangulate linker: ${line}\n`),
      onBatch: (articles, stories, seconds) =>
        io.stderr.write(`triangulate linker: ${articles} articles in ${stories} stories (pass took ${seconds.toFixed(2)} s)\n`),
    });
    io.stdout.write(`linker stopped: ${result.articles} articles in ${result.stories} stories\n`);
    return EXIT.ok;
  } finally {
    stop.release();
  }
}
