import { terminalSafe } from '../model/terminal.js';

/** An input item that could not be read; it names the file (and line) so the user can find it. */
export interface InputProblem {
  path: string;
  line?: number;
  reason: string;
}

/**
 * `path:line: reason`, the form editors and terminals link. Paths and reasons can carry article text (a feed item's
 * title, a file name), so control characters are shown escaped: a problem line cannot drive the terminal.
 */
export function formatProblem(p: InputProblem): string {
  return terminalSafe(`${p.path}${p.line !== undefined ? `:${p.line}` : ''}: ${p.reason}`);
}
