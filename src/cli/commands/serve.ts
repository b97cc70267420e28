import { TriangulateError } from '../../model/errors.js';
import { startServer } from '../../server/index.js';
import { API_REFERENCE_PATH } from '../../server/openapi.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../io.js';

/** `triangulate serve` options after parsing. */
export interface ServeOptions {
  port: number;
  host: string;
  token?: string;
  allowPrivate: boolean;
  /** The `--db` value: the dossier worker opens its own connection to it. */
  storeLocation?: string;
  /** Host names the server answers to beside its addresses and localhost (DNS-rebinding guard). */
  hostNames?: string[];
}

/**
 * Serves the API and UI until SIGINT or SIGTERM (or `stop`, for tests), then closes the server so the caller can
 * close the store.
 */
export async function runServe(io: CliIo, store: Store, options: ServeOptions, stop?: Promise<void>): Promise<void> {
  if (options.port > 65_535) throw new TriangulateError('E_USAGE', `--port must be at most 65535, got ${options.port}`);
  const token = options.token ?? io.env.TRIANGULATE_TOKEN;
  const server = await startServer({
    store,
    host: options.host,
    port: options.port,
    allowPrivate: options.allowPrivate,
    ...(token ? { token } : {}),
    ...(options.hostNames ? { hostNames: options.hostNames } : {}),
    ...(options.storeLocation ? { storeLocation: options.storeLocation } : {}),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stderr.write(
    `triangulate: serving the UI at ${server.url}/ and the API at ${server.url}/api (reference: ${server.url}${API_REFERENCE_PATH}, OpenAPI: ${server.url}/openapi.json)\n`,
  );
  io.stderr.write(token ? 'writes need "Authorization: Bearer <token>"\n' : 'writes are open to this machine only\n');
  io.stderr.write('press Ctrl-C to stop\n');
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await server.close();
}
