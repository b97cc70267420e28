/** Function words of English and Spanish that carry no topic, for term vectors. */
const STOP = new Set(
  (
    'the a an and or but of to in on at for with by from as is are was were be been being has have had do does did not no this that these those it its he she they them his her their we you i our your will would can could should may might must shall than then there here who whom which what when where why how all any each more most other some such only own same so too very just also about after before over under into out up down off again further once said says say told new one two three mr mrs ms ' +
    'el la los las un una unos unas y o pero de del al en con por para como es son fue fueron ser ha han había se su sus que qué lo le les este esta estos estas ese esa eso mas más muy también dijo según sobre entre hasta desde cuando donde'
  ).split(' '),
);

/**
 * Topic terms of a text for story linking: names (capitalised words, kept as written so "Mexico" in English and
 * Spanish match), numbers of two or more digits, and longer lower-case content words. Language-independent anchors
 * (names, numbers) let a Spanish article join an English story.
 */
export function topicTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{M}'’-]*|\d[\d.,]*\d/gu)) {
    const word = m[0];
    let term: string | null = null;
    if (/^\d/.test(word)) term = `#${word.replace(/[.,]/g, '')}`;
    else if (/^\p{Lu}/u.test(word) && word.length >= 3 && !STOP.has(word.toLowerCase()))
      term = word
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/['’]s$/, '');
    else if (word.length >= 6 && !STOP.has(word)) term = word.toLowerCase().slice(0, 7);
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
