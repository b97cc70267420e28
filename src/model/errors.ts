/**
 * Stable error codes for misuse and configuration faults. The CLI maps them to exit codes and the server to
 * HTTP statuses, each in one place; per-article problems are messages, not errors.
 */
export type ErrorCode = 'E_USAGE' | 'E_INPUT' | 'E_NOT_FOUND' | 'E_STORE' | 'E_STAGE_ORDER' | 'E_SCHEMA' | 'E_FETCH' | 'E_LIMIT' | 'E_WRITE';

/** The one error class the engine throws on purpose. */
export class TriangulateError extends Error {
  readonly code: ErrorCode;
  /** The input file (and line) the error is about, when there is one. */
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, message: string, options: { file?: string; line?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TriangulateError';
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
  }
}

/** Text of an unknown thrown value, for messages. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
