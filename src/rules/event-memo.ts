import type { UrlCache, ParsedUrl } from './url-parts.js';

/**
 * Detectors and URL sanitizing are pure functions of the string, so one event's strings are
 * scanned once rather than once per destination (the bench profile's largest engine cost).
 * Per event, never across events: nothing outlives the request.
 */
export interface StringFacts {
  scan: { text: string; kinds: readonly string[] } | undefined;
  /** sanitize_url's result; `urlDone` tells a computed undefined from not computed. */
  url: string | undefined;
  urlDone: boolean;
  /** Whether the string names a condition or treatment (the sensitive-terms test). */
  health: boolean | undefined;
  /** Parsed URL, shared with analysis (see url-parts); null when it does not parse. */
  parsed: ParsedUrl | null | undefined;
  /** The string's query split at each `&` (url-parts.ts UrlCache.partsOf). */
  queryParts: readonly string[] | undefined;
}

/** One map of facts per distinct string of the event (one allocation, not one map per kind). */
export class EventMemo implements UrlCache {
  private readonly facts = new Map<string, StringFacts>();

  of(s: string): StringFacts {
    let f = this.facts.get(s);
    if (f === undefined) {
      f = { scan: undefined, url: undefined, urlDone: false, health: undefined, parsed: undefined, queryParts: undefined };
      this.facts.set(s, f);
    }
    return f;
  }

  get(s: string): ParsedUrl | null | undefined {
    return this.facts.get(s)?.parsed;
  }

  set(s: string, url: ParsedUrl | null): void {
    this.of(s).parsed = url;
  }

  partsOf(s: string): readonly string[] | undefined {
    return this.facts.get(s)?.queryParts;
  }

  keepParts(s: string, parts: readonly string[]): void {
    this.of(s).queryParts = parts;
  }
}

export function newEventMemo(): EventMemo {
  return new EventMemo();
}
