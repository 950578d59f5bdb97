import { PERSON_PARENTS, personParent, personSlug } from '../ops/person-slug.js';
import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import type { Detection } from './types.js';

// A page path written into text (`next: /members/jane-doe-1961/claims`, `redirect=/patients/doe-jane`): the
// segment under a parent that lists people who are not staff is a person's name, as sanitize_url reads a
// link's path (ops/person-slug.ts): `/patients/new-patient-forms`, `/providers/jane-lee` and `/members/login` stay.
// A full URL is the URL detector's. The prefilter marks the `/` before such a parent (personPathAt).
const PATH_RE = /\/([A-Za-z-]{1,13})\/([A-Za-z0-9._%-]{3,80})(?=[/?#&"'\s),;]|$)/g;

// The parents by length, compared in place: the walk calls personPathAt at every `/` of every string (URLs among them).
// Their first two characters (`u/` for `/u/`) in a table: most segments (`www`, `services`) end the test there.
const BY_LENGTH: string[][] = [];
const OPENS = new Uint8Array(128 * 128);
for (const p of PERSON_PARENTS) {
  (BY_LENGTH[p.length] ??= []).push(p);
  OPENS[(p.charCodeAt(0) << 7) | (p.length > 1 ? p.charCodeAt(1) : 47)] = 1;
}

/** Whether `text` at `i` (a `/`) opens a segment naming a people's parent followed by another `/`. */
export function personPathAt(text: string, i: number): boolean {
  if (OPENS[((lower(codeAt(text, i + 1)) & 127) << 7) | (lower(codeAt(text, i + 2)) & 127)] !== 1) return false;
  let j = i + 1;
  while (j - i <= 14 && (isLetter(codeAt(text, j)) || codeAt(text, j) === 45)) j++;
  if (codeAt(text, j) !== 47) return false;
  const names = BY_LENGTH[j - i - 1];
  if (names === undefined) return false;
  for (const n of names) if (matchesAt(text, i + 1, n, true)) return true;
  return false;
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
