import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The evaluation harness: every data set in ../shared/data gets an evaluator that scores this engine beside the
 * reference library for the job, in the same run, and returns a table. Evaluators are listed in eval/sets/index.ts.
 */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the shared data sets live: `TRIANGULATE_DATA`, else `../shared/data` beside the project. */
export function dataRoot(): string {
  return process.env.TRIANGULATE_DATA ?? resolve(PROJECT_ROOT, '..', 'shared', 'data');
}

/** Path of one data set's folder (a name in the data root, or an absolute path), or null when it is absent. */
export function dataSet(name: string): string | null {
  const path = isAbsolute(name) ? name : join(dataRoot(), name);
  return existsSync(path) ? path : null;
}

/** One row of a result table: a system and its metrics, printed in column order. */
export interface Row {
  system: string;
  [metric: string]: string | number | null;
}

/** What one evaluator reports. */
export interface EvalResult {
  title: string;
  /** The data set and the split scored (say which half was used for tuning). */
  note: string;
  columns: string[];
  rows: Row[];
  /** Targets from the issues, printed under the table. */
  targets?: string[];
}

export interface Evaluator {
  id: string;
  /** Folder name in the data root (or an absolute path for the project's own gold); skipped with a note when absent. */
  dataset: string;
  run(path: string, options: { quick: boolean }): Promise<EvalResult | EvalResult[]>;
}

/** Formats a number for a table: 3 decimals for ratios, thousands for counts. */
export function fmt(value: string | number | null): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 10 ? value.toFixed(3) : value.toFixed(1);
}

/** Renders a result as a Markdown table (readable in a terminal and pasteable into notes). */
export function renderTable(result: EvalResult): string {
  const header = ['system', ...result.columns];
  const lines = [`### ${result.title}`, '', `_${result.note}_`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of result.rows) lines.push(`| ${header.map((c) => fmt(row[c] ?? null)).join(' | ')} |`);
  for (const t of result.targets ?? []) lines.push('', `target: ${t}`);
  return lines.join('\n');
}

/** Precision, recall and F1 from counts; 0 rather than NaN on empty denominators. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
