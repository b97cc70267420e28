import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { secureHeaders } from 'hono/secure-headers';
import { HttpError } from './errors.js';

/**
 * The UI's Content-Security-Policy: scripts and styles from this origin only (no inline script, no eval), requests
 * to this origin only, never framed. Article data reaches the page as JSON and is rendered as text, so even a
 * rendering bug cannot load or run anything from elsewhere.
 */
const UI_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * For a rendered HTML dossier opened straight from the API: its styles are inline by design (one self-contained
 * file), so inline style is allowed, and `sandbox` without `allow-scripts` forbids every script on the page.
 */
export const DOSSIER_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/** Security headers on every response; a handler that set its own CSP (the HTML dossier) keeps it. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: UI_CSP,
    xFrameOptions: 'DENY',
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // Served over plain HTTP on a laptop: HSTS would pin a name to HTTPS that nothing serves.
    strictTransportSecurity: false,
    overwrite: false,
  });
}

/**
 * Refuses requests whose Host is a name this server was not told it has. DNS rebinding needs a name: a web page on
 * attacker.example re-points that name at this machine and reads or writes the store as a same-origin page, with
 * `Host: attacker.example`. So an address literal (`127.0.0.2`, `192.168.1.20`, `[::1]`: the address the server is
 * bound to or any other, which no page can rebind) is accepted, and of names only `localhost` and the ones given
 * (`serve --allow-host`). On a loopback server this guards every request; on a team server (token mode) too, reads
 * included, since reads need no token.
 */
export function hostGuard(names: readonly string[]): MiddlewareHandler {
  const allowed = new Set(['localhost', ...names.map((n) => n.toLowerCase())]);
  return async (c, next) => {
    // The URL's host is the Host header on a socket (the Node adapter builds the URL from it).
    const { hostname, host } = new URL(c.req.url);
    if (!allowed.has(hostname) && isIP(hostname.replace(/^\[|\]$/g, '')) === 0)
      throw new HttpError(
        403,
        'E_FORBIDDEN',
        `host "${host.slice(0, 100)}" refused: this server answers to its addresses${names.length > 0 ? `, ${names.slice(0, 5).join(', ')}` : ''} and localhost (serve --allow-host adds a name)`,
      );
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards writes. A browser always sends `Origin` or `Sec-Fetch-Site` on a cross-site POST, and a form post needs no
 * CORS preflight, so closed CORS alone does not stop another site from posting files here: such requests are refused.
 * Clients that send neither header (curl, scripts) are not browsers acting for another site. With a token, every
 * write must also carry `Authorization: Bearer <token>` (compared in constant time by Hono's bearerAuth).
 */
export function writeGuard(token: string | undefined): MiddlewareHandler {
  const auth = token ? bearerAuth({ token }) : null;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new HttpError(403, 'E_FORBIDDEN', `cross-site write refused (Sec-Fetch-Site: ${site.slice(0, 40)})`);
    if (origin !== undefined && origin !== new URL(c.req.url).origin) throw new HttpError(403, 'E_FORBIDDEN', 'cross-origin write refused');
    if (auth) return auth(c, next);
    await next();
  };
}
