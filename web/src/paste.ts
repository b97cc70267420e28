import type { IngestRequest } from './api.js';

/** Pasted text that is nothing but http(s) URLs, one per line, is fetched; anything else is ingested as text. */
export function pastedRequest(text: string): IngestRequest | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return null;
  if (lines.every((l) => /^https?:\/\/\S+$/i.test(l))) return { urls: lines };
  return { files: [], texts: [text] };
}
