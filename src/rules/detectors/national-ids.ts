import { chinaIdValid, hkidValid, nricValid, ppsnValid, rutValid } from './checksums.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// National numbers of international patients as they type them (Safe Harbor R), read by labelled-id.ts's scan.
// Shapes that carry a check are read without a label: a Chilean RUT in its dotted form (`12.345.678-5`, mod 11, `K`
// for 10), an Irish PPSN (`1234567T`, `7654321PA`, mod 23). A UK National Insurance number is read by its shape: two
// letters, three pairs of digits and A-D, spaced as printed or not (`AB 12 34 56 C`, `JG103759A`), with a prefix HMRC
// issues (not D, F, I, Q, U, V first; not D, F, I, O, Q, U, V second; not BG, GB, KN, NK, NT, TN, ZZ), or with any
// letters after a NI label (`my NI number is QQ 12 34 56 C`). Numbers with no check (an Argentine DNI, a Colombian or
// Uruguayan cédula) are read after their labels, through the words people put between (`DNI N° 27.845.119`, `mi cédula
// es 52.318.774`, `C.C. 1.023.456.789`, `CI 4.567.890-1`); `rut`/`run` are English words too, so there the value needs
// its check (`RUN 7.654.321-6`), and `pps` alone is a rate (`pps 100000`): a PPSN's label is `PPSN` or `PPS number`.
const RUT_RE = /(?<![0-9.])([0-9]{1,2}\.[0-9]{3}\.[0-9]{3})-([0-9Kk])(?![A-Za-z0-9])/g;
const PPSN_RE = /(?<![A-Za-z0-9])[0-9]{7}[A-Wa-w][A-IWa-iw]?(?![A-Za-z0-9])/g;
const NINO_RE = /(?<![A-Za-z0-9])([A-Z]{2}) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?![A-Za-z0-9])/g;
const NINO_LABEL_BEFORE = /(?:nino|\bni|national insurance)(?:[^A-Za-z0-9]{1,3}(?:number|no|num|is|my)){0,3}[^A-Za-z0-9]{1,3}$/i;
const NINO_FIRST_NOT = 'DFIQUV';
const NINO_SECOND_NOT = 'DFIOQUV';
const NINO_PREFIX_NOT = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

const LABEL =
  'dni|c[ée]dula(?:[ ]de[ ](?:ciudadan[íi]a|identidad|extranjer[íi]a))?|c\\.[ ]?c\\.|c\\.[ ]?i\\.|rut|run|cuil|cuit|' +
  'documento(?:[ ]de[ ]identidad|[ ]nacional)?|n[úu]mero[ ]de[ ]documento|ppsn|pps[ ]?(?:number|no)|ci';
// Between label and number: `:`, `#`, `N°`, `nro.`, `número`, `is`, `es`, `é` (up to three of them).
const FILLER = '(?:[ \\t]*(?:[:#=]|n[°º]|nro\\.?|no\\.|n[úu]mero|is|es|é|est|ist)){0,3}[ \\t]*';
const VALUE = '((?:[VvEe]-?)?[0-9]{1,3}(?:\\.[0-9]{3}){2,3}(?:-[0-9Kk])?|[0-9]{6,12}(?:-[0-9Kk])?|[0-9]{2}-[0-9]{8}-[0-9])';
const LABELLED_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${LABEL})${FILLER}${VALUE}(?![\\p{L}\\p{N}])`, 'giu');
const HINT = /dni|c[ée]dula|c\. ?[ci]\.|ru[nt]|cui[lt]|documento|pps|ci/i;
const CHECK_ONLY = /^ru[nt]$/i;
// A Venezuelan cédula names its holder's status before the digits (`V-12.345.678`, `E-8.123.456`): read without a label.
const VENEZUELA_RE = /(?<![A-Za-z0-9])[VE]-[0-9]{1,2}\.[0-9]{3}\.[0-9]{3}(?![0-9.])/g;
// A passport's number after one word or a bracketed country between label and number (`pasaporte mexicano G12345678`,
// `passport (USA): 548192736`): the number is 6-10 capitals and digits, five digits at least (`passport renewal 2026` stays).
const PASSPORT_AFTER_WORD_RE = new RegExp('(?<![\\p{L}])(?:passport|pasaporte|passaporte|passeport|passaporto|reisepass)' +
  '(?:[ ](?:number|no\\.?|n[°º]|#))?[ ](?:\\p{Ll}{3,14}|\\([A-Za-z ]{2,20}\\))[ ]?[:#]?[ ]{0,2}' +
  '((?=(?:[A-Z]*[0-9]){5})[A-Z0-9]{6,10})(?![\\p{L}\\p{N}])', 'giu');
const PASSPORT_HINT = /pas[sa]|reisepass/i;
// China's resident id whose check is `X` (`11010519491231002X`): long_number takes the 17 digits and would leave the `X`.
const CHINA_X_RE = /(?<![A-Za-z0-9])[0-9]{17}[Xx](?![A-Za-z0-9])/g;

// Singapore's NRIC or FIN (`S1234567D`, `G1234567X`) and Hong Kong's identity card number with its check in brackets
// (`A123456(3)`, `AB987654(A)`) are read by their checks; an HKID printed without brackets only after its label (`HKID A1234563`).
const NRIC_RE = /(?<![A-Za-z0-9])[STFGstfg][0-9]{7}[A-Za-z](?![A-Za-z0-9])/g;
const HKID_RE = /(?<![A-Za-z0-9])([A-Za-z]{1,2})([0-9]{6})(?:\(([0-9Aa])\)|([0-9Aa]))(?![A-Za-z0-9])/g;
const HKID_LABEL_BEFORE = /(?:hkid|hong[ ]kong[ ]id(?:entity)?(?:[ ]card)?|身份證)(?:[^A-Za-z0-9]{1,3}(?:number|no|num|is|my)){0,3}[^A-Za-z0-9]{0,3}$/i;

function scanAll(re: RegExp, text: string, out: Detection[], kind: string): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const value = m[1] ?? m[0];
    out.push({ start: m.index + m[0].length - value.length, end: m.index + m[0].length, kind });
  }
}

/** Every whole match of `re` in `text` that `holds` (a check, a label before it). */
function scanChecked(re: RegExp, text: string, out: Detection[], kind: string, holds: (text: string, m: RegExpExecArray) => boolean): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) if (holds(text, m)) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

const rutHolds = (_text: string, m: RegExpExecArray): boolean => rutValid(m[1] as string, m[2] as string);
const ppsnHolds = (_text: string, m: RegExpExecArray): boolean => ppsnValid(m[0]);
const chinaXHolds = (_text: string, m: RegExpExecArray): boolean => chinaIdValid(m[0]);
const nricHolds = (_text: string, m: RegExpExecArray): boolean => nricValid(m[0]);

/** A NINO's prefix as HMRC issues them. */
function ninoPrefixIssued(p: string): boolean {
  return !NINO_FIRST_NOT.includes(p[0] as string) && !NINO_SECOND_NOT.includes(p[1] as string) && !NINO_PREFIX_NOT.has(p);
}

/** A NINO after its label, or with a prefix HMRC issues. */
function ninoHolds(text: string, m: RegExpExecArray): boolean {
  return NINO_LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) || ninoPrefixIssued(m[1] as string);
}

/** An HKID with its check in brackets, or after its label; and its check holds. */
function hkidHolds(text: string, m: RegExpExecArray): boolean {
  if (m[3] === undefined && !HKID_LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) return false;
  return hkidValid(m[1] as string, m[2] as string, (m[3] ?? m[4]) as string);
}

function scanLabelled(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(LABELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const value = m[2] as string;
    if (CHECK_ONLY.test(m[1] as string) && !(value.includes('-') && rutValid(value.slice(0, -2), value.slice(-1)))) continue;
    out.push({ start: m.index + m[0].length - value.length, end: m.index + m[0].length, kind });
  }
}

/** The national numbers above in `text`: each has six digits at least. */
export function scanNationalIds(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 6)) return;
  if (text.indexOf('-') >= 0) scanChecked(RUT_RE, text, out, kind, rutHolds);
  scanChecked(PPSN_RE, text, out, kind, ppsnHolds);
  scanChecked(NINO_RE, text, out, kind, ninoHolds);
  scanLabelled(text, out, kind);
  if (text.indexOf('-') >= 0) scanAll(VENEZUELA_RE, text, out, kind);
  if (PASSPORT_HINT.test(text)) scanAll(PASSPORT_AFTER_WORD_RE, text, out, kind);
  if (hasDigits(text, 17)) scanChecked(CHINA_X_RE, text, out, kind, chinaXHolds);
  scanChecked(NRIC_RE, text, out, kind, nricHolds);
  scanChecked(HKID_RE, text, out, kind, hkidHolds);
}
