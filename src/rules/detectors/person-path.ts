import { personParent, personSlug } from '../ops/person-slug.js';
import type { Detection } from './types.js';

// A page path written into text (`next: /members/jane-doe-1961/claims`, `redirect=/patients/doe-jane`): the
// segment under a parent that lists people who are not staff is a person's name, as sanitize_url reads a
// link's path (ops/person-slug.ts): `/patients/new-patient-forms`, `/providers/jane-lee` and `/members/login` stay.
// A full URL is the URL detector's. The prefilter marks the `/` before such a parent (personPathAt).
const PATH_RE = /\/([A-Za-z-]{1,13})\/([A-Za-z0-9._%-]{3,80})(?=[/?#&"'\s),;]|$)/g;

/** Whether `text` at `i` (a `/`) opens a segment naming a people's parent followed by another `/`. */
export function personPathAt(text: string, i: number): boolean {
  const close = text.indexOf('/', i + 2);
  return close > i + 1 && close - i <= 14 && personParent(text.slice(i + 1, close));
}

/** The person's segment of each such path in `text` (see above). */
export function scanPersonPaths(text: string, out: Detection[], kind: string): void {
  const re = PATH_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const slug = m[2] as string;
    if (personParent(m[1] as string) && personSlug(safeDecode(slug))) {
      const start = m.index + (m[1] as string).length + 2;
      out.push({ start, end: start + slug.length, kind });
    }
    re.lastIndex = m.index + 1 + (m[1] as string).length;
  }
}

function safeDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try { return decodeURIComponent(s); } catch { return s; }
}
