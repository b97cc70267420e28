import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repairText } from '../../src/clean/encoding/repair.js';
import { KEPT_KINDS, LINE_KINDS, type LineKind, lineVerdicts } from '../../src/clean/text/line-report.js';
import { dataRoot, type EvalResult, type Evaluator, PROJECT_ROOT, prf, type Row } from '../harness.js';

/**
 * Line classification of pasted text, scored on the project's own gold (samples/gold/lines): every non-blank line
 * of 22 pasted pages labelled by hand, split by page into a dev half (rules are tuned on it) and a test half (only
 * reported). There is no well-kept library for labelling pasted browser text, so the reference beside the engine is
 * the trivial baseline "keep every line as body".
 */

const GOLD_DIR = join(PROJECT_ROOT, 'samples', 'gold', 'lines');
const SPLITS = ['dev', 'test'] as const;
type Split = (typeof SPLITS)[number];
/** In `--quick` mode only the first pages of each half are scored. */
const QUICK_PAGES = 4;

/** One labelled line of a gold page. */
export interface GoldLine {
  line: number;
  kind: LineKind;
  text: string;
}

/** One gold page: the file it labels (relative to the project root) and its labelled lines. */
export interface GoldPage {
  name: string;
  split: Split;
  file: string;
  lines: GoldLine[];
}

/** Reads one gold TSV (`# file: …` header, then `line<TAB>label<TAB>text`); throws on a malformed row. */
export function parseGoldTsv(name: string, split: Split, tsv: string): GoldPage {
  let file = '';
  const lines: GoldLine[] = [];
  for (const [i, row] of tsv.split('\n').entries()) {
    if (row.trim() === '') continue;
    if (row.startsWith('#')) {
      const header = /^# file: (.+)$/.exec(row);
      if (header?.[1]) file = header[1].trim();
      continue;
    }
    const [num, label, ...rest] = row.split('\t');
    const kind = LINE_KINDS.find((k) => k === label);
    const line = Number(num);
    if (!kind || !Number.isInteger(line) || line < 1) throw new Error(`${split}/${name}.tsv:${i + 1}: bad row "${row.slice(0, 60)}"`);
    lines.push({ line, kind, text: rest.join('\t') });
  }
  if (file === '') throw new Error(`${split}/${name}.tsv: no "# file:" header`);
  return { name, split, file, lines };
}

/** All gold pages of both halves, in file-name order. */
export function readGoldPages(dir = GOLD_DIR): GoldPage[] {
  const pages: GoldPage[] = [];
  for (const split of SPLITS) {
    const folder = join(dir, split);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder).sort()) {
      if (entry.endsWith('.tsv')) pages.push(parseGoldTsv(entry.slice(0, -4), split, readFileSync(join(folder, entry), 'utf8')));
    }
  }
  return pages;
}

/** Gold lines whose text no longer matches the page (the page was edited without its gold). */
export function staleLines(page: GoldPage, raw: string): GoldLine[] {
  const rawLines = raw.split(/\r\n|\r|\n/);
  return page.lines.filter((g) => (rawLines[g.line - 1] ?? '').trim() !== g.text);
}

/** Gold and predicted kind per line, for one system on one page. */
type Pair = { gold: LineKind; predicted: LineKind };

interface System {
  name: string;
  predict(raw: string): Map<number, LineKind>;
}

const SYSTEMS: System[] = [
  {
    name: 'triangulate (this engine)',
    // Encoding is repaired first, as in the pipeline; repairs never add or remove a line break.
    predict: (raw) => new Map(lineVerdicts(repairText(raw).text).map((v) => [v.line, v.kind])),
  },
  { name: 'baseline: keep every line', predict: () => new Map() },
];

function pairsFor(system: System, page: GoldPage, raw: string): Pair[] {
  const predicted = system.predict(raw);
  return page.lines.map((g) => ({ gold: g.kind, predicted: predicted.get(g.line) ?? 'body' }));
}

function countsFor(pairs: readonly Pair[], isPositive: (kind: LineKind) => boolean): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of pairs) {
    const g = isPositive(gold);
    const p = isPositive(predicted);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  return { tp, fp, fn };
}

const isRemoved = (kind: LineKind): boolean => !KEPT_KINDS.has(kind);

function keptVsRemovedRow(system: string, split: string, pages: number, pairs: readonly Pair[]): Row {
  const removed = countsFor(pairs, isRemoved);
  const kept = countsFor(pairs, (k) => !isRemoved(k));
  const r = prf(removed.tp, removed.fp, removed.fn);
  const k = prf(kept.tp, kept.fp, kept.fn);
  const exact = pairs.filter((p) => p.gold === p.predicted).length;
  return {
    system,
    split,
    pages,
    lines: pairs.length,
    'removed P': r.p,
    'removed R': r.r,
    'removed F1': r.f1,
    'kept P': k.p,
    'kept R': k.r,
    'label accuracy': pairs.length === 0 ? null : exact / pairs.length,
  };
}

function perLabelRows(pairs: readonly Pair[]): Row[] {
  return LINE_KINDS.map((kind) => {
    const c = countsFor(pairs, (k) => k === kind);
    const s = prf(c.tp, c.fp, c.fn);
    return { system: kind, gold: c.tp + c.fn, predicted: c.tp + c.fp, P: s.p, R: s.r, F1: s.f1 };
  });
}

/** `samples/gold/lines`: kept-vs-removed and per-label precision/recall of the pasted-text cleaner. */
export const linesEvaluator: Evaluator = {
  id: 'lines',
  // The gold lives in the project, not in ../shared/data; the harness resolves data sets under dataRoot(), so the
  // folder is named relative to it.
  dataset: relative(dataRoot(), GOLD_DIR),
  async run(path, { quick }): Promise<EvalResult[]> {
    const pages = readGoldPages(path);
    const stale: string[] = [];
    const pairs = new Map<string, Pair[]>();
    const pageCount = new Map<Split, number>();
    for (const split of SPLITS) {
      const inSplit = pages.filter((p) => p.split === split).slice(0, quick ? QUICK_PAGES : undefined);
      pageCount.set(split, inSplit.length);
      for (const page of inSplit) {
        const raw = readFileSync(join(PROJECT_ROOT, page.file), 'utf8');
        if (staleLines(page, raw).length > 0) {
          stale.push(page.name);
          continue;
        }
        for (const system of SYSTEMS) {
          const key = `${system.name}|${split}`;
          pairs.set(key, [...(pairs.get(key) ?? []), ...pairsFor(system, page, raw)]);
        }
      }
    }
    const staleNote = stale.length > 0 ? ` Skipped (gold no longer matches the page): ${stale.join(', ')}.` : '';
    const rows: Row[] = [];
    for (const split of SPLITS) {
      for (const system of SYSTEMS) rows.push(keptVsRemovedRow(system.name, split, pageCount.get(split) ?? 0, pairs.get(`${system.name}|${split}`) ?? []));
    }
    const engine = SYSTEMS[0]?.name ?? '';
    const perLabel = (split: Split): EvalResult => ({
      title: `Pasted-text lines: per label, ${split} half (triangulate)`,
      note: `samples/gold/lines/${split}; P/R/F1 of each line label.${split === 'dev' ? ' The rules were tuned on this half.' : ' Held out: never used for tuning.'}`,
      columns: ['gold', 'predicted', 'P', 'R', 'F1'],
      rows: perLabelRows(pairs.get(`${engine}|${split}`) ?? []),
    });
    return [
      {
        title: 'Pasted-text lines: kept vs removed',
        note: `samples/gold/lines (fictional pages, labelled by hand); rules tuned on dev only, test reported.${quick ? ' Quick: first pages of each half.' : ''}${staleNote} "removed" = chrome, caption, credit, embed; label accuracy over the 10 labels.`,
        columns: ['split', 'pages', 'lines', 'removed P', 'removed R', 'removed F1', 'kept P', 'kept R', 'label accuracy'],
        rows,
        targets: ['issue 3: every page-chrome line of ../shared/seeds in `removed` (checked by test/clean-text-seeds.test.ts)'],
      },
      perLabel('dev'),
      perLabel('test'),
    ];
  },
};
