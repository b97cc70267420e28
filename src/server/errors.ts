import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, TriangulateError } from '../index.js';

/** Codes only the HTTP layer produces (authentication, origin checks, unknown routes, unexpected faults). */
export type HttpErrorCode = 'E_UNAUTHORIZED' | 'E_FORBIDDEN' | 'E_PRIVATE_ADDRESS' | 'E_METHOD' | 'E_INTERNAL';

/** A refusal decided by the server itself, with the status and stable code it answers with. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HttpErrorCode | ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The one mapping from engine error codes to HTTP statuses (the CLI keeps the twin mapping to exit codes). */
const STATUS_BY_CODE: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  E_USAGE: 400,
  E_INPUT: 422,
  E_NOT_FOUND: 404,
  E_STORE: 503,
  E_STAGE_ORDER: 500,
  E_SCHEMA: 500,
  E_FETCH: 502,
  E_LIMIT: 413,
  E_WRITE: 500,
};

/** Codes for Hono's own exceptions (body limit, bearer auth, CSRF), by status. */
const CODE_BY_STATUS: Readonly<Partial<Record<number, HttpErrorCode | ErrorCode>>> = {
  400: 'E_USAGE',
  401: 'E_UNAUTHORIZED',
  403: 'E_FORBIDDEN',
  404: 'E_NOT_FOUND',
  405: 'E_METHOD',
  413: 'E_LIMIT',
};

/** Status, code and message for any thrown value; unexpected faults say nothing about internals. */
export function describeError(error: unknown): { status: ContentfulStatusCode; code: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof TriangulateError) return { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message };
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return { status, code: CODE_BY_STATUS[status] ?? 'E_INTERNAL', message: error.message || defaultMessage(status) };
  }
  return { status: 500, code: 'E_INTERNAL', message: 'internal error (see the server log)' };
}

function defaultMessage(status: number): string {
  if (status === 401) return 'this endpoint needs "Authorization: Bearer <token>" (the server was started with --token)';
  if (status === 403) return 'cross-origin write refused';
  if (status === 413) return 'request body too large';
  return `HTTP ${status}`;
}

/**
 * The app's one error handler: every failure becomes `{error: {code, message}}` with the mapped status. Headers a
 * Hono exception set for a reason (WWW-Authenticate on a 401) are kept.
 */
export function errorResponse(error: unknown, c: Context, log: (line: string) => void): Response {
  const { status, code, message } = describeError(error);
  if (code === 'E_INTERNAL') log(`internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const response = c.json({ error: { code, message } }, status);
  if (error instanceof HTTPException) {
    const auth = error.getResponse().headers.get('WWW-Authenticate');
    if (auth) response.headers.set('WWW-Authenticate', auth);
  }
  return response;
}
