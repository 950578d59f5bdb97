/**
 * WHATWG URL parses of one event's strings, shared by analysis (hosts) and projection (URL
 * sanitizing): the page URL is otherwise parsed several times per event. Per event only.
 */
export interface UrlCache {
  get(input: string): URL | null | undefined;
  set(input: string, url: URL | null): void;
}

/** `new URL(input)` without a base, through the event's cache; undefined when it throws. */
export function parseUrl(input: string, cache?: UrlCache): URL | undefined {
  let url = cache?.get(input);
  if (url === undefined) {
    try { url = new URL(input); } catch { url = null; }
    cache?.set(input, url);
  }
  return url ?? undefined;
}

/** The lower-case host of an absolute URL with a scheme (any scheme), or undefined. */
export function hostOf(url: string | undefined, cache?: UrlCache): string | undefined {
  if (!url) return undefined;
  const t = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return undefined;
  return parseUrl(t, cache)?.hostname.toLowerCase();
}
