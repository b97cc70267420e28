/**
 * An article's URL as a link target only when it is plain http(s); anything else (`javascript:`, `data:`, relative
 * tricks) is shown as text and never becomes a link. Article metadata is hostile input like its text.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
