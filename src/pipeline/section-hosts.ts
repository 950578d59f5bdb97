// A public section on its own subdomain (blind pass 41, H210): `news.<system>.org/2024/05/new-patient-portal-launches` is
// the story `/news/2024/05/new-patient-portal-launches` is on the main host, `careers.<system>.org/search?q=nurse` the
// careers site's search and `findadoctor.<system>.org/search?specialty=…` the directory's. The pack reads those sections
// apart by their first segment (`(?<!^/(news|blog|careers|...)/.*)`, a directory's `/find-a-doctor/search`), so the page's
// own path on such a host is read under the section's name. Only the page's own path: its hosts are still checked
// (a `pay.` or `mychart.` host blocks whatever its path), and so are its routes and referrers as they are.

// The first label of a host that names a public section, and the section's path on the main host.
const SECTIONS: ReadonlyMap<string, string> = new Map([
  ...['news', 'newsroom', 'blog', 'blogs', 'stories', 'articles', 'careers', 'jobs'].map((s): [string, string] => [s, `/${s}`]),
  ['press', '/newsroom'], ['career', '/careers'], ['job', '/jobs'],
  ...['findadoctor', 'find-a-doctor', 'finddoctor', 'findaprovider', 'find-a-provider', 'doctors', 'providers', 'physicians']
    .map((s): [string, string] => [s, '/find-a-doctor']),
]);
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i;

/** The section a page host's first label names (`/news` for `news.example.org`), or undefined. */
export function sectionOfHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const dot = host.indexOf('.');
  return dot > 0 && host.indexOf('.', dot + 1) > 0 ? SECTIONS.get(host.slice(0, dot)) : undefined;
}

/** A page's path or URL on a section's host read as the section's path (`/2024/x` is `/news/2024/x`); as it is when undefined or already there. */
export function underSection(section: string, r: string | undefined): string | undefined {
  if (r === undefined || r.length === 0) return r;
  const m = ORIGIN.exec(r);
  let rest = m === null ? r : r.slice(m[0].length);
  if (rest.charCodeAt(0) !== 47) { if (m === null) return r; rest = `/${rest}`; }
  // Only the section's length and the character after it decide: the rest of a long path is not lower-cased.
  const head = rest.slice(0, section.length + 1).toLowerCase();
  if (head.startsWith(section) && (head.length === section.length || '/?#'.includes(head[section.length]))) return rest;
  return `${section}${rest}`;
}
