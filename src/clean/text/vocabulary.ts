/**
 * Word lists for recognising page chrome in pasted text, kept as data (trafilatura keeps its XPaths the same way).
 * They name generic web furniture that appears across thousands of sites, never a particular outlet or article.
 */

/** Whole-line prompts to act rather than to read: share, subscribe, sign up, download, follow. */
export const PROMPT_PATTERNS: readonly RegExp[] = [
  /^(share|tweet|email|print|copy link|save|comment|comments)(\s+(this|on|via)\b.*)?[:.!]?$/i,
  /^(subscribe|sign up|sign in|log in|register|join)\b.{0,80}$/i,
  /\b(newsletter|subscribe now|sign up for|get the app|download the app|follow us on|click here|tap here)\b/i,
  /^(advertisement|advertising|sponsored( content)?|paid content|promoted|ad)$/i,
  /^(skip to (main )?content|skip navigation|menu|search|close|open menu|toggle navigation|back to top)$/i,
  /^(listen|play|pause|watch|replay)( (now|live|audio|video|this article|the story|to this story))?[.:]?$/i,
  /^(cookie|cookies)\b.{0,120}$/i,
  /^(loading|loading\.\.\.|please wait)$/i,
];

/** Headers of "related content" blocks: what follows them is links to other stories, not this one. */
export const RELATED_HEADERS: readonly RegExp[] = [
  /^(related|related (stories|articles|content|coverage|news|links|reading|topics)|more (on|about) (this|the) (topic|story|subject)|more from .{1,40}|more stories|read more|read next|recommended( for you| stories)?|most (read|popular|viewed)|trending( now)?|you (may|might) also like|see also|further reading|top stories|latest (news|stories)|in other news|editor'?s picks)[:.]?$/i,
  /^(más noticias|noticias relacionadas|te puede interesar|lo más leído|relacionad[oa]s|lee también|leer más|ver más)[:.]?$/i,
];

/** Copyright and rights notices. */
export const COPYRIGHT = /^(©|\(c\)|copyright\b)|\ball rights reserved\b|\btodos los derechos reservados\b/i;

/** Credit lines that say the article was syndicated; group 1 (or 2) is the origin. */
export const SYNDICATION_PATTERNS: readonly RegExp[] = [
  /\b(?:this (?:article|story|report) )?(?:originally )?(?:appeared|was (?:first )?published|first appeared|was originally published) (?:in|on|by) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:distributed|syndicated|republished) (?:by|with permission (?:of|from)) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:reprinted|republished|reproduced) (?:with permission )?(?:from|of) ([^.©]{2,80}?)(?:[.,;]|\s+©|$)/i,
  /\b(?:publicado originalmente|apareció originalmente) (?:en|por) ([^.©]{2,80}?)(?:[.,;]|$)/i,
];

/** Words that open a photo caption or credit. */
export const CAPTION_START = /^(file( photo)?|photo|pictured|above|top|left|right|foto|archivo)\s*[-—–:|]/i;

/** Photo agencies and credit words that show a line is a credit, not prose. */
export const CREDIT_WORDS =
  /\b(getty images|afp|reuters|ap photo|associated press|shutterstock|epa|efe|photo by|photograph by|image:|credit:|courtesy of|foto:|imagen:)\b/i;
