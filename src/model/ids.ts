import { createHash } from 'node:crypto';

/**
 * Content-addressed ids: the same input yields the same id on any machine and in any order, which is what makes
 * re-ingesting idempotent and lets two processes agree without coordination.
 */
export function contentId(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}
