import { defineDetector } from './define.js';
import { hasDigits, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';
import { LOWER_STATES, scanWordStateLines } from './lower-last-line.js';

// ZIP+4 is distinctive enough on its own; not glued to longer digit/dash runs.
const ZIP4_RE = /(?<![0-9]|[0-9]-)[0-9]{5}-[0-9]{4}(?![0-9]|-[0-9])/g;

// A bare 5-digit number is a ZIP only with a label in front (`zip 02115`, `postal_code=02115`,
// `"zipCode":"02115"`, `my zip is 94110, thanks`); the separator run also allows URL-encoded `:`, `=`, `"` and spaces, and a
// slug's or key's `-` and `_` (`zip-10027`, `zip_02139` in a campaign value).
const LABELLED_RE =
  /(?<![A-Za-z])(?:zip(?:[ _-]?code)?|post(?:al)?[ _-]?code)(?:[\s:#="'+_-]|%3[AaDd]|%2[02]){0,6}(?:(?:is|was|of)[ ]+)?([0-9]{5}(?:[- ][0-9]{4})?)(?![0-9])/gi;

// `Boston, MA 02115`: a comma, a USPS state code or a state's name and five digits is an
// address tail; so is a state code or name right after a word (`Boston MA 02115`, `Portland Oregon
// 97209`), and a comma may
// follow the state (`Boston, MA, 02115`).
export const STATE_CODE = 'A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY]';
export const STATE_NAME =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|' +
  'Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|' +
  'New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|' +
  'South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico';
const STATE_RE = new RegExp(`(?:, ?(?:${STATE_CODE}|${STATE_NAME})|(?<=[A-Za-z.]) (?:${STATE_CODE}|${STATE_NAME})),? {1,2}([0-9]{5})(?![0-9])`, 'g');

// The same typed in lower case (`fresno, ca 93722`, `walnut creek ca 94597`): only the codes that are no English word (`in 12000`).
const LOWER_STATE_RE = new RegExp(`(?:, ?|(?<=[a-z]) )(?:${LOWER_STATES}),? {1,2}([0-9]{5})(?![0-9])`, 'g');

const CONTEXT_RES: readonly RegExp[] = [LABELLED_RE, STATE_RE, LOWER_STATE_RE];

// What a visitor types into a locator or a site search (README "B geography", the store-locator policy): five digits after
// a place word (`urgent care near 60614`, `pharmacy close to 59012`, `within 10 miles of 02301`), or closing a short search of
// words alone (`dermatologist 02301`, `mri open saturday 03601`). Generalised as a whole ZIP value is: its ZIP-3 stays (000
// for the restricted prefixes), so the search keeps its region. A count after `in` (`in 12000 patients`) and a code after
// its name (`cpt 99213`, `claim 55102`) are not ZIPs.
const NEAR_ZIP_RE = /(?<![A-Za-z])(?:near(?:by)?|around|close[ +]to|in|within[ +][0-9]{1,3}[ +]?(?:mi|miles?|km)[ +]of)[ +]{1,2}([0-9]{5})(?![0-9]|[.,][0-9]|[ +]*(?:patients|people|members|visits|users|cases|steps|dollars|usd|units|mg|ml)(?![A-Za-z]))/gi;
const SEARCH_ZIP_RE = /^[ ]*(?!(?:cpt|code|icd|hcpcs|ndc|order|invoice|claim|ref|case|ticket|item|sku|part|model|room|ext)[ +])[A-Za-z][A-Za-z'&-]*(?:[ +][A-Za-z][A-Za-z'&-]*){0,5}[ +]{1,2}([0-9]{5})[ ]*$/i;

// A ZIP said as the area someone is in or asks about (`a good pcp in the 94611 area`, `97214 area`): generalised the same way.
const AREA_ZIP_RE = /(?<![0-9A-Za-z$€£.,-])([0-9]{5})[ +]{1,2}area(?![A-Za-z])/gi;
const AREA_WORD = /area/i;

function overlapsFrom(out: Detection[], from: number, start: number, end: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i].start < end && start < out[i].end) return true;
  return false;
}

/** Start of a value that is five digits and nothing else (whitespace aside), or -1. */
function wholeZip(text: string): number {
  if (text.length > 9) return -1;
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (e - s !== 5) return -1;
  for (let i = s; i < e; i++) if (!isDigit(text.charCodeAt(i))) return -1;
  return s;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 5)) return;
  // A value that is exactly five digits, under a name that says nothing (`loc`, `area`, a
  // list item): most often a ZIP. Safe Harbor lets its 3-digit prefix stay (restricted
  // prefixes become 000), so it is generalised rather than dropped; in running text a 5-digit
  // number is too often a count or an amount, so there it still needs a label or a state.
  const whole = wholeZip(text);
  if (whole >= 0) {
    out.push({ start: whole, end: whole + 5, kind, generalize: true });
    return;
  }
  const mark = out.length;
  let m: RegExpExecArray | null;
  if (text.indexOf('-') >= 0) {
    const re = resetAt(ZIP4_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  for (const re of CONTEXT_RES) {
    resetAt(re, 0);
    while ((m = re.exec(text)) !== null) {
      // The code is the last capture and ends the match.
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      if (!overlapsFrom(out, mark, start, end)) out.push({ start, end, kind });
    }
  }
  // `…, chicago il 60607`, `boise, id 83702`: a state code that is also a word, on an address's last line (lower-last-line.ts).
  scanWordStateLines(text, (_c, _e, start, end) => { if (!overlapsFrom(out, mark, start, end)) out.push({ start, end, kind }); });
  scanSearchZips(text, out, kind, mark);
  if (AREA_WORD.test(text)) scanAreaZips(text, out, kind, mark);
}

/** ZIPs before `area` (AREA_ZIP_RE), generalised to their ZIP-3. */
function scanAreaZips(text: string, out: Detection[], kind: string, mark: number): void {
  const re = resetAt(AREA_ZIP_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!overlapsFrom(out, mark, m.index, m.index + 5)) out.push({ start: m.index, end: m.index + 5, kind, generalize: true });
  }
}

/** ZIPs typed into a search or a locator (NEAR_ZIP_RE, SEARCH_ZIP_RE), generalised to their ZIP-3. */
function scanSearchZips(text: string, out: Detection[], kind: string, mark: number): void {
  if (!spacedFive(text)) return;
  const whole = text.length <= 64 ? SEARCH_ZIP_RE.exec(text) : null;
  if (whole !== null) {
    const end = text.length - (whole[0].length - whole[0].trimEnd().length);
    if (!overlapsFrom(out, mark, end - 5, end)) out.push({ start: end - 5, end, kind, generalize: true });
    return;
  }
  const re = resetAt(NEAR_ZIP_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (!overlapsFrom(out, mark, end - 5, end)) out.push({ start: end - 5, end, kind, generalize: true });
  }
}

/** Whether the text has five digits and no more after a space or `+` (what both search patterns end in): one pass, no regex. */
function spacedFive(text: string): boolean {
  for (let i = 1; i + 5 <= text.length; i++) {
    const b = text.charCodeAt(i - 1);
    if ((b !== 32 && b !== 43) || !isDigit(text.charCodeAt(i))) continue;
    let j = i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (j - i === 5) return true;
    i = j;
  }
  return false;
}

/** ZIP codes (B): ZIP+4 anywhere; 5-digit ZIPs after a label or a state code, or as a whole value (generalised to ZIP-3). */
export const zipDetector = defineDetector('zip', '[ZIP]', 'B', scan);
