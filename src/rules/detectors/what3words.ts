import { codeAt } from '../../common/code-at.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A what3words address typed without its `///` (Safe Harbor B: it pins a 3 m square): three lower-case words joined by
// dots (`filled.count.soap`), read where a location word comes just before it (`parked at filled.count.soap`, `w3w
// crisp.lemon.tower`, `pin drop: usual.tables.bright`). Host names and file names have the same shape: a last word that is
// a top-level domain or a file extension (`northbay.health.example`, `report.final.pdf`), a `www` first, a `/`, `@` or a
// digit beside it (`v2.3.1`, `app.northbay.example/login`) keep it what it is.
// ASCII letters beside each dot (what the prefilter's mark asks first, markers.ts); accented letters inside the words.
const WORD = '[a-z\\u00df-\\u024f]{1,19}[a-z]';
const WORD_AFTER = '[a-z][a-z\\u00df-\\u024f]{1,19}';
const WORD_LAST = '[a-z\\u00df-\\u024f]{2,20}';
const BARE_W3W_RE = new RegExp(`(?<![\\p{L}\\p{N}@./:_-])${WORD}\\.${WORD_AFTER}\\.(${WORD_LAST})(?![\\p{L}\\p{N}/@_-]|\\.[\\p{L}\\p{N}])`, 'gu');
const CUE_BEFORE = /(?:(?<![\p{L}])(?:w3w|what3words|location|pin|parked|meet|address|entrance|door|pickup|pick[ -]?up|drop[ -]?off|drop|at|near|by|here)(?![\p{L}])[^\p{L}]{0,3}(?:is[ ]+)?)$/iu;
const HOST_OR_FILE_END = new Set(['com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'us', 'uk', 'ca', 'de', 'fr', 'es', 'it', 'nl', 'au',
  'in', 'info', 'biz', 'me', 'tv', 'ai', 'app', 'dev', 'health', 'care', 'clinic', 'hospital', 'example', 'test', 'local', 'localhost', 'internal',
  'html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'js', 'mjs', 'ts', 'css', 'json', 'xml', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt',
  'csv', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'zip', 'gz', 'exe', 'dmg', 'apk', 'md', 'yaml', 'yml', 'log', 'bak', 'tmp', 'ini', 'cfg',
  'conf', 'py', 'rb', 'go', 'java', 'sh', 'min', 'map', 'onion', 'mail', 'cloud', 'online', 'site', 'store', 'shop', 'xyz', 'ly', 'gl', 'ru', 'cn', 'jp']);

/** The prefilter's mark at the first dot of `word.word.word` (lower-case letters only, nothing glued before or after). */
export function bareW3wAt(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && s > i - 21 && isLower(codeAt(text, s - 1))) s--;
  if (i - s < 2 || (s > 0 && glued(codeAt(text, s - 1)))) return false;
  let j = i + 1;
  while (j < text.length && j < i + 22 && isLower(codeAt(text, j))) j++;
  if (j - i - 1 < 2 || codeAt(text, j) !== 46) return false;
  let k = j + 1;
  while (k < text.length && k < j + 22 && isLower(codeAt(text, k))) k++;
  const after = codeAt(text, k);
  return k - j - 1 >= 2 && (k === text.length || (after !== 46 && !glued(after)) || (after === 46 && !alnum(codeAt(text, k + 1))));
}

const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f);
const alnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
// What may not stand beside the address: a letter or digit (any script is read as one here), or a part of a host, path or
// version (`@`, `.`, `/`, `:`, `_`, `-`); the scan's regex asks the same or more.
const glued = (c: number): boolean => alnum(c) || c === 64 || c === 46 || c === 47 || c === 58 || c === 95 || c === 45;

/** Bare what3words addresses after a location word (see above). */
export function scanBareW3w(text: string, out: Detection[], kind: string): void {
  const re = resetAt(BARE_W3W_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].startsWith('www.') || HOST_OR_FILE_END.has(m[1])) continue;
    if (!CUE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}
