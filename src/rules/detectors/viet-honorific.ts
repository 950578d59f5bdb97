import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A Vietnamese honorific before a full name (Safe Harbor A): `Bà Tôn Nữ Thu Hà cần đặt lịch`, `Ông Nguyễn Văn An`,
// `Chị Lê Thị Hồng`, `Cô Phan Thị Mai`. The name is read as 2 to 4 capitalised syllables (a Vietnamese name's family,
// middle and given names; a syllable has at most seven letters and no hyphen), so `Bà Rịa - Vũng Tàu` (one word before a
// dash), `ông bà nội` (small letters) and `Bà Lan` (a given name alone) stay. A place named after an honorific stays
// too: after a capitalised word (`Núi Bà Đen`, `Chợ Bà Chiểu`, `Cầu Ông Lãnh`), or opening with a place's word of the
// short list below (`Bà Rịa Vũng Tàu`, `đường Bà Triệu`). `Anh` (also a given name, and ASCII, which the prefilter's walk
// would have to test at every `A`) is not read. The walk marks the honorific at its non-ASCII letter (vietHonorificAt).

const HINT = /[\u00e0\u00f4\u00d4\u1ecb]/;
const HONORIFIC_RE = /(?<![\p{L}\p{M}])(?:bà|ông|chị|cô)[ ](?=\p{Lu})/giu;
const SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]{0,6}(?![\p{L}\p{M}'\u2019-])/u;
const LETTER = /[\p{L}\p{M}]/u;
const CAPITALISED_BEFORE = /\p{Lu}[\p{Ll}\p{M}]*[ ]$/u;
// Places named with an honorific (their first word after it): Bà Rịa, Bà Chiểu, Bà Điểm, Bà Triệu, Ông Lãnh, Ông Tạ…
const PLACE_WORDS = new Set(['rịa', 'chiểu', 'điểm', 'triệu', 'đen', 'lãnh', 'tạ', 'hom', 'quẹo', 'huyện', 'thanh']);

/** NAME_CUE at the non-ASCII letter of `bà`, `ông`, `chị` or `cô` (a word, a space after it). */
export function vietHonorificAt(text: string, i: number, c: number): boolean {
  const l = c | 0x20;
  let start = -1, end = -1;
  if (c === 0xe0 || c === 0xc0) { start = i - 1; end = i + 1; if ((text.charCodeAt(i - 1) | 0x20) !== 98) return false; }
  else if (l === 0xf4 && (text.charCodeAt(i + 1) | 0x20) === 110 && (text.charCodeAt(i + 2) | 0x20) === 103) { start = i; end = i + 3; }
  else if (l === 0xf4 && (text.charCodeAt(i - 1) | 0x20) === 99) { start = i - 1; end = i + 1; }
  else if ((c === 0x1ecb || c === 0x1eca) && (text.charCodeAt(i - 1) | 0x20) === 104 && (text.charCodeAt(i - 2) | 0x20) === 99) { start = i - 2; end = i + 1; }
  else return false;
  return text.charCodeAt(end) === 32 && (start === 0 || !LETTER.test(text[start - 1] as string));
}

/** Full names after a Vietnamese honorific (see above). */
export function scanVietHonorifics(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(HONORIFIC_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = syllablesEnd(text, from);
    if (end < 0 || CAPITALISED_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: from, end, kind });
    re.lastIndex = end;
  }
}

/** End of 2 to 4 capitalised syllables from `from`, or -1 (one syllable, or a place's first word). */
function syllablesEnd(text: string, from: number): number {
  let p = from, end = -1, words = 0;
  while (words < 4) {
    const w = SYLLABLE.exec(text.slice(p, p + 8));
    if (w === null || (words === 0 && PLACE_WORDS.has(w[0].toLowerCase()))) break;
    words++;
    end = p + w[0].length;
    if (text.charCodeAt(end) !== 32) break;
    p = end + 1;
  }
  return words >= 2 ? end : -1;
}
