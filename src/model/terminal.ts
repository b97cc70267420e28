/**
 * Control characters a terminal acts on: C0 except tab and newline (ESC starts every escape sequence, CR rewrites a
 * line, BEL rings), DEL, and C1 (U+009B is a one-character CSI for terminals that honour 8-bit controls).
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text made safe to print: every control character a terminal would act on is shown as a visible `\u001b` escape, so
 * an OSC title change or a screen clear in a title, outlet or feed item prints as inert text. The same form is a
 * valid JSON string escape, so JSON output (where C1 characters are otherwise left raw) stays valid and unchanged in
 * meaning.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text with those control characters removed (for formats where an escape would itself be markup, like Markdown). */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}
