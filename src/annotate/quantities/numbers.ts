/** Languages that write a decimal comma and group thousands with a dot ("1.200,5"). */
const COMMA_DECIMAL = new Set(['es', 'fr', 'pt', 'it', 'de', 'nl']);

/**
 * Reads a written numeral. "1.200" is 1200 in Spanish and 1.2 in English; "1,5" is 1.5; "1,200" is 1200 in both
 * (Mexican Spanish groups with commas too). With both marks the last one is the decimal mark ("1,234.5",
 * "1.234,5"); a mark repeated ("1.200.000") always groups thousands.
 */
export function parseNumeral(raw: string, language: string): number | null {
  const dot = raw.lastIndexOf('.');
  const comma = raw.lastIndexOf(',');
  if (dot < 0 && comma < 0) {
    // No mark (most numerals): the general path below would read the same `Number(raw)` after copying it by characters.
    const plain = Number(raw);
    return Number.isFinite(plain) ? plain : null;
  }
  let decimal: string | null = null;
  if (dot >= 0 && comma >= 0) decimal = dot > comma ? '.' : ',';
  else if (dot >= 0 || comma >= 0) {
    const mark = dot >= 0 ? '.' : ',';
    const groups = raw.split(mark);
    const grouped = groups.length > 2 || (groups[1] as string).length === 3;
    const groupsWithDot = COMMA_DECIMAL.has(language);
    if (!grouped || (mark === '.' && !groupsWithDot)) decimal = mark;
  }
  const digits = [...raw].filter((c) => (c !== '.' && c !== ',' ? true : c === decimal)).join('');
  const value = Number(decimal === ',' ? digits.replace(',', '.') : digits);
  return Number.isFinite(value) ? value : null;
}
