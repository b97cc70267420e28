import type { Loaded } from '../hooks.js';

/** What a page shows while its data loads or when loading failed (the server's own message, as text). */
export function LoadState({ state }: { state: Exclude<Loaded<unknown>, { state: 'ok' }> }) {
  if (state.state === 'loading') return <p class="loading">Loading…</p>;
  return (
    <p class="error" role="alert">
      {state.error.message}
    </p>
  );
}
