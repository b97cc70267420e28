import type { TimeMention } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { type ArticleStage, type StageContext, withLayers } from '../../pipeline/stage.js';
import { chooseReference, embedZones, formatReference, type ReferenceChoice } from './anchor.js';
import { detectTimes } from './detect.js';
import { toMentions } from './mentions.js';

/** Options of the `times` stage. */
export interface TimesOptions {
  /** Texts longer than this are annotated up to this length only (a message says so). */
  maxChars?: number;
  /**
   * Whether an outlet's own photo caption may date an article that has no metadata or text date (basis `embed`,
   * after the story's date). Social posts never do. Off: such articles stay undated until the story lends a date.
   */
  captionAnchor?: boolean;
}

/** The defaults: a length far above any article (a long feature is ~60 KB) that bounds work on hostile input. */
export const TIMES_DEFAULTS: Required<TimesOptions> = { maxChars: 2_000_000, captionAnchor: true };

/**
 * The `times` stage: every temporal expression with a TIMEX3 value, resolved against the article's reference date
 * (metadata, else a full date in its own text, else an outlet caption; the story linker may supply one later
 * through `reanchorTimes`). The chosen reference is recorded as an info message with its basis.
 */
export function times(options: TimesOptions = {}): ArticleStage {
  const settings = { ...TIMES_DEFAULTS, ...options };
  const maxChars = settings.maxChars;
  return {
    name: 'times',
    requires: ['sentences', 'published'],
    produces: ['times'],
    run(article: Article, ctx: StageContext) {
      if (article.text.length > maxChars) {
        ctx.message(`text longer than ${maxChars} characters: times annotated in the first ${maxChars} only`, { rule: 'truncated' });
      }
      const { mentions, choice } = annotateTimes(article, settings, null);
      if (choice.reference) {
        const place = choice.place ? { place: choice.place } : {};
        ctx.message(`reference date ${formatReference(choice.reference)} from ${choice.basis}`, {
          rule: `reference-${choice.basis}`,
          severity: 'info',
          ...place,
        });
      } else if (mentions.some((m) => m.relative && !m.inEmbed)) {
        ctx.message('no reference date: relative times keep unknown (X) parts', { rule: 'no-reference', severity: 'info' });
      }
      return withLayers(article, { times: mentions });
    },
  };
}

/**
 * Detects and resolves an article's times. `override` replaces the reference chosen from the article itself (the
 * story's date); it is used only when the article has no metadata or text date of its own.
 */
export function annotateTimes(
  article: Article,
  settings: Required<TimesOptions>,
  override: ReferenceChoice | null,
): { mentions: TimeMention[]; choice: ReferenceChoice } {
  const text = article.text.length > settings.maxChars ? article.text.slice(0, settings.maxChars) : article.text;
  const detections = detectTimes(text, article.language, layer(article, 'sentences'));
  const zones = embedZones(article);
  const own = chooseReference(article, detections, zones, settings.captionAnchor);
  const choice = override && own.basis !== 'metadata' && own.basis !== 'text' ? override : own;
  return { mentions: toMentions(text, detections, { reference: choice.reference, basis: choice.basis, embeds: zones }), choice };
}
