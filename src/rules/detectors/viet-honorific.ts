import { codeAt } from '../../common/code-at.js';
import { commonWord } from './file-name.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A Vietnamese honorific before a full name (Safe Harbor A): `Bà Tôn Nữ Thu Hà cần đặt lịch`, `Ông Nguyễn Văn An`,
// `Chị Lê Thị Hồng`, `Cô Phan Thị Mai`. The name is read as 2 to 4 capitalised syllables (a Vietnamese name's family,
// middle and given names; a syllable has at most seven letters and no hyphen), so `Bà Rịa - Vũng Tàu` (one word before a
// dash), `ông bà nội` (small letters) and `Bà Lan` (a given name alone) stay. A place named after an honorific stays
// too: after a capitalised word (`Núi Bà Đen`, `Chợ Bà Chiểu`, `Cầu Ông Lãnh`), or opening with a place's word of the
// short list below (`Bà Rịa Vũng Tàu`, `đường Bà Triệu`). Only a place's noun before the honorific spares it (`Núi`,
// `Chợ`, `Cầu`, `Đường`…): a verb opening a note does not (`Gọi Bà Lê Thị Hồng lúc 3 giờ`, `Nhắc Chị Trần Thị Lan…`).
// `Anh` is read before a family name only (below). The walk marks the honorific at its non-ASCII letter (vietHonorificAt).

const HINT = /[\u00e0\u00f4\u00d4\u1ecb]/;
const HONORIFIC_RE = /(?<![\p{L}\p{M}])(?:bà|ông|chị|cô)[ ](?=\p{Lu})/giu;
const SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]{0,6}(?![\p{L}\p{M}'\u2019-])/u;
const LETTER = /[\p{L}\p{M}]/u;
// A place's noun before the honorific (`Núi Bà Đen`, `Chợ Bà Chiểu`, `Cầu Ông Lãnh`, `Miếu Bà Chúa Xứ`), capitalised.
const PLACE_BEFORE = /(?<![\p{L}\p{M}])(?:Núi|Chợ|Cầu|Đình|Chùa|Miếu|Đền|Dinh|Lăng|Phố|Đường|Sông|Hồ|Rạch|Bến|Gò|Xóm|Ấp|Làng|Quận|Huyện|Phường|Xã|Tỉnh|Cửa|Kênh|Hẻm|Ngõ|Cồn|Mũi|Vũng|Hòn|Đảo|Đồi|Suối|Thác|Động|Hang|Bãi|Biển|Vịnh|Đèo|Cống|Ngã|Tiếng)[ ]$/u;
// Places named with an honorific (their first word after it): Bà Rịa, Bà Chiểu, Bà Điểm, Bà Triệu, Ông Lãnh, Ông Tạ…
const PLACE_WORDS = new Set(['rịa', 'chiểu', 'điểm', 'triệu', 'đen', 'lãnh', 'tạ', 'hom', 'quẹo', 'huyện', 'thanh']);

/** NAME_CUE at the non-ASCII letter of `bà`, `ông`, `chị` or `cô` (a word, a space after it). */
export function vietHonorificAt(text: string, i: number, c: number): boolean {
  const l = c | 0x20;
  let start = -1, end = -1;
  if (c === 0xe0 || c === 0xc0) { start = i - 1; end = i + 1; if ((codeAt(text, i - 1) | 0x20) !== 98) return false; }
  else if (l === 0xf4 && (codeAt(text, i + 1) | 0x20) === 110 && (codeAt(text, i + 2) | 0x20) === 103) { start = i; end = i + 3; }
  else if (l === 0xf4 && (codeAt(text, i - 1) | 0x20) === 99) { start = i - 1; end = i + 1; }
  else if ((c === 0x1ecb || c === 0x1eca) && (codeAt(text, i - 1) | 0x20) === 104 && (codeAt(text, i - 2) | 0x20) === 99) { start = i - 2; end = i + 1; }
  else return false;
  return codeAt(text, end) === 32 && (start === 0 || !LETTER.test(text[start - 1] as string));
}

// `Anh` (elder brother, Mr) before a family name, typed with or without its accents (`Anh Phan Van Long muon dat lich`, `toi la
// anh Truong Thi Hoa`): `Anh` is also a given name (`Anh Nguyen`) and `tiếng Anh` is English, so the word after it must be one of
// the common family names below and a syllable must follow it; the name from the family name on goes, `Anh` stays.
// `tiếng Anh` (the English language) before it: `hoc tieng Anh Le Van` names a class.
// The other honorifics typed without their accents (`Ong Ngo Thi Mai can dat lich`, `goi lai cho Ba Tran Van Long`) are
// English or other words as often (`Ong Bak`, `Chi Omega`, `Co-pay`), so they are read as `Anh` is: before a family name.
const ENGLISH_BEFORE = /ti[eế]ng[ ]$/iu;
const ANH_RE = /(?<![\p{L}\p{M}])(?:anh|ong|ba|chi|co)[ ](?=\p{Lu})/giu;
const FAMILY_NAMES: ReadonlySet<string> = new Set(('nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng ' +
  'bui bùi do đỗ ho hồ ngo ngô duong dương ly lý truong trương dinh đinh lam lâm trinh trịnh cao luong lương doan đoàn ta tạ thai thái ' +
  'vuong vương quach quách luu lưu chau châu ha hà dao đào tang tăng mai la kieu kiều trieu triệu diep diệp').split(' '));

/** Whether `Anh` stands as a word at `i` before a space and a capital (see above): the prefilter's walk marks it at its `h`. */
export function anhAt(text: string, i: number): boolean {
  if ((codeAt(text, i + 1) | 0x20) !== 110 || (codeAt(text, i + 2) | 0x20) !== 104 || codeAt(text, i + 3) !== 32) return false;
  const next = codeAt(text, i + 4);
  return ((next >= 65 && next <= 90) || next > 127) && (i === 0 || !LETTER.test(text[i - 1] as string));
}

/** Whether `Ong`, `Ba`, `Chi` or `Co` (any case, unaccented) stands as a word at `i` before a space and a capital: the walk marks
 * `Ong` at its `g`, the others at their first letter (cue-at.ts). */
export function plainHonorificAt(text: string, i: number): boolean {
  const c0 = codeAt(text, i) | 0x20, c1 = codeAt(text, i + 1) | 0x20;
  const len = c0 === 111 && c1 === 110 && (codeAt(text, i + 2) | 0x20) === 103 ? 3 : c0 === 98 && c1 === 97 ? 2
    : c0 === 99 && c1 === 104 && (codeAt(text, i + 2) | 0x20) === 105 ? 3 : c0 === 99 && c1 === 111 ? 2 : 0;
  const next = codeAt(text, i + len + 1);
  // `co`, `ch` and `ba` open many English words: the character tests rule them out before the letter test before the word.
  return len > 0 && codeAt(text, i + len) === 32 && ((next >= 65 && next <= 90) || next > 127) && (i === 0 || !LETTER.test(text[i - 1] as string));
}

function scanAnh(text: string, out: Detection[], kind: string): void {
  const re = resetAt(ANH_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const family = SYLLABLE.exec(text.slice(from, from + 8));
    if (family === null || !FAMILY_NAMES.has(family[0].toLowerCase())) continue;
    const end = syllablesEnd(text, from);
    if (end < 0 || ENGLISH_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // The name ends before a word a site titles things with (`Anh Le Clinic hours`: `Le` alone stays).
    const words = text.slice(from, end).split(' ');
    let n = 1;
    while (n < words.length && !commonWord((words[n] as string).toLowerCase())) n++;
    if (n < 2) continue;
    const cut = from + words.slice(0, n).join(' ').length;
    out.push({ start: from, end: cut, kind });
    re.lastIndex = cut;
  }
}

/** Full names after `Anh` (or an unaccented `Ong`, `Ba`, `Chi`, `Co`) before a family name, and after a Vietnamese honorific (see above). */
export function scanVietHonorifics(text: string, out: Detection[], kind: string): void {
  scanAnh(text, out, kind);
  if (!HINT.test(text)) return;
  const re = resetAt(HONORIFIC_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
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
    if (codeAt(text, end) !== 32) break;
    p = end + 1;
  }
  return words >= 2 ? end : -1;
}
