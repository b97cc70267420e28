import robotsModule from 'robots-parser';

type ParseRobots = typeof robotsModule.default;
// robots-parser's types declare an ES default export, but the package is CommonJS (`module.exports = fn`), so under
// Node's ESM the default import is the function itself; accept either shape.
const robotsParser: ParseRobots = (robotsModule as unknown as { default?: ParseRobots }).default ?? (robotsModule as unknown as ParseRobots);

/** The product token matched against `User-agent:` lines in robots.txt. */
export const ROBOTS_TOKEN = 'triangulate';

/** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; the rest may be ignored. */
export const MAX_ROBOTS_BYTES = 512 * 1024;

/** What fetching `/robots.txt` gave: its text with the HTTP status, or why it could not be had. */
export type RobotsResponse = { status: number; text: string } | { reason: string; refused?: boolean; unreachable?: boolean };

/** A verdict on one URL: allowed, or the reason it is not (refused: the host itself was refused by the guard). */
export type RobotsVerdict = true | { reason: string; refused?: boolean };

type Rules = { isAllowed(url: string, ua?: string): boolean | undefined } | 'allow-all' | { deny: string; refused?: boolean };

/**
 * robots.txt per origin, fetched once and cached for the run. robots-parser matches rules with Google's
 * linear-time algorithm (no regexes built from the file, so a hostile pattern cannot backtrack). Following RFC 9309:
 * a 4xx answer means no rules; a 5xx answer or an unreachable server means everything is disallowed.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Rules>>();

  constructor(private readonly fetchRobots: (url: URL) => Promise<RobotsResponse>) {}

  /** Whether robots.txt of the URL's origin lets this engine fetch it. */
  async check(url: URL): Promise<RobotsVerdict> {
    let rules = this.byOrigin.get(url.origin);
    if (!rules) {
      rules = this.load(url.origin);
      this.byOrigin.set(url.origin, rules);
    }
    const found = await rules;
    if (found === 'allow-all') return true;
    if ('deny' in found) return { reason: found.deny, ...(found.refused ? { refused: true } : {}) };
    return found.isAllowed(url.href, ROBOTS_TOKEN) === false ? { reason: `disallowed by ${url.origin}/robots.txt for ${ROBOTS_TOKEN}` } : true;
  }

  private async load(origin: string): Promise<Rules> {
    const robotsUrl = new URL('/robots.txt', origin);
    const response = await this.fetchRobots(robotsUrl);
    if ('reason' in response) {
      if (response.refused) return { deny: response.reason, refused: true };
      // The host itself could not be reached: say that, not what robots.txt rules imply (the page is out of reach too).
      if (response.unreachable) return { deny: response.reason };
      return { deny: `${robotsUrl.href} could not be read (${response.reason}); RFC 9309 treats that as disallowing everything` };
    }
    if (response.status >= 400 && response.status < 500) return 'allow-all';
    if (response.status >= 500) return { deny: `${robotsUrl.href} answered HTTP ${response.status}; RFC 9309 treats that as disallowing everything` };
    return robotsParser(robotsUrl.href, response.text);
  }
}
