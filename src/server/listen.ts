import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { nonPublicRange, TriangulateError } from '../index.js';
import { closeApp, createApp } from './app.js';
import type { AppOptions } from './options.js';

/** Where and how to listen, beside what the app itself needs. */
export interface ListenOptions extends Omit<AppOptions, 'loopbackOnly'> {
  /** Interface to bind; loopback by default so nothing outside this machine can connect. */
  host?: string;
  /** TCP port; 0 picks a free one (tests). */
  port?: number;
}

/** A listening server and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || nonPublicRange(host.replace(/^\[|\]$/g, '')) === 'loopback';
}

/**
 * Starts the API and UI on a socket. Listening beyond loopback without a token is refused: anyone who can reach the
 * port could otherwise fill the store (and make it fetch URLs).
 */
export async function startServer(options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  if (!loopback && !options.token)
    throw new TriangulateError('E_USAGE', `listening on ${host} (beyond this machine) needs a token for writes: pass --token or set TRIANGULATE_TOKEN`);
  const app = createApp({ ...options, loopbackOnly: loopback });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, (info: AddressInfo) => {
      const name = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${loopback && host === 'localhost' ? 'localhost' : name}:${info.port}`,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // A browser keeps connections open; without this, close waits for them to time out.
            (server as Server).closeAllConnections();
          });
          await closeApp(app);
        },
      });
    });
    // Node closes a keep-alive socket idle for 5 s; when a long request (a relink after an upload) holds the event
    // loop past that, every idle socket is closed at once as clients reuse them, and their requests fail with
    // ECONNRESET (53 failed reads in the 10-minute soak). Headers must be allowed a little longer than the idle time.
    (server as Server).keepAliveTimeout = 65_000;
    (server as Server).headersTimeout = 66_000;
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new TriangulateError('E_USAGE', `port ${options.port} is in use: pick another with --port`) : error),
    );
  });
}
