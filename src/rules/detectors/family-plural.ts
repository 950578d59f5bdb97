import { codeAt } from '../../common/code-at.js';
import { resetAt } from './scan.js';
import { nameWord } from './verb-name.js';
import { TITLE_STOP } from './name-words.js';
import type { Detection } from './types.js';

// A family named by its plural surname in prose, doing what neighbours and relatives do (Safe Harbor A: relatives and household):
// `the Garcias came by with soup`, `the Whitfields dropped off flowers`, `the Vargases stopped by`. sign-off-name.ts reads the plural
// after `from`/`for` closing a line; here the verb says they are people who came to the patient, so a plural that ends like a place's
// (`-as`) is a name too. A team's or a region's plural (`the Giants visited`, `the Rockies`, `the Philippines sent aid`) keeps its
// ending: `-ers`, `-ies`, `-ines`, `-lands`, `-ants`, `-ins` stay.
const PROSE_PLURAL_RE = /(?<![\p{L}\p{M}])[Tt]he[ ](\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30})?s)[ ]{1,3}(?:came|come|stopped|dropped|brought|sent|visited|called|drove|invited|helped|are[ ]coming|were[ ]here)(?![\p{L}])/gu;
const PROSE_PLURAL_AT = new RegExp(`^${PROSE_PLURAL_RE.source}`, 'u');
const PLURAL_END = /e?s$/;
const NOT_FAMILY_END = /(?:ers|ies|ines|lands|ants|ins|ards|ors)$/;
const HINT = /(?:came|come|stopped|dropped|brought|sent|visited|called|drove|invited|helped|coming|here)/;

/** At the `h` of a lower-case `the` before a capital (the prefilter's NAME_CUE; markers.ts hCue): whether the plural above may follow. */
export function proseFamilyAt(text: string, h: number): boolean {
  const c = codeAt(text, h + 3);
  return codeAt(text, h + 2) === 32 && c >= 65 && c <= 90 && PROSE_PLURAL_AT.test(text.slice(h - 1, h + 96));
}

/** Families' plural surnames before a visit's verb (see above). */
export function scanProseFamilies(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(PROSE_PLURAL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[1] as string;
    const stem = name.toLowerCase().replace(PLURAL_END, '');
    if (NOT_FAMILY_END.test(name) || !nameWord(stem) || TITLE_STOP.has(stem)) continue;
    const start = m.index + 4;
    out.push({ start, end: start + name.length, kind });
  }
}
