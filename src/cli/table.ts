import { terminalSafe } from '../model/terminal.js';

/**
 * A plain text table with aligned columns; the last column is left unpadded (it holds free text). Cells hold article
 * text (titles, outlets), so control characters are shown escaped before widths are measured.
 */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const safeRows = rows.map((r) => r.map(terminalSafe));
  const widths = header.map((h, i) => Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...safeRows.map(line)].join('\n')}\n`;
}
