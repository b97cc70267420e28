import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

/** The state of one GET: loading, its data, or its error. */
export type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: Error };

/** Fetches JSON when `url` changes; a stale answer (the url changed meanwhile) is dropped by aborting it. */
export function useJson<T>(url: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    getJson<T>(url, controller.signal).then(
      (data) => setResult({ state: 'ok', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [url]);
  return result;
}

/** The current location hash, updated on navigation. */
export function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}
