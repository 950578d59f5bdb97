/**
 * Compiles a path glob to a RegExp once, at plan build time. `*` is one segment's worth of
 * characters, `**` any number of segments; `/x/**` also matches `/x` itself. Globs are matched
 * against canonical (lower-case) paths, so they are lower-cased too.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().toLowerCase();
  if (!g.startsWith('/')) g = '/' + g;
  if (g.length > 1 && g.endsWith('/')) g = g.slice(0, -1);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const atEnd = i + 2 === g.length;
      if (re.endsWith('/') && atEnd) { re = re.slice(0, -1) + '(?:/.*)?'; i++; continue; }
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Hostname glob: `*` is one DNS label, `**` any number of labels. */
export function hostGlobToRegExp(glob: string): RegExp {
  const re = glob.trim().toLowerCase().split('.').map((label) => (label === '**' ? '[a-z0-9.-]+' : label === '*' ? '[a-z0-9-]+' : label.replace(/[+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[a-z0-9-]*'))).join('\\.');
  return new RegExp(`^${re}$`);
}
