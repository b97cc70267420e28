import type { MetaLine } from '../../model/article.js';
import { WEEKDAY_NAMES } from '../date-words.js';
import { normalizeDate } from '../dates.js';
import { kindOfLabel } from '../kind.js';
import type { LineLabel } from './classify.js';
import { type Line, neighbour } from './lines.js';
import { bylineNames, isPersonName } from './regions.js';
import { endsSentence, isDateLine, isProse } from './shape.js';

/** A field value read off one header or footer line. */
export interface HeaderField {
  field: MetaLine['field'];
  value: string;
}

/** How many non-blank lines above the headline may hold the page's own header (masthead, kicker, date). */
const LINES_ABOVE_HEADLINE = 6;
/** Most cells a header line has ("Outlet | Weekday, Month D, YYYY | By Author" has 3; menus have more). */
const MAX_CELLS = 6;
/** Most cells of a kicker or byline line without a date ("Outlet | Opinion", "A. Ruiz | Outlet | Analysis"). */
const MAX_KICKER_CELLS = 3;
/** Most words in a cell naming an outlet or a section; longer cells are sentences. */
const MAX_NAME_WORDS = 6;
const MAX_HEADER_LINE_CHARS = 240;

/** Separators between the cells of a header line: pipes, bullets, middle dots, spaced dashes and slashes. */
const CELL_SEPARATOR = /\s*[|·•]\s*|\s+[—–-]\s+|\s*\/\s+/u;
const BYLINE_START = /^(?:(?:written|reported|words|text|texto|story|posted)\s+)?(?:by|por)\s+(?=\p{Lu})/iu;
const CITY_CAPS = /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,30}$/u;
/** Job titles after a byline's name ("By A, Staff Writer"): not an outlet. */
const JOB_TITLE = /\b(?:writer|reporter|correspondent|editor|columnist|contributor|redactor|corresponsal|enviad[oa] especial|periodista|staff)\b/i;
/** Words of section names and programme labels (generic editorial vocabulary): a cell with one is a section, not a person. */
const SECTION_WORD =
  /\b(?:edition|news|world|politics|business|sports?|nation|local|latest|breaking|home|economy|tech|technology|science|health|culture|entertainment|lifestyle|travel|morning|evening|daily|weekly|briefing|newsletter|section|noticias|internacional|nacional|pol[ií]tica|econom[ií]a|deportes|cultura|sociedad|edici[oó]n|portada|mundo)\b/i;
/** Capitals only, with a word of five or more ("TECHNIK", "WORLD NEWS"): a section label; acronyms (BBC, NYT) are shorter. */
const SHOUTED_WORD = /\p{Lu}{5}/u;
const CAPITALS_ONLY = /^[\p{Lu}\s&-]+$/u;
const UPDATED = /\b(?:updated|last modified|modified|revision|actualizado|actualizaci[oó]n|aktualisiert|mis à jour|mise à jour)\b/i;
/**
 * Words that date an edition (the day's site, a print issue: "Édition du 12 octobre", "Edição 1167, de …"), not the
 * article; on the even pages every date line holding one was not the article's date.
 */
const EDITION = /(?<!\p{L})(?:[ée]dition|edi[cç][aã]o|edici[oó]n|ausgabe|edizione)(?!\p{L})/iu;
/** Words that say a line gives the publication date ("Published", "Publicado el"), in the languages of the date words. */
const PUBLISHED_WORD = /\b(?:published|posted|publicado|publicada|publi[ée]|ver[öo]ffentlicht|erschienen|pubblicato)\b/i;
/** A short line with a full date in it is a date line; longer lines need a "published" word (calibrated on even lines). */
const MAX_DATE_ONLY_WORDS = 14;
const MAX_PUBLISHED_LINE_WORDS = 30;
/** Chrome regions whose dates belong to other texts (comments, teasers) or to the site (copyright). */
const FOREIGN_REGIONS = /^(?:comments|copyright|related links|author box|cookie banner|legal)$/;

/**
 * Reads the page's own metadata lines: mastheads, bylines, date lines, kind and section labels, in the header (from a
 * few lines above the headline down to the first paragraph of prose) and, for bylines and dates only, the footer
 * (after the last prose line). Header lines are split into cells at pipes, bullets, spaced dashes and slashes, and
 * each cell is typed by its shape: a date, a byline, a kind label, a person's name, a city in capitals, a section,
 * or else the outlet. A line that yields a field is returned with its fields; the caller takes it out of the text.
 */
export function readHeaderLines(lines: readonly Line[], labels: readonly LineLabel[]): Map<number, HeaderField[]> {
  const found = new Map<number, HeaderField[]>();
  const headline = labels.findIndex((l) => l.kind === 'keep' && l.block === 'headline');
  const bodyStart = lines.findIndex((line, i) => i > headline && isKeptProse(line, labels[i]));
  const end = bodyStart >= 0 ? bodyStart : Math.min(lines.length, headline + 12);
  let start = headline >= 0 ? headline : 0;
  for (let n = 0; n < LINES_ABOVE_HEADLINE && start > 0; n++) start = Math.max(0, neighbour(labels, start, -1));
  let i = start;
  while (i < end) {
    const line = lines[i] as Line;
    if (line.segment) {
      // A slug chain ("Headline/ Outlet/ CITY/ Author/ Section/ First sentence…"): its segments are one header line.
      let j = i;
      while (j + 1 < lines.length && (lines[j + 1] as Line).segment && !isKeptProse(lines[j + 1] as Line, labels[j + 1])) j++;
      readChain(lines, labels, i, j, found);
      i = j + 1;
      continue;
    }
    if (i !== headline) {
      const fields = headerFields(line, labels[i] as LineLabel, i === neighbour(labels, headline, -1) || i === neighbour(labels, headline, 1));
      if (fields.length > 0) found.set(i, fields);
    }
    i++;
  }
  const dated = pickDateLine(lines, labels, found, headline);
  if (dated) found.set(dated.index, [...(found.get(dated.index) ?? []).filter((f) => f.field !== 'published'), { field: 'published', value: dated.date }]);
  const last = lastProse(lines, labels);
  for (let k = Math.max(last + 1, end); k < lines.length; k++) {
    const fields = footerFields(lines[k] as Line, labels[k] as LineLabel);
    if (fields.length > 0) found.set(k, fields);
  }
  return found;
}

function readChain(lines: readonly Line[], labels: readonly LineLabel[], from: number, to: number, found: Map<number, HeaderField[]>): void {
  let outlet = false;
  for (let k = from; k <= to; k++) {
    const label = labels[k] as LineLabel;
    if (label.kind === 'keep' && label.block === 'headline') continue;
    const field = cellField((lines[k] as Line).text, !outlet);
    if (!field) continue;
    if (field.field === 'outlet') outlet = true;
    found.set(k, [field]);
  }
}

/** Fields of one line of the header: a whole-line byline or date, or the cells of a separated line. */
function headerFields(line: Line, label: LineLabel, nextToHeadline: boolean): HeaderField[] {
  const text = line.text;
  if (text.length > MAX_HEADER_LINE_CHARS || label.kind === 'blank' || label.kind === 'embed' || label.kind === 'credit') return [];
  if (label.kind === 'keep' && label.block === 'byline') return bylineFields(text);
  const cells = text.split(CELL_SEPARATOR).map((c) => c.trim());
  if (cells.length < 2) {
    const whole = dateField(text) ?? revisionField(text);
    if (whole) return [whole];
    const kind = kindOfLabel(text);
    // A lone "Opinion" in a menu is a link; next to the headline it is the piece's kicker.
    return kind && nextToHeadline ? [{ field: 'kind', value: kind }] : [];
  }
  if (cells.length > MAX_CELLS || cells.some((c) => c === '')) return [];
  const typed = cells.map((c) => cellField(c, false));
  // Only a line with a date, a byline or a kind label among its cells (or a name beside one outlet: "A. Ruiz | Outlet")
  // is a header line; a bare "Home | World | Politics" is a menu, and so is one whose only label is a section link
  // ("Home | Regions | Sport | Opinion": a kicker stands beside one or two cells, a menu lists four or more).
  const strong =
    typed.some((f) => f?.field === 'published') ||
    (cells.length <= MAX_KICKER_CELLS && typed.some((f) => f?.field === 'kind')) ||
    cells.some((c) => BYLINE_START.test(c)) ||
    (cells.length <= MAX_KICKER_CELLS && typed.some((f) => f?.field === 'authors'));
  if (!strong) return [];
  const fields: HeaderField[] = [];
  let outlet = false;
  cells.forEach((cell, n) => {
    const field = typed[n] ?? null;
    const revised = field ? null : revisionField(cell);
    if (field) fields.push(...(field.field === 'authors' ? bylineFields(cell) : [field]));
    else if (revised) fields.push(revised);
    else if (!outlet && looksLikeName(cell) && !(SHOUTED_WORD.test(cell) && CAPITALS_ONLY.test(cell)) && fullDateOf(cell) === null && !cell.includes(':')) {
      fields.push({ field: 'outlet', value: cell });
      outlet = true;
    }
  });
  return fields;
}

/**
 * The page's own date line anywhere on the page when the header gave none: the first line that says it is the
 * publication date ("Veröffentlicht am 3. März 2019", "Posted: 18 Nov 2019"), else the first short line holding a
 * full date, outside comments, teasers and the copyright line. A run of dated lines is an archive list, not a date line.
 */
function pickDateLine(
  lines: readonly Line[],
  labels: readonly LineLabel[],
  found: ReadonlyMap<number, HeaderField[]>,
  headline: number,
): { index: number; date: string } | null {
  for (const fields of found.values()) if (fields.some((f) => f.field === 'published')) return null;
  let first: { index: number; date: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const label = labels[i] as LineLabel;
    if (label.kind === 'blank' || label.kind === 'embed' || label.kind === 'credit' || line.words > MAX_PUBLISHED_LINE_WORDS) continue;
    if (label.kind === 'chrome' && FOREIGN_REGIONS.test(label.reason.replace(/^next to /, ''))) continue;
    const keyword = PUBLISHED_WORD.test(line.text);
    // A sentence of the body that mentions a publication ("The report, published on 3 March, …") is not a date line.
    if ((line.words > MAX_DATE_ONLY_WORDS && (!keyword || endsSentence(line.text))) || revision(line.text) || foreignDate(line.text)) continue;
    const date = fullDateOf(line.text);
    if (!date || inDatedRun(lines, labels, i)) continue;
    if (i < Math.max(headline, 1) && !keyword && mastheadToday(line.text)) continue;
    if (keyword) return { index: i, date };
    first ??= { index: i, date };
  }
  return first;
}

/** A weekday-led date above the headline ("Samstag, 19. Oktober 2019") is the site's edition of the day, not the article's. */
function mastheadToday(text: string): boolean {
  const first = /^[\p{L}-]+/u.exec(text.trim())?.[0]?.toLowerCase();
  return first !== undefined && WEEKDAY_NAMES.has(first);
}

/** Line i and its neighbours above and below all hold dates: a list of dated entries. */
function inDatedRun(lines: readonly Line[], labels: readonly LineLabel[], i: number): boolean {
  const before = lines[neighbour(labels, i, -1)];
  const after = lines[neighbour(labels, i, 1)];
  return before !== undefined && after !== undefined && fullDateOf(before.text) !== null && fullDateOf(after.text) !== null;
}

/** "Updated March 11, 2026": the last revision's date (never the publication's). */
function revisionField(text: string): HeaderField | null {
  if (!revision(text) || text.split(/\s+/).length > MAX_DATE_ONLY_WORDS) return null;
  const date = fullDateOf(text);
  return date ? { field: 'modified', value: date } : null;
}

/** The line dates an edition, or leads in to what it dates (a quotation's source: "…, 25 December 2005:"). */
function foreignDate(text: string): boolean {
  return EDITION.test(text) || /:\s*$/.test(text);
}

/** The line dates a revision ("Updated …", "Aktualisiert am …"), unless it names the publication first. */
function revision(text: string): boolean {
  const updated = UPDATED.exec(text);
  if (!updated) return false;
  const published = PUBLISHED_WORD.exec(text);
  return !published || updated.index < published.index;
}

function fullDateOf(text: string): string | null {
  if (text.length > MAX_HEADER_LINE_CHARS) return null;
  const date = normalizeDate(text) ?? numericDate(text);
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** Footer lines give a byline or a line that says it is the publication date; other dated lines there are entries. */
function footerFields(line: Line, label: LineLabel): HeaderField[] {
  if (label.kind === 'keep' && label.block === 'byline') return bylineFields(line.text);
  if (label.kind === 'keep' && PUBLISHED_WORD.test(line.text) && line.words <= MAX_PUBLISHED_LINE_WORDS && !revision(line.text)) {
    const date = fullDateOf(line.text);
    return date ? [{ field: 'published', value: date }] : [];
  }
  return [];
}

/** What one cell is: a date, a byline, a kind label, a section, a person's name, or (when `outletFirst`) the outlet. */
function cellField(cell: string, outletFirst: boolean): HeaderField | null {
  const date = dateField(cell);
  if (date) return date;
  const kind = kindOfLabel(cell);
  if (kind) return { field: 'kind', value: kind };
  if (BYLINE_START.test(cell)) return { field: 'authors', value: cell };
  if (CITY_CAPS.test(cell) && /\p{Lu}{3}/u.test(cell)) return null; // the dateline's city
  if (!looksLikeName(cell)) return null;
  if (SECTION_WORD.test(cell)) return { field: 'section', value: cell };
  if (isPersonName(cell)) return { field: 'authors', value: cell };
  return outletFirst ? { field: 'outlet', value: cell } : null;
}

/** A date line's date, "Updated …" lines excepted (they date a revision, not the publication). */
function dateField(text: string): HeaderField | null {
  if (revision(text) || foreignDate(text) || !isDateLine(text)) return null;
  const date = normalizeDate(text) ?? numericDate(text);
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { field: 'published', value: date } : null;
}

/**
 * "10/03/2026", "10.03.2026", "10-03-2026": day first where that is the only reading (a first number above 12) and
 * in the day-first convention most of the world's pages use; month first only when the second number cannot be a month.
 */
export function numericDate(text: string): string | null {
  const m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [day, month] = b > 12 ? [b, a] : [a, b];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Byline fields: the authors, and an outlet after a comma or pipe ("By A, Harbour Gazette"). */
export function bylineFields(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  // "Name (Agency)" without "By" is a wire byline only when the name is a person's ("Czech Republic (Česky)" is a menu).
  if (!BYLINE_START.test(text) && !isPersonName(text.replace(/\s*\([^)]{0,60}\)\s*$/, '').split(/\s*[|,]\s*/)[0] ?? '')) return [];
  const parts = text.replace(/\s*\([^)]{0,60}\)\s*$/, '').split(/\s*[|,]\s*/);
  const names: string[] = [];
  // A wire in brackets ("Ana Ruiz (Meridian Wire)") is where the text came from (provenance), not the publishing outlet.
  let outlet: string | null = null;
  parts.forEach((part, n) => {
    const cleaned = n === 0 ? part : part.replace(/^(?:and|y|&)\s+/i, '');
    if (JOB_TITLE.test(cleaned)) return;
    if (n > 0 && outlet === null && !isPersonName(cleaned) && looksLikeName(cleaned)) outlet = cleaned;
    else names.push(...bylineNames(cleaned));
  });
  for (const name of names) if (/\p{L}{2}/u.test(name)) fields.push({ field: 'authors', value: name });
  if (outlet) fields.push({ field: 'outlet', value: outlet });
  return fields;
}

/** A short capitalised label that is not a sentence: a possible outlet or section name. */
function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= MAX_NAME_WORDS && /^[\p{Lu}\p{N}]/u.test(text) && !endsSentence(text) && /\p{L}{2}/u.test(text) && !/[:?]$/.test(text);
}

function isKeptProse(line: Line, label: LineLabel | undefined): boolean {
  return label?.kind === 'keep' && label.block === 'paragraph' && isProse(line);
}

function lastProse(lines: readonly Line[], labels: readonly LineLabel[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isKeptProse(lines[i] as Line, labels[i])) return i;
  return lines.length - 1;
}
