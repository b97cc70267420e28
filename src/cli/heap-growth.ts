import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent. Left to itself
 * V8 picks a factor of up to 4× when collecting is cheap next to allocating — the linker's case (measured 4.0× at
 * 100,000 articles) — so a long ingest or linker run holds two to three times its live heap in garbage. A factor of 2
 * took the link bench's peak RSS at 100,000 articles from 770 to 589 MB for ≈5% more CPU (docs/scale.md).
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Sets the growth factor for the whole process (V8 flags are per process: worker threads follow). Called first by the
 * launcher (bin/triangulate.js) and by the link bench's child, so the bench measures what a run gets. V8 reads the
 * flag each time it sets a heap limit, so setting it at start-up, before the work, takes effect.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
