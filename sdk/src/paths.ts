// Client-side blocked paths. Every pattern matches its path and everything below it, and `*` matches
// anything. That over-matches the server's glob (src/rules/glob.ts: `*` is one segment) on purpose:
// blocking more is the safe side, and the server applies the exact rules again. Case-insensitive;
// regex metacharacters are not escaped for the same reason (a `.` can only over-match).
// A hash-routed app's page is its fragment route (`/#/patient-portal/messages`, `#!/billing`):
// a pattern matches at the path's start or right after a `#` / `#!`.

export const isBlockedPath = (path: string, patterns: string[]): boolean =>
  patterns.some((g) => RegExp('(^|#!?)' + g.replace(/\/?\**$/, '').replace(/\*+/g, '.*') + '([/?#]|$)', 'i').test(path));

/**
 * The page URL without its fragment, except a fragment route (`#/…`, `#!…`): in a hash-routed
 * app that is the page (the collector blocks `/#/patient-portal/…` as it blocks the path). Other
 * fragments (anchors, `#access_token=…`) are not page views and never leave.
 */
export const here = (): string => location.href.replace(/#(?![/!]).*/, '');
