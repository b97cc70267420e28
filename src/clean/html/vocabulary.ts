/**
 * Tag sets and class/id patterns for HTML extraction, kept as data (trafilatura keeps its XPaths the same way).
 * They name generic page furniture — navigation, share bars, related links, comments — never a particular site.
 */

/** Elements with no end tag. */
export const VOID_TAGS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const P_ONLY = new Set(['p']);
const HEADINGS_OR_P = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const DD_DT = new Set(['dd', 'dt']);

/** Start tags that close the open element on top of the stack (the common implied end tags of the HTML spec). */
export const IMPLIED_CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th', 'td'])],
  ['td', new Set(['th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['p', P_ONLY],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, ReadonlySet<string>] => [h, HEADINGS_OR_P]),
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t): [string, ReadonlySet<string>] => [t, P_ONLY]),
]);

/** Inline elements: their boundaries do not separate words. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'nobr',
  'label',
]);

/** Elements whose character data is never text (scripts, styles, inert templates). */
export const SKIP_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'title', 'textarea', 'xmp', 'noembed', 'noframes']);

/** Elements that never hold article text: code, media, controls, document-head furniture. */
export const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  ...SKIP_TEXT_TAGS,
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'map',
  'button',
  'input',
  'select',
  'option',
  'dialog',
  'menu',
]);

/** Page furniture by element: navigation, asides and page-level footers. */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer']);

/** ARIA landmark roles of page furniture. */
export const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'dialog',
  'alert',
  'alertdialog',
  'toolbar',
  'tablist',
]);

/**
 * Class/id fragments of page furniture, matched anywhere in a class or id token ("article-share-bar"). Kept to
 * fragments that are not pieces of ordinary words.
 */
export const CHROME_FRAGMENTS: readonly string[] = [
  'share',
  'social',
  'related',
  'recommend',
  'newsletter',
  'subscri',
  'signup',
  'sign-up',
  'comment',
  'disqus',
  'cookie',
  'consent',
  'gdpr',
  'breadcrumb',
  'sidebar',
  'side-bar',
  'navbar',
  'navigation',
  'footer',
  'masthead',
  'promo',
  'sponsor',
  'advert',
  'outbrain',
  'taboola',
  'trending',
  'most-popular',
  'mostpopular',
  'more-stories',
  'morestories',
  'read-more',
  'readmore',
  'paywall',
  'popup',
  'pagination',
  'skip-link',
  'widget',
  'toolbar',
  'author-bio',
  'authorbio',
  'authorbox',
  'author-box',
  'author-card',
  'author-info',
  'about-the-author',
  'aboutauthor',
  'author-profile',
  'rating',
  'follow-us',
  'print-only',
  'visually-hidden',
  'sr-only',
  'screen-reader',
];

/** Class/id tokens of page furniture that only count as whole hyphen/underscore-separated words ("ad", "nav"). */
export const CHROME_WORDS: ReadonlySet<string> = new Set([
  'ad',
  'ads',
  'adv',
  'advertisement',
  'banner',
  'nav',
  'menu',
  'tags',
  'tag',
  'tagcloud',
  'keywords',
  'topics',
  'meta',
  'byline',
  'dateline',
  'timestamp',
  'date',
  'author',
  'print',
  'modal',
  'overlay',
  'hidden',
  'hide',
  'rss',
  'login',
  'header',
  'masthead',
  'copyright',
  'legal',
  'disclaimer',
  'teaser',
  'teasers',
  'caption',
  'credit',
  'credits',
  'infobox',
  'breaking',
  'video',
  'gallery',
  'slideshow',
  'carousel',
]);

/** Class/id fragments that mark the article body; they protect an element from the furniture patterns. */
export const CONTENT_FRAGMENTS: readonly string[] = [
  'article',
  'content',
  'entry',
  'post-body',
  'postbody',
  'post-content',
  'story',
  'main',
  'body',
  'text',
  'blog',
];

/** Class/id fragments that name the article body itself; an ancestor holding one is never dropped for its class. */
export const ARTICLE_BODY_FRAGMENTS: readonly string[] = [
  'articlebody',
  'article-body',
  'article_body',
  'article__body',
  'articletext',
  'article-text',
  'article-content',
  'article__content',
  'articlecontent',
  'entry-content',
  'entry-body',
  'post-content',
  'post-body',
  'postbody',
  'post-entry',
  'story-body',
  'storybody',
  'story-content',
  'story-text',
  'field-name-body',
  'content-body',
  'body-text',
];

/** Class/id fragments of figure captions and photo credits, which become embeds rather than body text. */
export const CAPTION_FRAGMENTS: readonly string[] = ['caption', 'credit', 'photo-info', 'image-info', 'img-info'];

/** Class fragments of embedded social posts (Twitter/X, Instagram, Facebook, TikTok, Bluesky, Threads). */
export const SOCIAL_EMBED_FRAGMENTS: readonly string[] = ['twitter-tweet', 'instagram-media', 'fb-post', 'tiktok-embed', 'bluesky-embed', 'text-post-media'];

/** Block-level elements that become paragraphs of the clean text, by the kind of block they make. */
export const BLOCK_KINDS: ReadonlyMap<string, 'paragraph' | 'heading' | 'list-item' | 'quote-block'> = new Map([
  ['p', 'paragraph'],
  ['h2', 'heading'],
  ['h3', 'heading'],
  ['h4', 'heading'],
  ['h5', 'heading'],
  ['h6', 'heading'],
  ['li', 'list-item'],
  ['dt', 'list-item'],
  ['dd', 'list-item'],
  ['blockquote', 'quote-block'],
  ['pre', 'paragraph'],
]);

/** Meta keys (name, property or itemprop, lower-cased) holding the publication date, most specific first. */
export const PUBLISHED_META: readonly string[] = [
  'article:published_time',
  'article:published',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'published_time',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'datecreated',
];
/**
 * Meta keys that name a date without saying which: many CMSs fill them with the page's last change, so the date
 * the page shows under its headline outranks them.
 */
export const UNSPECIFIED_DATE_META: readonly string[] = ['dc.date', 'dcterms.date', 'date', 'created'];

/** Meta keys holding the last-modified date. */
export const MODIFIED_META: readonly string[] = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'datemodified',
  'last-modified',
  'dc.date.modified',
  'dcterms.modified',
  'lastmod',
];

/** Markup hints (itemprop, class, id) of a last-modified date, which never dates publication. */
export const UPDATED_HINT = /updat|modif|edited|aktualisiert|actualiz|mis à jour|geändert/;
/** Markup hints of the publication date itself. */
export const PUBLISHED_HINT = /publish|posted|created|pubdate|erschienen|veröffentlicht/;
/** Visible labels that introduce a publication date, in the languages of `date-words.ts`. */
export const PUBLISHED_LABEL =
  /(?<!\p{L})(?:published|posted|publication date|veröffentlicht|erschienen|publiziert|datum|stand:|publié|publicado|pubblicato|gepubliceerd|opublikowano|julkaistu)(?:\s{1,3}(?:on|am|le|el|il|op|dnia))?\s{0,3}:?/u;
