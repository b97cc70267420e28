import type { ApiIngestReport, ErrorBody, IngestEvent } from '../../src/index.js';

/** A failed API call, with the server's error code when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ErrorBody).error?.message === 'string';
}

/** GETs JSON from the API; a non-2xx answer becomes an ApiError carrying the server's `{error}` message. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFrom(response.status, body);
  return body as T;
}

function errorFrom(status: number, body: unknown): ApiError {
  return isErrorBody(body) ? new ApiError(status, body.error.code, body.error.message) : new ApiError(status, 'E_HTTP', `HTTP ${status}`);
}

/** Where an ingest is: bytes sent, then one event per input processed. */
export type IngestProgress = { phase: 'upload'; sent: number; total: number } | { phase: 'event'; event: IngestEvent };

/** What to send: files and pasted texts (multipart), or URLs to fetch (JSON). */
export type IngestRequest = { files: File[]; texts: string[] } | { urls: string[] };

/**
 * Sends an ingest and follows its progress. XMLHttpRequest rather than fetch: fetch reports no upload progress. The
 * answer is an NDJSON stream (`?progress=1`), read line by line as it arrives.
 */
export function ingest(request: IngestRequest, token: string, onProgress: (p: IngestProgress) => void): Promise<ApiIngestReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const byUrl = 'urls' in request;
    xhr.open('POST', byUrl ? '/api/ingest/urls?progress=1' : '/api/ingest?progress=1');
    if (token !== '') xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    let read = 0;
    let report: ApiIngestReport | null = null;
    let failure: ApiError | null = null;
    const drain = (final: boolean): void => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let newline = text.indexOf('\n', read);
      while (newline !== -1 || (final && read < text.length)) {
        const end = newline === -1 ? text.length : newline;
        const line = text.slice(read, end).trim();
        read = end + 1;
        if (line !== '') {
          const event = JSON.parse(line) as IngestEvent;
          if (event.type === 'done') report = event.report;
          if (event.type === 'error') failure = new ApiError(500, event.error.code, event.error.message);
          onProgress({ phase: 'event', event });
        }
        newline = text.indexOf('\n', read);
      }
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', sent: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onprogress = () => drain(false);
    xhr.onerror = () => reject(new ApiError(0, 'E_NETWORK', 'the server could not be reached'));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // Not JSON: the status alone says what went wrong.
        }
        reject(errorFrom(xhr.status, body));
        return;
      }
      drain(true);
      if (report) resolve(report);
      else reject(failure ?? new ApiError(500, 'E_INTERNAL', 'the ingest ended without a report'));
    };
    if (byUrl) {
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.send(JSON.stringify({ urls: request.urls }));
    } else {
      const form = new FormData();
      for (const file of request.files) form.append('file', file, file.name);
      for (const text of request.texts) form.append('text', text);
      xhr.send(form);
    }
  });
}
