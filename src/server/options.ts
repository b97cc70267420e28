import type { Pipeline, Store } from '../index.js';

/** Bounds on what one request may send. Defaults suit a newsroom desk: a folder of saved pages in one drop. */
export interface ServerLimits {
  /** Whole request body of an upload (multipart). */
  maxBodyBytes: number;
  /** Files (and pasted texts) in one upload. */
  maxFiles: number;
  /** One uploaded file; the same cap the CLI applies to one article file (16 MB). */
  maxFileBytes: number;
  /** URLs in one URL ingest. */
  maxUrls: number;
  /** A JSON request body (the URL list). */
  maxJsonBytes: number;
}

/** The limits a server has unless told otherwise. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxBodyBytes: 64 * 1024 * 1024,
  maxFiles: 100,
  maxFileBytes: 16 * 1024 * 1024,
  maxUrls: 100,
  maxJsonBytes: 256 * 1024,
};

/** What `createApp` needs; everything but the store has a safe default. */
export interface AppOptions {
  store: Store;
  /** When set, every write (ingest) must send `Authorization: Bearer <token>`. */
  token?: string;
  limits?: Partial<ServerLimits>;
  /** Let URL ingest reach loopback, private and link-local addresses (refused by default). */
  allowPrivate?: boolean;
  /**
   * Check the Host header (against DNS rebinding) although there is no token: set when listening on loopback. With a
   * token the Host is always checked. Address literals and `localhost` pass, and the names in `hostNames`.
   */
  loopbackOnly?: boolean;
  /** Names this server is reached by (`serve --allow-host`), beside its addresses and localhost. */
  hostNames?: readonly string[];
  /** Folder of the built UI; defaults to web/dist beside the package. */
  webRoot?: string;
  /**
   * Where the store is (`--db`): given, dossiers are built in a worker thread with its own connection to it, off the
   * event loop; absent (an app over a Store object only), they are built in this thread.
   */
  storeLocation?: string;
  /**
   * How often, in ms, the server reads the store's changed-stories feed to build ahead the dossiers of stories other
   * processes linked (DossierPool.followChanges; FEED_POLL_MS by default); 0 turns it off.
   */
  changeFeedMs?: number;
  /** The annotation pipeline for ingest; the default stages when absent (tests pass a lighter one). */
  pipeline?: Pipeline;
  /** Where internal errors are logged (stderr by default). */
  log?: (line: string) => void;
}
