// Where the words of a field name begin, from how the key was written: `waiting_period`, `timeInterval`,
// `adobe-rsid`, `Business Number`. Normalizing joins them (`waitingperiod`), and a pack's short needle then
// matched inside an unrelated word: `itin` (an ITIN) in `waiting`/`visiting`/`editing`, `imei` in `time_in_app`,
// `dob` in `adobe_rsid`, `ssn` in `business_number`, `mbi` in `combined_score`, each dropping a clean value.

/**
 * For a key of ASCII letters and digits in several words (separators, camelCase, letters beside digits), a mask
 * over its normalized name: `mask[i]` is 1 where a word begins at `i` (and at the end). Null when the key is one
 * run of letters or holds other characters: there its words cannot be told apart, and every needle still matches.
 */
export function wordStarts(key: string, normLength: number): Uint8Array | null {
  const mask = new Uint8Array(normLength + 1);
  let n = 0, inner = false, prev = 0; // prev: 0 separator, 1 lower, 2 upper, 3 digit
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) return null;
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (kind === 0) { prev = 0; continue; }
    const next = key.charCodeAt(i + 1);
    const nextLower = next >= 97 && next <= 122;
    const starts = prev === 0 || (kind === 3) !== (prev === 3) || (kind === 2 && (prev === 1 || (prev === 2 && nextLower)));
    if (starts && n > 0) { mask[n] = 1; inner = true; }
    prev = kind;
    n++;
  }
  if (!inner || n !== normLength) return null;
  mask[0] = 1;
  mask[n] = 1;
  return mask;
}

// The last letters of the words a short needle hides in: waiting, visiting, editing (`g`), adobe, zombie (`e`), combined
// (`ned`), ambient (`ent`), primeiro (`ro`)...
const WORD_ENDINGS: ReadonlySet<string> = new Set(['g', 'ng', 'e', 'ed', 'ned', 'ent', 'ents', 'er', 'ers', 'ro', 'ra', 'y', 'ie', 'ies', 'ation']);

/**
 * Whether `needle` occurs in `name` as a word part (or anywhere, without a mask): beginning or ending a word
 * (`spouse_ssn`, `patientDob`, `patientdob_v2`), or inside one before anything but the last letters of a word it is
 * part of (`my_userssnlast4`, `home_cellphoneno`, `kids_firstnames`: a compound joined without a separator). Not
 * before a word's own ending (`wait-ing`, `ado-be`, `combi-ned`, `primei-ro`) nor across two words without
 * beginning or ending either (`time_in_app`, `business_number`).
 */
export function containsAsWordPart(name: string, needle: string, mask: Uint8Array | null): boolean {
  let at = name.indexOf(needle);
  if (mask === null || at < 0) return at >= 0;
  while (at >= 0) {
    const end = at + needle.length;
    if (mask[at] === 1 || mask[end] === 1) return true;
    let wordEnd = at + 1;
    while (mask[wordEnd] !== 1) wordEnd++;
    if (wordEnd > end && !WORD_ENDINGS.has(name.slice(end, wordEnd))) return true;
    at = name.indexOf(needle, at + 1);
  }
  return false;
}
