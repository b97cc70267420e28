import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { repairText } from '../../src/clean/encoding/repair.js';
import { decodeAs, decodeBytes } from '../../src/ingest/decode.js';
import { anyText, assertOffsetMap, assertSpans, hostileText, runs } from './arbitraries.js';

/** Text pushed through a wrong code page once or twice: the mojibake the repairer exists for. */
const mojibake = fc
  .tuple(hostileText(20), fc.constantFrom('windows-1252', 'latin1', 'windows-1251', 'macintosh'), fc.integer({ min: 1, max: 2 }))
  .map(([text, page, times]) => {
    let out = text;
    for (let i = 0; i < times; i++) out = decodeAs(Buffer.from(out, 'utf8'), page) ?? out;
    return out;
  });

/** True when the string holds no unpaired UTF-16 surrogate. */
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return false;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

test('encoding repair: never throws; the map leads into the input in order; each repair names the text it wrote', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, mojibake), fc.boolean(), (text, decodeEntities) => {
      const repaired = repairText(text, { decodeEntities });
      assertOffsetMap(repaired.map, repaired.text.length, text.length, 'repair map');
      assertSpans(
        repaired.text,
        repaired.repairs.map((r) => ({ ...r.place, text: r.to })),
        'repair',
      );
    }),
    runs(400),
  );
});

/**
 * A stretch of non-ASCII text longer than the repairer reads in one piece (256 characters) is repaired with bounded
 * work (a capped number of passes): triple-encoded text that long may need a second call. Below it, one call is final.
 */
const LONG_NON_ASCII = /[^\u0000-\u007F]{200}/;

test('encoding repair is stable: repairing repaired text changes nothing', () => {
  fc.assert(
    fc.property(
      fc.oneof(anyText, mojibake).filter((text) => !LONG_NON_ASCII.test(text)),
      (text) => {
        const once = repairText(text).text;
        assert.equal(repairText(once).text, once);
      },
    ),
    runs(400),
  );
});

test('decodeBytes: any bytes and any declared charset give well-formed text or a reason, never a throw', () => {
  const declared = fc.option(
    fc.constantFrom('utf-8', 'UTF-16', 'utf-32', 'windows-1252', 'iso-8859-2', 'shift_jis', 'bogus', '', '"koi8-r"', 'x'.repeat(300)),
    { nil: undefined },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), declared, (bytes, charset) => {
      const decoded = decodeBytes(bytes, charset);
      if ('reason' in decoded) assert.ok(decoded.reason.length > 0);
      else assert.ok(wellFormed(decoded.text), `decoded as ${decoded.charset}: lone surrogate in the text`);
    }),
    runs(500),
  );
});

test('decodeBytes: UTF-8 text round-trips exactly (no control characters, no byte-order mark)', () => {
  const printable = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\u0000-\u0008\u000E-\u001F\uFEFF]/.test(s) && s.length > 0);
  fc.assert(
    fc.property(printable, (text) => {
      const decoded = decodeBytes(Buffer.from(text, 'utf8'));
      assert.ok(!('reason' in decoded), `refused: ${'reason' in decoded ? decoded.reason : ''}`);
      assert.equal(decoded.text, text);
    }),
    runs(500),
  );
});

test('defects found: a misread Arabic or Chinese paragraph longer than 256 characters (no ASCII punctuation) was left broken', () => {
  for (const paragraph of ['قال المجلس إن الميناء سيغلق بعد الإضراب '.repeat(8), '港口工人周一罢工，工会表示谈判破裂。'.repeat(10)]) {
    const broken = decodeAs(Buffer.from(paragraph, 'utf8'), 'windows-1252') as string;
    assert.ok(broken.length > 256);
    assert.equal(repairText(broken).text, paragraph);
  }
});
