import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A Vietnamese honorific before a full name (Safe Harbor A): `Bà Tôn Nữ Thu Hà cần đặt lịch`, `Ông Nguyễn Văn An`,
// `Chị Lê Thị Hồng`, `Cô Phan Thị Mai`. The name is read as 2 to 4 capitalised syllables (a Vietnamese name's family,
// middle and given names; a syllable has at most seven letters and no hyphen), so `Bà Rịa - Vũng Tàu` (one word before a
// dash), `ông bà nội` (small letters) and `Bà Lan` (a given name alone) stay. A place named after an honorific stays
// too: after a capitalised word (`Núi Bà Đen`, `Chợ Bà Chiểu`, `Cầu Ông Lãnh`), or opening with a place's word of the
// short list below (`Bà Rịa Vũng Tàu`, `đường Bà Triệu`). Only a place's noun before the honorific spares it (`Núi`,
// `Chợ`, `Cầu`, `Đường`…): a verb opening a note does not (`Gọi Bà Lê Thị Hồng lúc 3 giờ`, `Nhắc Chị Trần Thị Lan…`).
// `Anh` (elder brother, also "English" and a given name) counts only before a common family name written with its
// accents (`Anh Nguyễn Văn Bình cần đặt lịch`; `Anh Văn giao tiếp`, `Lan Anh` stay): the walk marks the family name at
// its first non-ASCII letter (anhNameAt), as it marks the other honorifics at theirs (vietHonorificAt).

const HINT = /[\u00e0\u00f4\u00d4\u1ecb]/;
const HONORIFIC_RE = /(?<![\p{L}\p{M}])(?:bà|ông|chị|cô)[ ](?=\p{Lu})/giu;
const SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]{0,6}(?![\p{L}\p{M}'\u2019-])/u;
const LETTER = /[\p{L}\p{M}]/u;
// A place's noun before the honorific (`Núi Bà Đen`, `Chợ Bà Chiểu`, `Cầu Ông Lãnh`, `Miếu Bà Chúa Xứ`), capitalised.
const PLACE_BEFORE = /(?<![\p{L}\p{M}])(?:Núi|Chợ|Cầu|Đình|Chùa|Miếu|Đền|Dinh|Lăng|Phố|Đường|Sông|Hồ|Rạch|Bến|Gò|Xóm|Ấp|Làng|Quận|Huyện|Phường|Xã|Tỉnh|Cửa|Kênh|Hẻm|Ngõ|Cồn|Mũi|Vũng|Hòn|Đảo|Đồi|Suối|Thác|Động|Hang|Bãi|Biển|Vịnh|Đèo|Cống|Ngã|Tiếng)[ ]$/u;
// Common family names as written with their accents (each has a non-ASCII letter for the walk to stop at).
const FAMILY = new Set(['nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'võ', 'vũ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý',
  'đinh', 'trương', 'lương', 'đoàn', 'lâm', 'tô', 'hà', 'tạ', 'châu', 'quách', 'trịnh', 'đào', 'mạc', 'thái']);
const ANH_RE = /(?<![\p{L}\p{M}])anh[ ](?=\p{Lu})/giu;
const WORD = /^[\p{L}\p{M}]+/u;
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

/** NAME_CUE at a family name's first non-ASCII letter when `Anh ` stands before the word (`Anh Nguyễn…`, see above). */
export function anhNameAt(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 5 && (text.charCodeAt(s - 1) | 0x20) >= 97 && (text.charCodeAt(s - 1) | 0x20) <= 122) s--;
  if (s < 4 || text.charCodeAt(s - 1) !== 32 || (text.charCodeAt(s - 2) | 0x20) !== 104 || (text.charCodeAt(s - 3) | 0x20) !== 110) return false;
  if ((text.charCodeAt(s - 4) | 0x20) !== 97 || (s > 4 && LETTER.test(text[s - 5] as string))) return false;
  return FAMILY.has((WORD.exec(text.slice(s, s + 8))?.[0] ?? '').toLowerCase());
}

/** Full names after a Vietnamese honorific, and after `Anh` before a family name (see above). */
export function scanVietHonorifics(text: string, out: Detection[], kind: string): void {
  if (HINT.test(text)) scanAfter(HONORIFIC_RE, text, out, kind, false);
  scanAfter(ANH_RE, text, out, kind, true);
}

function scanAfter(cue: RegExp, text: string, out: Detection[], kind: string, family: boolean): void {
  const re = resetAt(cue, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    if (family && !FAMILY.has((WORD.exec(text.slice(from, from + 8))?.[0] ?? '').toLowerCase())) continue;
    const end = syllablesEnd(text, from);
    if (end < 0 || PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
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
