// Client-side blocked paths. Every pattern matches its path and everything below it, and `*` matches
// anything. That over-matches the server's glob (src/rules/glob.ts: `*` is one segment) on purpose:
// blocking more is the safe side, and the server applies the exact rules again. Case-insensitive;
// regex metacharacters are not escaped for the same reason (a `.` can only over-match).

export const isBlockedPath = (path: string, patterns: string[]): boolean =>
  patterns.some((g) => RegExp('^' + g.replace(/\/?\**$/, '').replace(/\*+/g, '.*') + '([/?#]|$)', 'i').test(path));

/** The page URL without its fragment: hash-only changes are not page views. */
export const here = (): string => location.href.split('#')[0];
