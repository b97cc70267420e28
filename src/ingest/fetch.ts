import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import { errorText } from '../model/errors.js';
import { guardedLookup, literalRefusal } from './address-guard.js';
import { formatBytes } from './limits.js';
import { bodyDecoder, type ContentType, kindOfMediaType, parseContentType } from './media-type.js';
import { MAX_ROBOTS_BYTES, RobotsCache, type RobotsResponse } from './robots.js';

/*
 * node:http(s) rather than the global fetch: Node 20's fetch (undici) offers no per-request DNS hook without
 * installing undici itself, and the private-address guard must check the very addresses each socket connects to,
 * on every redirect hop (see address-guard.ts). node:http also gives separate connect and total timers, and manual
 * redirects so loops and hop counts are ours to check.
 */

/** How URLs are fetched. Defaults suit one-off news pages: a slow server costs at most `totalTimeoutMs`. */
export interface FetchOptions {
  /** Let fetches reach loopback, private and link-local addresses (tests, intranets). Off by default. */
  allowPrivate?: boolean;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxRedirects?: number;
  /** Check robots.txt before each fetch (on by default; RFC 9309 semantics). */
  robots?: boolean;
}

/** The User-Agent sent with every request: it names the project so site owners can find and address it. */
export const USER_AGENT = 'triangulate/0.1 (news dossier engine; honours robots.txt)';

const DEFAULTS = { allowPrivate: false, connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxRedirects: 5, robots: true };
const PAGE_ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8';

/** A fetched article page or feed, after redirects. */
export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  redirects: string[];
  kind: 'html' | 'feed' | null;
  contentType: ContentType | null;
  body: Buffer;
}

/** Why a fetch failed; `refused` marks the private-address guard, `unreachable` a host no connection was made to. */
export interface FetchFailure {
  reason: string;
  refused?: boolean;
  unreachable?: boolean;
}

/** Socket errors that mean no connection was made, in words a reader without a network can act on. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  ENOTFOUND: 'its name could not be resolved (no network, or no such host)',
  EAI_AGAIN: 'its name could not be resolved (no network, or the name server did not answer)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ETIMEDOUT: 'the connection timed out',
};

/** A failure to connect to `url`'s host, saying so (what a user sees offline), with the system's code. */
function unreachable(url: URL, words: string, code?: string): FetchFailure {
  return { reason: `could not reach ${url.host}: ${words}${code ? ` (${code})` : ''}`, unreachable: true };
}

interface Answer {
  status: number;
  contentType: ContentType | null;
  body: Buffer;
}

/** Decides from status and type whether a body is worth downloading: read it, skip it, or fail with a reason. */
type Gate = (status: number, statusText: string, contentType: ContentType | null) => 'read' | 'skip' | FetchFailure;

/** Fetches pages for one run, sharing the robots.txt cache between them. */
export class Fetcher {
  private readonly options: Required<FetchOptions>;
  private readonly robots: RobotsCache;

  constructor(
    options: FetchOptions,
    private readonly maxBytes: number,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.robots = new RobotsCache((url) => this.fetchRobots(url));
  }

  /** Fetches an article page or feed: 2xx HTML or XML only, within the size cap, robots.txt permitting. */
  async page(address: string): Promise<FetchedPage | FetchFailure> {
    const start = parseHttpUrl(address);
    if ('reason' in start) return start;
    const gate: Gate = (status, statusText, type) => {
      if (status < 200 || status > 299) return { reason: `HTTP ${status}${statusText ? ` ${statusText}` : ''}` };
      if (type && kindOfMediaType(type.type) === null) return { reason: `not HTML: the server sent ${type.type}` };
      return 'read';
    };
    const result = await this.follow(start, PAGE_ACCEPT, this.maxBytes, gate, this.options.robots);
    if ('reason' in result) return result;
    return { ...result, kind: result.contentType ? kindOfMediaType(result.contentType.type) : null };
  }

  private async fetchRobots(url: URL): Promise<RobotsResponse> {
    const result = await this.follow(url, 'text/plain', MAX_ROBOTS_BYTES, (status) => (status >= 200 && status <= 299 ? 'read' : 'skip'), false);
    return 'reason' in result ? result : { status: result.status, text: result.body.toString('utf8') };
  }

  /** Follows redirects (bounded, loops detected), checking robots.txt and the guard on every hop. */
  private async follow(
    start: URL,
    accept: string,
    maxBytes: number,
    gate: Gate,
    robots: boolean,
  ): Promise<(Answer & { url: string; redirects: string[] }) | FetchFailure> {
    const chain = [start.href];
    let current = start;
    for (;;) {
      if (robots) {
        const verdict = await this.robots.check(current);
        if (verdict !== true) return verdict;
      }
      const hop = await this.request(current, accept, maxBytes, gate);
      if (!('redirect' in hop)) return 'reason' in hop ? hop : { ...hop, url: current.href, redirects: chain.slice(1) };
      const next = parseHttpUrl(hop.redirect, current);
      if ('reason' in next) return { reason: `redirect from ${current.href}: ${next.reason}` };
      if (chain.includes(next.href)) return { reason: `redirect loop: ${[...chain, next.href].join(' → ')}` };
      if (chain.length > this.options.maxRedirects) return { reason: `more than ${this.options.maxRedirects} redirects: ${chain.join(' → ')} → …` };
      chain.push(next.href);
      current = next;
    }
  }

  /** One GET: a redirect target, an answer, or a failure; never throws and never outlives the total timeout. */
  private request(url: URL, accept: string, maxBytes: number, gate: Gate): Promise<Answer | { redirect: string } | FetchFailure> {
    const { allowPrivate, connectTimeoutMs, totalTimeoutMs } = this.options;
    const refused = allowPrivate ? null : literalRefusal(url.hostname);
    if (refused) return Promise.resolve({ reason: refused.message, refused: true });
    return new Promise((resolve) => {
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(url, {
        headers: { 'user-agent': USER_AGENT, accept, 'accept-encoding': 'gzip, deflate, br' },
        agent: false,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      });
      let connectTimer: NodeJS.Timeout | undefined;
      const totalTimer = setTimeout(() => finish({ reason: `timed out after ${totalTimeoutMs} ms` }), totalTimeoutMs);
      let settled = false;
      function finish(result: Answer | { redirect: string } | FetchFailure): void {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        request.destroy();
        resolve(result);
      }
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => finish(unreachable(url, `no connection within ${connectTimeoutMs} ms`)), connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      request.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const words = UNREACHABLE[code];
        if (words) finish(unreachable(url, words, code));
        else finish({ reason: errorText(error), ...(code === 'E_PRIVATE_ADDRESS' ? { refused: true } : {}) });
      });
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status <= 399 && location) return finish({ redirect: location });
        const contentType = parseContentType(response.headers['content-type']);
        const verdict = gate(status, response.statusMessage ?? '', contentType);
        if (verdict === 'skip') return finish({ status, contentType, body: Buffer.alloc(0) });
        if (verdict !== 'read') return finish(verdict);
        readBody(response, maxBytes).then((body) => finish('reason' in body ? body : { status, contentType, body }));
      });
      request.end();
    });
  }
}

/**
 * Reads a response body through its Content-Encoding, refusing a declared length over the cap before reading a byte
 * and stopping as soon as the decoded bytes pass it (a small gzip body can expand a thousandfold).
 */
function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer | FetchFailure> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.resolve({ reason: `Content-Length ${formatBytes(declared)} is over the ${formatBytes(maxBytes)} limit; not downloaded` });
  }
  const decoder = bodyDecoder(response.headers['content-encoding']);
  if (decoder && 'reason' in decoder) return Promise.resolve(decoder);
  return new Promise((resolve) => {
    const body: NodeJS.ReadableStream = decoder ? pipeline(response, decoder, () => {}) : response;
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) resolve({ reason: `response is over the ${formatBytes(maxBytes)} limit; stopped reading` });
      else chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size)));
    body.on('error', (error) => resolve({ reason: `cannot read the response: ${errorText(error)}` }));
    response.on('aborted', () => resolve({ reason: 'the server closed the connection mid-response' }));
  });
}

/** Parses an http(s) URL (relative to `base` when given), without its fragment, or says why it is not one. */
export function parseHttpUrl(text: string, base?: URL): URL | FetchFailure {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    return { reason: `not a valid URL: "${text.trim().slice(0, 80)}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: `unsupported URL scheme "${url.protocol}" (http and https only)` };
  url.hash = '';
  return url;
}
