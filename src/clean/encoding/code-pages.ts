import { decodeAs } from '../../ingest/decode.js';

/**
 * The single-byte code pages that UTF-8 text is most often misread as, each as a map from the character a byte
 * became back to the byte. Built from the platform's TextDecoder (whose WHATWG tables already map a code page's
 * undefined bytes to the C1 control of the same number, which is how such bytes survive a misreading), except
 * code page 437, which TextDecoder lacks.
 */
export interface CodePage {
  /** Name used in repair reasons. */
  name: string;
  /** Character → byte for the upper half (0x80–0xFF); ASCII maps to itself and is not stored. */
  toByte: ReadonlyMap<string, number>;
}

/** IBM code page 437 (DOS), bytes 0x80–0xFF in order: a fixed, public table. */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';

function fromDecoder(label: string): Map<string, number> {
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    // decodeAs, not TextDecoder: it corrects Node 20 reading windows-1252 as Latin-1.
    const ch = decodeAs(new Uint8Array([byte]), label) ?? '\uFFFD';
    if (ch !== '\uFFFD' && !map.has(ch)) map.set(ch, byte);
  }
  return map;
}

/** Windows-1252 with Latin-1's C1 controls too: text misread by either (or by both, in parts) re-encodes alike. */
function windows1252OrLatin1(): Map<string, number> {
  const map = fromDecoder('windows-1252');
  for (let byte = 0x80; byte <= 0x9f; byte++) {
    const ch = String.fromCharCode(byte);
    if (!map.has(ch)) map.set(ch, byte);
  }
  return map;
}

function fromTable(high: string): Map<string, number> {
  return new Map([...high].map((ch, i) => [ch, 0x80 + i]));
}

/**
 * In order of preference when two readings fix a run equally well: the Western pages first (by far the most common
 * misreading on the web), then Cyrillic, Central European, Greek, Turkish, Baltic, Mac and DOS.
 */
export const CODE_PAGES: readonly CodePage[] = [
  { name: 'windows-1252', toByte: windows1252OrLatin1() },
  { name: 'windows-1251', toByte: fromDecoder('windows-1251') },
  { name: 'windows-1250', toByte: fromDecoder('windows-1250') },
  { name: 'iso-8859-2', toByte: fromDecoder('iso-8859-2') },
  { name: 'windows-1253', toByte: fromDecoder('windows-1253') },
  { name: 'windows-1254', toByte: fromDecoder('windows-1254') },
  { name: 'windows-1257', toByte: fromDecoder('windows-1257') },
  { name: 'macintosh', toByte: fromDecoder('macintosh') },
  { name: 'cp437', toByte: fromTable(CP437_HIGH) },
];

/** The Windows-1252 character for a C1 control's byte (itself where 1252 leaves the byte undefined). */
export function cp1252Char(c1: string): string {
  return decodeAs(new Uint8Array([c1.charCodeAt(0)]), 'windows-1252') ?? c1;
}
