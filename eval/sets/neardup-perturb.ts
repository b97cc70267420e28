/**
 * Perturbations that turn one article into the copies a news reader meets: another site's page chrome around it,
 * a paragraph cut, paragraphs moved, typos, the ending trimmed. The chrome lines are generic, written here.
 */

export const PERTURBATIONS = ['chrome', 'drop', 'reorder', 'typos', 'trim', 'all'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

const CHROME_HEAD = [
  'Skip to main content',
  'Sign in | Subscribe',
  'Home › World › Politics',
  'Listen to this article 0:00',
  'Advertisement',
  'Updated 2 hours ago',
  'Share on Facebook Share on X Email',
];
const CHROME_FOOT = [
  'Related stories',
  'Most read this week',
  'Sign up for our morning newsletter',
  'Comments are closed for this article.',
  '© 2024 Example Media Group. All rights reserved.',
  'Terms of use | Privacy policy | Contact us',
  'Advertisement',
];

/** One perturbed copy of `text`. */
export function perturb(text: string, kind: Perturbation, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  let paragraphs = text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '');
  const all = kind === 'all';
  if ((kind === 'drop' || all) && paragraphs.length >= 4) paragraphs.splice(Math.floor(random() * paragraphs.length), 1);
  if ((kind === 'reorder' || all) && paragraphs.length >= 2) {
    const i = Math.floor(random() * paragraphs.length);
    const j = Math.floor(random() * paragraphs.length);
    [paragraphs[i], paragraphs[j]] = [paragraphs[j] as string, paragraphs[i] as string];
  }
  if (kind === 'typos' || all) paragraphs = paragraphs.map((p) => p.replace(/\p{L}{4,}/gu, (w) => (random() < 0.03 ? typo(w, random) : w)));
  let body = paragraphs.join('\n\n');
  if (kind === 'trim' || all) body = body.slice(0, Math.floor(body.length * (0.6 + random() * 0.2))).replace(/\s\S*$/, '');
  if (kind === 'chrome' || all) {
    const head = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(CHROME_HEAD));
    const foot = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(CHROME_FOOT));
    body = `${head.join('\n')}\n${body}\n${foot.join('\n')}`;
  }
  return body;
}

function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5 ? `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}` : `${word.slice(0, i)}${word.slice(i + 1)}`;
}

/**
 * Commentary a rewriting outlet adds between the facts it takes over: generic sentences, written here, that carry
 * no fact of the original.
 */
const COMMENTARY = [
  'The development marks a significant moment for everyone involved.',
  'Observers say the coming weeks will show how much has really changed.',
  'The move underscores a broader shift that has been building for some time.',
  'Critics and supporters alike are watching closely what happens next.',
  'It remains to be seen how the decision will play out in practice.',
  'The episode highlights the challenges facing those in charge.',
];

/** Share of sentences a rewrite leaves out, and of sentences it follows with commentary. */
const REWORD_DROP = 0.3;
const REWORD_COMMENT = 0.5;
/** How much of the wording a rewrite changes: the share of longer words swapped, light to heavy. */
export const REWORD_RATES = [0.3, 0.45, 0.6] as const;

/**
 * An outlet's rewrite of `text`: a third of its sentences left out, a share (`rate`) of the longer words of the rest
 * swapped for other words of the text (the rewording), commentary added between them, the order kept. At the heavier
 * rates few five-word runs survive, so copy detection misses it; what is left is the original's sentences, reworded,
 * in order.
 */
export function reword(text: string, rate: number, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  const paragraphs = text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '');
  return paragraphs
    .map((p) =>
      (p.match(/[^.!?]{1,2000}[.!?]{0,3}/gu) ?? [])
        .filter(() => random() >= REWORD_DROP)
        .map((s) => {
          const said = s.trim().replace(/\p{L}{4,}/gu, (w) => (words.length > 0 && random() < rate ? pick(words) : w));
          return random() < REWORD_COMMENT ? `${said} ${pick(COMMENTARY)}` : said;
        })
        .join(' '),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
