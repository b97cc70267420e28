import type { Evaluator } from '../harness.js';
import { extractionScrapinghub, extractionTrafilatura } from './extraction.js';

/** Every evaluator, in the order `npm run eval` prints them. Add new data sets here. */
export const evaluators: Evaluator[] = [extractionScrapinghub, extractionTrafilatura];
