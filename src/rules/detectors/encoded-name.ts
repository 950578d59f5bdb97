import { defineDetector } from './define.js';
import type { Detection, ValueDetector } from './types.js';
import { commonWord } from './file-name.js';

const NO_BREAK_SPACES = /\u00a0/g;

// A whole name written as character references or escapes, letter by letter (`&#75;&#101;&#110;&#106;&#105;&#32;&#79;…`,
// `\u004b\u0065…`), as a page template or a contact widget hides a person's name from scrapers. Decoded, such a name
// has no cue before it (it is the whole text, or follows `Hello`); that every letter was encoded is the cue. A run of
// references spelling two to four capitalised words is read as a name (Safe Harbor A); so is one spelling one to four words
// of letters none of which a site's own titles are made of (file-name.ts commonWord), a surname alone or a name in lower case
// (`Okonkwo`, `jane whitlock`). One spelling a site's words (`Flu clinic`, `Contact us`) or a single reference in prose
// (`&#169; 2026`) stays.
const REF = '(?:&#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});|\\\\{1,4}u[0-9a-fA-F]{4}|\\\\{1,4}x[0-9a-fA-F]{2})';
// References and spaces between them: a space only before another reference (each reference is one unambiguous token).
const RUN_RE = new RegExp(`${REF}(?:${REF}|[ ](?=&#|\\\\)){5,400}`, 'g');
const ONE_REF = /&#[xX]([0-9a-fA-F]{1,6});|&#([0-9]{1,7});|\\{1,4}u([0-9a-fA-F]{4})|\\{1,4}x([0-9a-fA-F]{2})/g;
const NAME_WORDS = /^\p{Lu}[\p{Ll}'\u2019-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'\u2019-]+){1,3}$/u;
const WORDS = /^\p{L}[\p{L}'\u2019-]+(?: \p{L}[\p{L}'\u2019-]+){0,3}$/u;

/** One to four words of letters, none a site's own title word (see above). */
const uncommonWords = (spelled: string): boolean => WORDS.test(spelled) && spelled.split(' ').every((w) => !commonWord(w.toLowerCase()));

/** A reference or escape as the character it spells (an out-of-range one as a character no name has). */
function refChar(_ref: string, hexRef?: string, decRef?: string, u?: string, x?: string): string {
  const n = decRef !== undefined ? parseInt(decRef, 10) : parseInt(hexRef ?? u ?? x ?? '', 16);
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\u0000';
}

function scanEncodedNames(text: string, out: Detection[], kind: string): void {
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m !== null; m = RUN_RE.exec(text)) {
    const spelled = m[0].replace(ONE_REF, refChar).replace(NO_BREAK_SPACES, ' ');
    if (NAME_WORDS.test(spelled) || uncommonWords(spelled)) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Whether a text may hold references or escapes at all (the detector's own gate, outside the prefilter's walk). */
export const mayEncodeName = (text: string): boolean => text.indexOf('&#') >= 0 || text.indexOf('\\u') >= 0 || text.indexOf('\\x') >= 0;

export const encodedNameDetector: ValueDetector = defineDetector('person_name', '[NAME]', 'A', scanEncodedNames);
