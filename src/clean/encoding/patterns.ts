/**
 * Character data for mojibake detection: which punctuation belongs inside or around words, which letters are too
 * rare in running text to be a plausible repair, and how scripts group. Generic Unicode facts, no text-specific
 * lists.
 */

/** Punctuation that sits inside words in ordinary text (apostrophes, hyphens, middle dot) and is never suspicious. */
export const IN_WORD_PUNCTUATION = new Set(["'", '’', '‘', '·', '‐', '‑', '-', 'ʼ']);

/** Typographic punctuation: fine around words, odd wedged between two letters (as a continuation byte would be). */
export const TYPOGRAPHIC = /^[“”„‚«»‹›•…†‡‰¡¿–—―¦§¶]$/u;

/** Punctuation that opens a clause (¡ ¿, as code points): after a letter it is out of place. */
export const OPENING_ONLY = new Set([0xa1, 0xbf]);

/**
 * Letters that almost never occur in running text but are what accented capitals followed by punctuation decode
 * to: IPA (ɮ, ɒ), Latin Extended-B outside the ranges living languages use, the long s, spacing modifier letters.
 */
export const RARE_LETTER = /^[\u0250-\u02FF\u017F\u0180-\u01CC\u01DD-\u0217\u021C-\u024F]$/u;
/** Latin Extended-B letters living languages do use (Vietnamese ơ ư, pinyin ǎ ǐ ǒ ǔ, Romanian ș ț). */
export const COMMON_EXTENDED_B = /^[ƠơƯư\u01CD-\u01DC\u0218-\u021B]$/u;

/** Box drawing and block elements: line art in their own right, noise inside words. */
export const BOX_DRAWING = /^[\u2500-\u259F]$/u;

/**
 * Script groups for "two adjacent letters from different scripts" (a Latin letter glued to a Hangul syllable is
 * a misreading, not a word). Han, kana and Hangul form one group: East Asian text mixes them.
 */
export const SCRIPT_GROUPS: ReadonlyArray<[RegExp, number]> = [
  [/\p{Script=Latin}/u, 1],
  [/\p{Script=Greek}/u, 2],
  [/\p{Script=Cyrillic}/u, 3],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u, 4],
  [/\p{Script=Hebrew}/u, 5],
  [/\p{Script=Arabic}/u, 6],
  [/\p{Script=Thai}/u, 7],
  [/\p{Script=Armenian}/u, 8],
  [/\p{Script=Devanagari}/u, 9],
  [/\p{Script=Georgian}/u, 10],
];

/**
 * Words that "à" joins with when a lost no-break space after it is restored from an ordinary space: Portuguese
 * contractions (às, àquele, àquela, àquilo…). Anywhere else the space after "à" is a real word break and stays.
 */
export const A_GRAVE_CONTRACTIONS = /^(?:s(?![\p{L}'’])|quel|quil)/u;
