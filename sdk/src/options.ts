// Init options: first from the script tag's data-* attributes, then merged with phiwall('init', {...}).

export interface Options {
  writeKey?: string;
  /** Collector origin; defaults to the origin the snippet was loaded from, so one tag configures both. */
  host: string;
  requireConsent?: boolean;
  /** Path prefixes or globs (`*` one segment, `**` any depth) where nothing is collected. */
  blockedPaths: string[];
  /** First-party `pw_id` cookie; off by default so the collector assigns a pseudonymous id. */
  cookie?: boolean;
  autoPage?: boolean;
}

/**
 * data-write-key, data-host, data-require-consent, data-blocked-paths (comma- or space-separated),
 * data-cookie, data-auto-page. "false" is false and an empty attribute is true; any other value
 * stays a (truthy) string, which is all the boolean options need.
 */
export function readScriptOptions(el: HTMLScriptElement): Options {
  const o: Record<string, unknown> = { host: el.src && new URL(el.src).origin, blockedPaths: [], autoPage: true };
  const d = el.dataset;
  for (const k in d) {
    const v = d[k] as string;
    o[k] = k == 'blockedPaths' ? v.match(/[^\s,]+/g) || [] : v != 'false' && (v || true);
  }
  return o as unknown as Options;
}
