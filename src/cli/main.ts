import { Command, CommanderError, Option } from 'commander';
import { errorText, TriangulateError } from '../model/errors.js';
import { DEFAULT_BUDGET, defaultThreads } from '../pipeline/budget.js';
import { DEFAULT_DB, openStore, storeExists } from '../store/index.js';
import type { Store } from '../store/store.js';
import { parseFormat } from './formats.js';
import { type CliIo, EXIT, processIo, terminalSafe, terminalSafeStream } from './io.js';

const EXIT_BY_CODE: Readonly<Record<TriangulateError['code'], number>> = {
  E_USAGE: EXIT.usage,
  E_INPUT: EXIT.noInput,
  E_NOT_FOUND: EXIT.notFound,
  E_STORE: EXIT.store,
  E_STAGE_ORDER: EXIT.internal,
  E_SCHEMA: EXIT.internal,
  E_FETCH: EXIT.noInput,
  E_LIMIT: EXIT.usage,
  E_WRITE: EXIT.cannotWrite,
};

/**
 * Runs the CLI with an argument list and returns the exit code; `bin/triangulate.js` is the only caller that exits
 * the process. Errors are mapped to exit codes here, in one place (docs/cli.md lists them). Each command's module is
 * imported when the command runs: the pipeline, the server and the queue client each take hundreds of milliseconds
 * to load, and a run needs at most one of them (start-up measured in bench/cli.ts).
 */
export async function main(argv: readonly string[], processStreams: CliIo = processIo()): Promise<number> {
  const io: CliIo = { ...processStreams, stdout: terminalSafeStream(processStreams.stdout) };
  let code: number = EXIT.ok;
  const db = (opts: { db?: string }): string => opts.db ?? io.env.TRIANGULATE_DB ?? DEFAULT_DB;
  // Commands that can end partially return their exit code; the others return nothing and mean success.
  // Read commands never create a store: a mistyped --db would otherwise answer "no stories" from a new, empty one.
  const withStore = async (location: string, work: (store: Store) => Promise<unknown>, mustExist = false): Promise<void> => {
    if (mustExist && !(await storeExists(location)))
      throw new TriangulateError('E_STORE', `no store at ${location} (ingest articles there first, or pass the right --db)`);
    const store = await openStore(location);
    try {
      const result = await work(store);
      code = typeof result === 'number' ? result : EXIT.ok;
    } finally {
      await store.close();
    }
  };
  const budgetOption = (): Option =>
    new Option('--budget-ms <ms>', 'time one article may take in cleaning and annotation before its stage is stopped; 0: no time limit').default(
      String(DEFAULT_BUDGET.ms),
    );
  const threadsOption = (): Option =>
    new Option('--threads <n>', 'worker threads cleaning and annotating articles, each under the budget; 0: in this thread, without a budget').default(
      String(defaultThreads()),
    );
  // Worker threads under the budget, or (threads 0) this thread without one.
  const workOf = (opts: { threads: string; budgetMs: string }) => {
    const threads = count(opts.threads, '--threads');
    const ms = count(opts.budgetMs, '--budget-ms');
    return threads === 0 ? { budget: false, threads } : { budget: { ms }, threads };
  };
  const dbOption = (): Option => new Option('--db <dir>', `store folder (or postgres:// URL); default $TRIANGULATE_DB or ${DEFAULT_DB}`);
  const jsonDefault = !io.stdout.isTTY;

  const program = new Command('triangulate')
    .description('Turn news articles from many outlets into verified, cited story dossiers.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('ingest')
    .description(
      'read files and folders (recursively: .txt .md .html .htm .json .jsonl .xml .rss .atom .warc .warc.gz .urls), URLs, or - (stdin) into the store',
    )
    .argument('<paths...>', 'files, folders, or - for stdin')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .option('--allow-private', 'let URL fetches reach loopback, private and link-local addresses (refused by default)')
    .option('--queue <url>', 'publish one job per document to NATS JetStream (nats://…) for `triangulate worker`, instead of processing here')
    .option('--retry-for <seconds>', 'with --queue: how long to keep retrying while NATS is unreachable', '300')
    .addOption(budgetOption())
    .addOption(threadsOption())
    .action(
      async (
        paths: string[],
        opts: { db?: string; json?: boolean; allowPrivate?: boolean; queue?: string; retryFor: string; budgetMs: string; threads: string },
      ) => {
        const read = { fetch: { allowPrivate: opts.allowPrivate === true } };
        if (opts.queue) {
          const { runQueueIngest } = await import('./commands/queue.js');
          code = await runQueueIngest(io, opts.queue, paths, opts.json ?? false, { ...read, retryForMs: count(opts.retryFor, '--retry-for') * 1000 });
          return;
        }
        // runIngest passes its options on to the engine's ingest, budget and threads included.
        const options = { ...read, ...workOf(opts) };
        const { runIngest } = await import('./commands/ingest.js');
        await withStore(db(opts), (store) => runIngest(io, store, paths, opts.json ?? false, options));
      },
    );

  program
    .command('stories')
    .description('list stories with article and independent-source counts (JSON lines when piped)')
    .addOption(dbOption())
    .option('--json', 'JSON lines (default when output is not a terminal)')
    .option('--table', 'a table even when piped')
    .option('-q, --query <words>', 'only stories with articles matching these words')
    .option('--limit <n>', 'at most n stories', '50')
    .option('--offset <n>', 'skip the first n stories', '0')
    .action(async (opts: { db?: string; json?: boolean; table?: boolean; query?: string; limit: string; offset: string }) => {
      const { runStories } = await import('./commands/stories.js');
      await withStore(
        db(opts),
        (store) =>
          runStories(io, store, {
            json: opts.table ? false : (opts.json ?? jsonDefault),
            limit: count(opts.limit, '--limit'),
            offset: count(opts.offset, '--offset'),
            ...(opts.query ? { query: opts.query } : {}),
          }),
        true,
      );
    });

  program
    .command('sources')
    .description('list the outlets of a store with their article counts (outlet names resolved by the source registry)')
    .addOption(dbOption())
    .option('--json', 'JSON lines (default when output is not a terminal)')
    .option('--table', 'a table even when piped')
    .action(async (opts: { db?: string; json?: boolean; table?: boolean }) => {
      const { runSources } = await import('./commands/sources.js');
      await withStore(db(opts), (store) => runSources(io, store, { json: opts.table ? false : (opts.json ?? jsonDefault) }), true);
    });

  program
    .command('show')
    .description("show one story's sources, events and articles")
    .argument('<story>', 'story id (see `triangulate stories`)')
    .addOption(dbOption())
    .option('--json', 'print as JSON')
    .action(async (story: string, opts: { db?: string; json?: boolean }) => {
      const { runShow } = await import('./commands/stories.js');
      await withStore(db(opts), (store) => runShow(io, store, story, opts.json ?? false), true);
    });

  program
    .command('dossier')
    .description("write a story's cited dossier")
    .argument('<story>', 'story id')
    .addOption(dbOption())
    .option('-f, --format <format>', 'md, html or json', 'md')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (story: string, opts: { db?: string; format: string; output?: string }) => {
      const format = parseFormat(opts.format);
      const { runDossier } = await import('./commands/dossier.js');
      await withStore(db(opts), (store) => runDossier(io, store, story, format, opts.output), true);
    });

  program
    .command('analyze')
    .description('one-shot: ingest into a throw-away store and print the whole analysis')
    .argument('<paths...>', 'files, folders, or - for stdin')
    .option('--json', 'the analysis JSON (contract v1, docs/contract.md)')
    .option('-f, --format <format>', 'md, html or json', 'md')
    .option(
      '-o, --out <dir>',
      'write index.html, index.md, analysis.json and a .md and .html dossier per story into a folder, replacing what an earlier analysis wrote there',
    )
    .option('--allow-private', 'let URL fetches reach loopback, private and link-local addresses (refused by default)')
    .addOption(budgetOption())
    .addOption(threadsOption())
    .action(
      async (
        paths: string[],
        opts: { json?: boolean; format: string; out?: string; allowPrivate?: boolean; budgetMs: string; threads: string },
        command: Command,
      ) => {
        // Without an explicit --budget-ms or --threads, small local inputs run in this thread (SMALL_INPUT in analyze.ts).
        const chosen = ['budgetMs', 'threads'].some((name) => command.getOptionValueSource(name) !== 'default');
        const format = opts.json ? 'json' : parseFormat(opts.format);
        const { runAnalyze } = await import('./commands/analyze.js');
        code = await runAnalyze(io, paths, format, opts.out, { fetch: { allowPrivate: opts.allowPrivate === true }, work: workOf(opts), auto: !chosen });
      },
    );

  program
    .command('serve')
    .description('serve the web UI and the HTTP API over the store (loopback only unless --host is given with a token)')
    .addOption(dbOption())
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <address>', 'interface to listen on; beyond loopback a token is required', '127.0.0.1')
    .option('--token <token>', 'require "Authorization: Bearer <token>" for writes; default $TRIANGULATE_TOKEN')
    .option('--allow-private', 'let URL ingest reach loopback, private and link-local addresses (refused by default)')
    .option('--allow-host <names>', 'comma-separated host names the server is reached by (beside its addresses and localhost)')
    .action(async (opts: { db?: string; port: string; host: string; token?: string; allowPrivate?: boolean; allowHost?: string }) => {
      const { runServe } = await import('./commands/serve.js');
      await withStore(db(opts), (store) =>
        runServe(io, store, {
          port: count(opts.port, '--port'),
          host: opts.host,
          allowPrivate: opts.allowPrivate === true,
          storeLocation: db(opts),
          ...(opts.token ? { token: opts.token } : {}),
          ...(opts.allowHost
            ? {
                hostNames: opts.allowHost
                  .split(',')
                  .map((n) => n.trim())
                  .filter((n) => n !== ''),
              }
            : {}),
        }),
      );
    });

  const queueOption = (): Option => new Option('--queue <url>', 'NATS server with JetStream (nats://host:4222); default $TRIANGULATE_QUEUE');
  const idleOption = (): Option => new Option('--exit-when-idle <seconds>', 'stop after this long with nothing to do (batch runs)');
  program
    .command('worker')
    .description('take ingest jobs from the queue: clean, annotate and store each (run one per core, on any machine)')
    .addOption(queueOption())
    .addOption(dbOption())
    .option('--ack-wait <seconds>', "how long a crashed worker's job waits before it is redelivered", '30')
    .addOption(idleOption())
    .action(async (opts: { queue?: string; db?: string; ackWait: string; exitWhenIdle?: string }) => {
      const queue = opts.queue ?? io.env.TRIANGULATE_QUEUE;
      if (!queue) throw new TriangulateError('E_USAGE', 'worker needs --queue nats://… (or $TRIANGULATE_QUEUE)');
      const { runWorkerCommand } = await import('./commands/worker.js');
      code = await runWorkerCommand(io, {
        queue,
        db: db(opts),
        ackWaitMs: Math.max(1, count(opts.ackWait, '--ack-wait')) * 1000,
        ...(opts.exitWhenIdle ? { exitWhenIdleMs: count(opts.exitWhenIdle, '--exit-when-idle') * 1000 } : {}),
      });
    });

  program
    .command('linker')
    .description('link the articles workers store into stories (one per database; see docs/scale.md)')
    .addOption(dbOption())
    .option('--interval <seconds>', 'how often to look for new articles', '1')
    .addOption(idleOption())
    .action(async (opts: { db?: string; interval: string; exitWhenIdle?: string }) => {
      const { runLinkerCommand } = await import('./commands/worker.js');
      code = await runLinkerCommand(io, {
        db: db(opts),
        intervalMs: Math.max(1, count(opts.interval, '--interval')) * 1000,
        ...(opts.exitWhenIdle ? { exitWhenIdleMs: count(opts.exitWhenIdle, '--exit-when-idle') * 1000 } : {}),
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof TriangulateError) {
      io.stderr.write(`triangulate: ${terminalSafe(`${error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : ''}${error.message}`)}\n`);
      return EXIT_BY_CODE[error.code];
    }
    io.stderr.write(terminalSafe(`triangulate: internal error: ${errorText(error)}\n${error instanceof Error && error.stack ? error.stack : ''}`) + '\n');
    return EXIT.internal;
  }
}

function count(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new TriangulateError('E_USAGE', `${name} must be a whole number, got "${value}"`);
  return n;
}
