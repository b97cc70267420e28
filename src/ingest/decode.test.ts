import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Decoded, decodeAs, decodeBytes, normalizeLabel } from './decode.js';

/** Encodes text in a single-byte charset by inverting its decoder (test helper; the engine never encodes). */
function encode(text: string, charset: string): Uint8Array {
  const toByte = new Map<string, number>();
  for (let b = 0; b < 256; b++) toByte.set(decodeAs(new Uint8Array([b]), charset) as string, b);
  return new Uint8Array(
    [...text].map((ch) => {
      const byte = toByte.get(ch);
      if (byte === undefined) throw new Error(`${ch} not in ${charset}`);
      return byte;
    }),
  );
}

function decoded(bytes: Uint8Array, declared?: string): Decoded {
  const result = decodeBytes(bytes, declared);
  assert.ok(!('reason' in result), 'reason' in result ? result.reason : '');
  return result;
}

const RUSSIAN =
  'Городской совет утвердил новый бюджет на следующий год. Депутаты обсуждали расходы на транспорт, школы и ремонт дорог почти четыре часа, после чего большинство проголосовало за проект.';
const UTF8 = new TextEncoder();

test('a byte-order mark decides UTF-8, UTF-16 and UTF-32', () => {
  const text = 'Zoë said “hello” — 東京';
  assert.equal(decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...UTF8.encode(text)])).text, text);
  const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
  assert.equal(decoded(le).charset, 'utf-16le');
  assert.equal(decoded(le).text, text);
  const utf32 = new Uint8Array(4 + text.length * 4);
  const view = new DataView(utf32.buffer);
  view.setUint32(0, 0xfeff, false);
  for (const [i, ch] of [...text].entries()) view.setUint32(4 + i * 4, ch.codePointAt(0) as number, false);
  const got = decoded(utf32.subarray(0, 4 + [...text].length * 4));
  assert.equal(got.charset, 'utf-32be');
  assert.equal(got.text, text);
});

test('UTF-16 without a byte-order mark is told by its zero bytes', () => {
  const text = 'Plain English text in UTF-16, little-endian, with no byte-order mark at all.';
  const bytes = new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer);
  const got = decoded(bytes);
  assert.equal(got.charset, 'utf-16le');
  assert.equal(got.text, text);
});

test('<meta charset> and the XML declaration are honoured', () => {
  const html = `<html><head><meta charset="windows-1251"><title>t</title></head><body><p>${RUSSIAN}</p></body></html>`;
  const got = decoded(encode(html, 'windows-1251'));
  assert.equal(got.charset, 'windows-1251');
  assert.ok(got.text.includes(RUSSIAN));
  const httpEquiv = `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>${RUSSIAN}</p>`;
  assert.equal(decoded(encode(httpEquiv, 'koi8-r')).charset, 'koi8-r');
  const xml = `<?xml version="1.0" encoding="ISO-8859-5"?><rss><item>${RUSSIAN}</item></rss>`;
  const fromXml = decoded(encode(xml, 'iso-8859-5'));
  assert.equal(fromXml.charset, 'iso-8859-5');
  assert.ok(fromXml.text.includes(RUSSIAN));
});

test('a declared legacy charset loses to bytes that are valid UTF-8', () => {
  const html = '<meta charset="iso-8859-1"><p>Café crème, naïve façade</p>';
  const got = decoded(UTF8.encode(html));
  assert.equal(got.charset, 'utf-8');
  assert.ok(got.text.includes('Café crème'));
  assert.ok(got.messages.some((m) => m.ruleId === 'decode:declared-but-utf8'));
  assert.equal(decoded(UTF8.encode('Café crème'), 'windows-1252').charset, 'utf-8');
});

test('windows-1252 bytes 0x80–0x9F are curly quotes and dashes, not C1 controls', () => {
  const bytes = encode('He said “no” — twice… and left.', 'windows-1252');
  assert.deepEqual([...bytes.subarray(8, 9)], [0x93]);
  assert.equal(decoded(bytes, 'windows-1252').text, 'He said “no” — twice… and left.');
});

test('undeclared legacy bytes are detected from byte statistics', () => {
  const got = decoded(encode(RUSSIAN, 'windows-1251'));
  assert.equal(got.charset, 'windows-1251');
  assert.equal(got.text, RUSSIAN);
  assert.ok(got.messages.some((m) => m.ruleId === 'decode:detected'));
});

test('UTF-8 with a few stray Windows-1252 bytes keeps its UTF-8 and reads the strays', () => {
  const good = UTF8.encode('Zoë’s café — naïve, déjà vu, São Paulo, Ærø, Øresund, Dvořák; ');
  const bytes = new Uint8Array([...good, ...good, 0x93, ...UTF8.encode('quoted'), 0x94]);
  const got = decoded(bytes);
  assert.equal(got.charset, 'utf-8');
  assert.ok(got.text.endsWith('“quoted”'));
  assert.ok(got.messages.some((m) => m.ruleId === 'decode:mixed-utf8'));
});

test('ISO-2022-JP is recognised by its escape sequences', () => {
  const bytes = new Uint8Array([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]);
  const got = decoded(bytes);
  assert.equal(got.charset, 'iso-2022-jp');
  assert.equal(got.text, '日本');
});

test('binary data and empty input are refused with a reason', () => {
  assert.ok('reason' in decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03])));
  assert.ok('reason' in decodeBytes(new Uint8Array(0)));
});

test('labels from declarations and detectors map to decoders', () => {
  assert.equal(normalizeLabel('CP932'), 'shift_jis');
  assert.equal(normalizeLabel('MacCyrillic'), 'x-mac-cyrillic');
  assert.equal(normalizeLabel('"ISO8859-5"'), 'iso-8859-5');
  assert.equal(normalizeLabel('utf-16-le'), 'utf-16le');
  assert.equal(normalizeLabel('UTF-32'), 'utf-32le');
  assert.equal(normalizeLabel('no-such-charset'), null);
});
