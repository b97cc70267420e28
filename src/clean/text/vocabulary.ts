import { wordTable } from '../../model/word-table.js';
/**
 * Word lists for recognising page chrome in pasted text, kept as data (trafilatura keeps its XPaths the same way).
 * They name generic web furniture that appears across thousands of sites, in English and Spanish, never a
 * particular outlet or article. Every pattern is anchored or bounded, so none can backtrack badly.
 */

/** Whole-line prompts to act rather than to read: share, subscribe, sign up, download, follow, listen, print. */
export const PROMPT_PATTERNS: readonly RegExp[] = [
  /^(share|tweet|email|print|copy link|save|comment|comments|reply|like|embed|download|donate|expand|enlarge|close|more|menu|search|home|refresh|reload|update)(\s+(this|on|via|article|story|page|link)\b.{0,40})?[:.!]?$/i,
  /^(compartir|comparte|comparta|imprimir|copiar enlace|guardar|responder|descargar|buscar|cerrar|inicio|portada|menú|actualizar|recargar)(\s+(esta|este|en)\b.{0,40})?[:.!]?$/i,
  /^(subscribe|sign up|sign in|log in|register|join|suscr[ií]bete|reg[ií]strate|inicia sesi[oó]n|hazte socio|become a (member|subscriber|sustaining member))\b.{0,80}$/i,
  /\b(newsletter|subscribe now|sign up for|get the app|download (the|our) app|follow us on|click here|tap here|in your inbox|bolet[ií]n|s[ií]guenos en|suscr[ií]bete)\b/i,
  /^(listen|play|pause|watch|replay|listen live|escuchar|escucha|reproducir|ver video)( (now|live|audio|video|this article|the story|to this story|nota|la nota|en vivo))?\s*([·|:-]\s*\d{1,2}:\d{2}(:\d{2})?)?[.:]?$/i,
  /^(loading|loading\.\.\.|please wait|cargando|like loading\.\.\.)$/i,
  /^(skip to (main )?content|skip navigation|open menu|toggle navigation|back to top|ir al contenido|volver arriba)$/i,
  /^(accept|accept all|reject|reject all|decline|customi[sz]e|manage (choices|preferences|cookies|settings)|cookie settings|aceptar|aceptar todo|rechazar|configurar|m[aá]s informaci[oó]n)$/i,
  /^(sponsor message|advertise with us|ad feedback|report an ad|anuncio)$/i,
];

/** A line announcing an ad slot. Its content (an image) is not in the paste, so it does not spread to neighbours. */
export const AD_MARKER =
  /^(advertisement|advertising|publicidad|publicit[eé]|anuncio|ad|ads|story continues below( advertisement)?|la nota contin[uú]a abajo)[:.]?$/i;

/** Sponsored-content markers: the next short line is the sponsored headline, so they do spread forward. */
export const SPONSORED_MARKER =
  /^(sponsored( content| stories| links)?|promoted( content| stories)?|paid (content|post|partner content)|partner content|contenido patrocinado|patrocinado)[:.]?$/i;

/** Cookie and consent banners: the word "cookies" beside words about the site and its use of them. */
export const COOKIE_WORD = /\bcookies?\b/i;
export const COOKIE_CONTEXT =
  /\b(we|our|use|uses|using|accept|partners|site|website|browsing|experience|utilizamos|usamos|sitio|navegando|navegaci[oó]n|aceptas?)\b/i;
export const PRIVACY_HEADER = /^(we value your privacy|your privacy( choices| settings)?|privacy settings|valoramos tu privacidad|tu privacidad)[.:]?$/i;

/** Legal and site-policy lines: terms, privacy, site map, careers, accessibility. */
export const LEGAL_TEXT =
  /\b(terms of (use|service)|privacy (policy|notice)|user agreement|cookie policy|site ?map|careers|accessibility|all quotes delayed|pol[ií]tica de (privacidad|cookies)|aviso (de privacidad|legal)|t[eé]rminos y condiciones|mapa del sitio)\b/i;

/** Reading-time and duration lines ("4 min", "Lectura: 3 min", "Reading time: 2 minutes"). */
export const READING_TIME =
  /^((reading time|read time|lectura|tiempo de lectura|time to read)\s*:?\s*)?\d{1,3}\s*(min|mins|minutes|minute|minutos|minuto)\.?(\s+(read|de lectura|lectura))?$/i;

/** Headers of "related content" blocks: what follows them is links to other stories, not this one. */
export const RELATED_HEADERS: readonly RegExp[] = [
  /^(related|related (stories|articles|content|coverage|news|links|reading|topics|galleries|videos)|more (on|about) (this|the) (topic|story|subject)|more from .{1,40}|more (stories|galleries|videos|news)|read more|read next|recommended( for you| stories)?|most (read|popular|viewed|shared)|trending( now| stories)?|you (may|might) also like|see also|further reading|top stories|latest (news|stories)|in other news|editor'?s picks|explore more( on these topics)?|what to read next|don't miss|popular now)[:.]?$/i,
  /^(m[aá]s noticias|noticias relacionadas|te puede interesar|lo m[aá]s (le[ií]do|visto)|relacionad[oa]s|lee tambi[eé]n|leer m[aá]s|ver m[aá]s|tambi[eé]n te puede interesar|temas relacionados|m[aá]s de .{1,40}|notas relacionadas)[:.]?$/i,
  // Tables of contents repeat the headings of the text below them.
  /^(contents|table of contents|in this (article|story)|on this page|jump to|[ií]ndice( de contenidos)?|contenidos?|en esta nota)[:.]?$/i,
];

/** Tag and category lines ("Tags: a, b", "Posted in X | Tagged y"). */
export const TAG_LINE = /^(tags|tagged|topics|categories|category|filed under|posted in|etiquetas|temas|categor[ií]as|archivado en)\b\s*[:|]?/i;

/** Headers that open a comment section; everything after them is readers' text or forms. */
export const COMMENT_HEADER =
  /^(\d{1,6}\s+)?(comments?|comentarios?|responses?|replies|(?:responses?|replies|comments?|thoughts?) (?:on|to)\b.{0,160}|leave a (reply|comment)|join the (conversation|discussion)|show comments|view comments|ver comentarios|deja (un|tu) comentario|comments are closed\.?|commenting is (closed|disabled).{0,40})(\s*\(\d{1,6}\))?[:.]?$/i;

/** "About the author" boxes. */
export const AUTHOR_BOX_HEADER = /^(about the (author|writer|reporter)|sobre (el|la) (autor|autora|periodista)|acerca del autor)[:.]?$/i;

/** Copyright and rights notices. */
export const COPYRIGHT = /^(©|\(c\)|copyright\b)|©\s*\d{4}|\d{4}\s*©|\ball rights reserved\b|\btodos los derechos reservados\b/i;

/**
 * Credit lines that say the article was syndicated; group 1 is the origin. The first opens a sentence ("This post
 * originally appeared on X.", "This story was first published by X."): anywhere in a line it also matched prose on the pasted pages
 * ("… a claim of £3,000 appeared in the latest round of …", a quote "… appeared in the media"), whose lines then left
 * the text as credits.
 */
export const SYNDICATION_PATTERNS: readonly RegExp[] = [
  /(?:^|[.!?]\s)\s*(?:(?:this|the) (?:article|story|report|post|piece|column) )?(?:originally |first )?(?:appeared|was (?:first |originally )?published) (?:in|on|by) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:distributed|syndicated|republished) (?:by|with permission (?:of|from)) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:reprinted|republished|reproduced) (?:with permission )?(?:from|of) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:publicado originalmente|apareci[oó] originalmente|publicado por primera vez) (?:en|por) ([^.©]{2,80}?)(?:[.,;]|$)/i,
];

/** Staff credits at the foot of wire copy ("(Reporting by …; editing by …)"). */
export const STAFF_CREDIT =
  /^\(?\s*(additional )?(reporting|writing|editing|edited|compiled|written|produced|research|fact-checking|con informaci[oó]n|reportaje|edici[oó]n|redacci[oó]n)\s+(by|de|por)\s/i;

/** Words that open a photo caption. */
export const CAPTION_START = /^(file( photo)?|pictured|above|top|left|right|archivo|foto de archivo)\s*[-—–:|]/i;

/** A line that opens with a credit word and a colon ("Photo: …", "Foto: …", "(Image: …)"). */
export const CREDIT_START =
  /^\(?\s*(photo|photos|photograph|image|images|picture|credit|credits|illustration|video|graphic|foto|fotos|fotograf[ií]a|imagen|im[aá]genes|cr[eé]dito|ilustraci[oó]n|gr[aá]fico)\s*(credit|by|de|por)?\s*[:/]/i;

/** Photo agencies and credit words that show a short line is a credit, not prose. */
export const CREDIT_WORDS =
  /\b(getty images|afp|reuters|ap photo|associated press|shutterstock|epa|efe|photo by|photograph by|courtesy of|cortes[ií]a( de)?|images|photography|fotograf[ií]a)\b/i;

/** "Photo 1 of 12", "1 of 12", "2/8": gallery counters. */
export const GALLERY_COUNTER = /^((photo|image|slide|foto|imagen)\s+)?\d{1,3}\s*(of|de|\/)\s*\d{1,3}$/i;

/** Platform lines around an embedded post ("View this post on Instagram", "A post shared by …"). */
export const EMBED_OPENER = /^(view this (post|profile|video) on \w{2,20}|ver esta publicaci[oó]n en \w{2,20}|ver este (perfil|video) en \w{2,20})$/i;
export const EMBED_CLOSER = /^(a post shared by|una publicaci[oó]n compartida (de|por)) (.{1,80})$/i;

/** Shares/likes counters ("1.2K shares", "340 comments"). */
export const SOCIAL_COUNTER = /^\d{1,4}([.,]\d{1,3})?\s*[KkMm]?\s+(shares?|likes?|comments?|views?|reads?|compartidos|comentarios|vistas)$/i;

/** Months and weekdays (English and Spanish, with common abbreviations), for telling a date line from prose. */
export const MONTH_WORDS = new Set([
  ...'january february march april may june july august september october november december'.split(' '),
  ...'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
  ...'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre'.split(' '),
  ...'ene abr ago dic'.split(' '),
]);
export const WEEKDAY_WORDS = new Set([
  ...'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(' '),
  ...'lunes martes miércoles miercoles jueves viernes sábado sabado domingo'.split(' '),
]);

/** Words that sit in date lines around the date itself ("Published … · Updated 2 hours ago", "a las 19:05 hrs"). */
export const DATE_LINE_WORDS = new Set(
  [
    'published publish posted updated update last modified on at am pm a.m. p.m. hrs hr h ago hours hour minutes minute mins min',
    'seconds day days yesterday today first',
    'gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et pt ct mt eat wat sast ist jst aest clt clst art',
    'publicado actualizado publicada actualizada el la de del a las los hace horas hora minutos minuto hoy ayer y',
  ]
    .join(' ')
    .split(' '),
);

/** Spanish month names → English, so a Spanish embed date can use the shared date normalizer. */
export const SPANISH_MONTHS: Readonly<Record<string, string>> = wordTable({
  enero: 'January',
  febrero: 'February',
  marzo: 'March',
  abril: 'April',
  mayo: 'May',
  junio: 'June',
  julio: 'July',
  agosto: 'August',
  septiembre: 'September',
  setiembre: 'September',
  octubre: 'October',
  noviembre: 'November',
  diciembre: 'December',
});
