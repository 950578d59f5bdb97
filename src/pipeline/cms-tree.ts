// Blind pass 45 (H232): a CMS that publishes without resource mapping shows the page under its content tree: Adobe
// Experience Manager's `/content/<site>/<language>/…` (also `/<country>/<language>/` and `language-masters`), Sitecore's
// `/sitecore/content/<site>/home/…`. The page's own path follows the tree's root, and the pack's rules that read
// from the site's root (`^/prescriptions`, `^/records`, `^/mi-cuenta`) read it there; the path is read a second time
// as that page's path (once per path and plan, remembered with its verdict). A site's own `/content/…` section with no
// language under it (`/content/health-topics/diabetes`) is not such a tree and is read as it is.
const LANGUAGE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/;
const MASTERS = new Set(['language-masters', 'language-master', 'master', 'global']);
const SITECORE_HOME = new Set(['home', 'homepage', 'home-page']);

const isLanguage = (seg: string | undefined, locales: ReadonlySet<string>): boolean =>
  seg !== undefined && (MASTERS.has(seg) || LANGUAGE.test(seg) || locales.has(seg));

/** The page's path inside a CMS content tree (`/content/acme/us/en/rx/refill` → `/rx/refill`), or undefined when the path is none. */
export function cmsPagePath(path: string, locales: ReadonlySet<string>): string | undefined {
  if (!path.startsWith('/content/') && !path.startsWith('/sitecore/content/')) return undefined;
  const segs = path.split('/');
  // segs[0] is '' (the path starts with `/`).
  if (segs[1] === 'sitecore') {
    // `/sitecore/content/<tenant>?/<site>?/home/<page>`: the page follows the first home item within three items.
    for (let i = 3; i < Math.min(segs.length - 1, 6); i++) if (SITECORE_HOME.has(segs[i])) return '/' + segs.slice(i + 1).join('/');
    return undefined;
  }
  // `/content/<site>/<language>/<page>` or `/content/<site>/<country>/<language>/<page>`: at least one language item.
  let i = 3;
  while (i < segs.length - 1 && i < 5 && isLanguage(segs[i], locales)) i++;
  return i === 3 || i >= segs.length ? undefined : '/' + segs.slice(i).join('/');
}
