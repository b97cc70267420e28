import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeAs } from '../../ingest/decode.js';
import { toRawSpan } from '../../model/offset-map.js';
import { repairText } from './repair.js';

/** Encodes text as UTF-8 and reads the bytes back through a single-byte code page: how mojibake is made. */
function misread(text: string, page: string, times = 1): string {
  const toChar = (byte: number) => decodeAs(new Uint8Array([byte]), page) ?? '\uFFFD';
  let out = text;
  for (let i = 0; i < times; i++) out = [...new TextEncoder().encode(out)].map(toChar).join('');
  return out;
}

/** Every repair's place holds its `to`, and the map leads back to its `from` in the input. */
function assertConsistent(input: string, options: { decodeEntities?: boolean } = {}): ReturnType<typeof repairText> {
  const result = repairText(input, options);
  for (const repair of result.repairs) {
    assert.equal(result.text.slice(repair.place.start, repair.place.end), repair.to, `place of ${repair.reason}`);
    const raw = toRawSpan(result.map, repair.place);
    assert.equal(input.slice(raw.start, raw.end), repair.from, `map of ${repair.reason}`);
  }
  return result;
}

const FAMILIES: ReadonlyArray<[string, string, string]> = [
  ['windows-1252', 'Le café du marché ouvre à huit heures, dit-elle.', 'windows-1252'],
  ['windows-1251', 'Новый мост через реку откроют весной.', 'windows-1251'],
  ['windows-1250', 'Předseda výboru řekl, že rozpočet je vyrovnaný.', 'windows-1250'],
  ['iso-8859-2', 'Łódź ogłosiła nowy plan dla dzielnicy.', 'iso-8859-2'],
  ['windows-1253', 'Η επιτροπή συνεδρίασε χθες το βράδυ.', 'windows-1253'],
  ['macintosh', 'Die Brücke über den Fluß wird geschlossen.', 'macintosh'],
];

for (const [name, clean, page] of FAMILIES) {
  test(`repairs UTF-8 read as ${name}`, () => {
    const broken = misread(clean, page);
    assert.notEqual(broken, clean);
    const result = assertConsistent(broken);
    assert.equal(result.text, clean);
    assert.ok(result.repairs.length > 0);
    assert.ok(result.repairs.every((r) => r.reason.startsWith('mojibake')));
  });
}

test('repairs text encoded twice and three times', () => {
  const clean = 'The mayor’s “new” plan — announced Tuesday — costs €4 million.';
  for (const times of [2, 3]) {
    const result = assertConsistent(misread(clean, 'windows-1252', times));
    assert.equal(result.text, clean, `${times} times`);
  }
});

test('repairs only the broken words in text that is partly right', () => {
  const input = `Their report’s title, “${misread('Résumé', 'windows-1252')} of the year”, is unchanged.`;
  const result = assertConsistent(input);
  assert.equal(result.text, 'Their report’s title, “Résumé of the year”, is unchanged.');
});

test('repairs Latin-1 C1 controls, lost bytes and flattened no-break spaces', () => {
  assert.equal(repairText('The council\u00e2\u0080\u0099s vote').text, 'The council’s vote');
  assert.equal(repairText('she said \u00e2\u20ac\u0153enough\u00e2\u20ac\uFFFD and left').text, 'she said “enough\uFFFD and left');
  assert.equal(repairText('une visite Ã  midi').text, 'une visite à midi');
  assert.equal(repairText('wait\u0085 what').text, 'wait… what');
});

test('repairs Latin-1 symbols behind a spurious "Â"', () => {
  assert.equal(repairText('Copyright Â© 2026 Harbor Ledger').text, 'Copyright © 2026 Harbor Ledger');
  assert.equal(repairText('It was 31Â°C at noon and tickets cost Â£12.').text, 'It was 31°C at noon and tickets cost £12.');
});

test('decodes HTML entities in plain text only when asked', () => {
  const input = 'Smith &amp; Sons&#8217; shop &mdash; closed &#x2014; for good';
  const result = assertConsistent(input, { decodeEntities: true });
  assert.equal(result.text, 'Smith & Sons’ shop — closed — for good');
  assert.equal(result.repairs.length, 4);
  assert.equal(repairText(input, { decodeEntities: false }).text, input);
  assert.equal(repairText('a &bogus; entity and R&D;').text, 'a &bogus; entity and R&D;');
});

test('an entity hiding mojibake is undone in both layers', () => {
  assert.equal(repairText('a dose of 10 Î&frac14;g').text, 'a dose of 10 μg');
});

test('repairs a dash lost through Windows-874 between Latin words', () => {
  const result = assertConsistent('The vote โ held at dawn โ was close.');
  assert.equal(result.text, 'The vote — held at dawn — was close.');
});

test('leaves clean text of many scripts and symbols unchanged', () => {
  const clean = [
    'Zoë’s café served a “naïve” crème brûlée… and Brontë…”',
    'NESTLÉ® and ACME™ agreed; 5×£20 = £100; √π ≈ 1.77; ∆° and 2012—∞',
    'ÀÉÎÕÜ are capitals; Ångström; São Paulo; NÃO; MÜNCHEN ÄÖÜ; HÅØYA',
    'Dvořák, Łódź, Kraków, İstanbul, Şişli, Țară, Việt Nam, Gàidhlig',
    'Москва, ВІКІ, Αθήνα, 東京, 서울, القاهرة, ירושלים, กรุงเทพ',
    '½ cup, 20°C, 3² m², ±5%, §4 ¶2, ¡Hola! ¿Qué?, «citation», ‹a›',
    '┌──┐ │ok│ └──┘ ├┤a┼┐a, `¬´ ):, ( o¬ô ), Ō¬o, ¨quoted¨',
    'NICIODATĂ\u00a0 and TRANSFORMATORIŲ™ and AHÅ™, the sofa',
  ].join('\n');
  const result = repairText(clean, { decodeEntities: true });
  assert.deepEqual(result.repairs, []);
  assert.equal(result.text, clean);
});

test('a megabyte line of "Ã" is handled in bounded time without change', () => {
  const line = 'Ã'.repeat(1_000_000);
  const result = repairText(line);
  assert.equal(result.text, line);
  // Dense mojibake across many 256-character run chunks still repairs completely.
  assert.equal(repairText('Ã©'.repeat(50_000)).text, 'é'.repeat(50_000));
});
