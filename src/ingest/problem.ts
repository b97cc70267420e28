/** An input item that could not be read; it names the file (and line) so the user can find it. */
export interface InputProblem {
  path: string;
  line?: number;
  reason: string;
}

/** `path:line: reason`, the form editors and terminals link. */
export function formatProblem(p: InputProblem): string {
  return `${p.path}${p.line !== undefined ? `:${p.line}` : ''}: ${p.reason}`;
}
