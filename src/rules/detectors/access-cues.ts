import { NAME_CUE, isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { escapeRegExp } from '../../common/regex-escape.js';
import { nameEnd } from './person-name.js';
import type { Detection } from './types.js';
import { RELATIVE_LEADS, scanRelatives } from './access-relatives.js';

const SPACES = / /g;
const COLON_OR_B_AFTER_SPACES = /^[ ]*:|^[ ]b/;

// `My name is` and name labels in the languages US hospitals offer language access in (Safe Harbor A), beyond the
// cues script-cues.ts and foreign-cues.ts read:
//  - scripts with spaces between words: Hindi and Nepali `मेरा/मेरो नाम`, Urdu `میرا نام`, Farsi `اسم من`/`نام من`/`اسمم`,
//    Bengali `আমার নাম`, Punjabi `ਮੇਰਾ ਨਾਮ`, Gujarati `મારું નામ`, Amharic `ስሜ`, Armenian `իմ անունը`, Yiddish `מיין נאָמען
//    איז`, Russian `моя фамилия`, Ukrainian `моє ім'я`, and their name labels (`नाम:`, `نام و نام خانوادگی:`, `ስም:`);
//    the copula or `and` after the name ends it (person-name.ts STOP: `है`, `است`, `ነው`, `է`, `ואני`);
//  - Khmer `ខ្ញុំឈ្មោះ`, Lao `ຂ້ອຍຊື່`, Burmese `ကျွန်တော့်နာမည်`, Thai `ผมชื่อ`, `ชื่อ:`: a space parts phrases, not words, so the name is at most
//    the two spaced runs after the cue (`សុខ សុភាព`), never the sentence after it;
//  - Latin-script languages: Tagalog `ang pangalan ko (po) ay`, `Buong pangalan:`, Somali `magacaygu (waa)`, `Magaca:`,
//    Haitian Creole `non mwen se`, `Non konplè:`, Hmong `kuv lub npe yog`, Vietnamese `Họ và tên:`, `Tên bệnh nhân:`
//    (lower-case names too); Haitian `mwen rele` (also "I called": `mwen rele sant la`) and Tagalog `ako si` only before a
//    capitalised name;
//  - a name before its cue: Korean `저는 김민수라고 합니다`, Japanese `佐々木真由美と申します` (a CJK name of up to eight
//    characters right before the cue).
const SPACED = ['मेरा नाम ', 'मेरो नाम ', 'पूरा नाम: ', 'नाम: ', 'میرا نام ', 'اسم من ', 'نام من ', 'اسمم ', 'نام و نام خانوادگی: ', 'نام: ',
  'আমার নাম ', 'নাম: ', 'ਮੇਰਾ ਨਾਮ ', 'ਨਾਮ: ', 'મારું નામ ', 'મારુ નામ ', 'નામ: ', 'ስሜ ', 'ስም: ', 'իմ անունը ', 'անուն: ', 'անուն ազգանուն: ',
  'מיין נאָמען איז ', 'מיין נאמען איז ', 'שם מלא: ', 'שם: ', 'الاسم الكامل: ', 'моя фамилия ', 'моё имя ', 'мое имя ', "моє ім'я ", 'моє ім\u2019я ',
  'моє прізвище ', 'ф.и.о.: ', 'ф. и. о.: '];
const TWO_RUNS = ['ខ្ញុំឈ្មោះ', 'ខ្ញុំបាទឈ្មោះ', 'នាងខ្ញុំឈ្មោះ', 'ຂ້ອຍຊື່', 'ຂ້ອຍມີຊື່', 'ຂ້າພະເຈົ້າຊື່', 'ကျွန်တော့်နာမည်', 'ကျွန်မနာမည်', 'ကျွန်တော်နာမည်',
  // Thai: `my name is` (`ผมชื่อ`, `ฉันชื่อ`, `ดิฉันชื่อ`, `หนูชื่อ`) and the name labels (`ชื่อ:`, `ชื่อ-นามสกุล:`, `ชื่อผู้ป่วย:`).
  'ผมชื่อ', 'ฉันชื่อ', 'ดิฉันชื่อ', 'หนูชื่อ', 'ชื่อ-นามสกุล:', 'ชื่อ นามสกุล:', 'ชื่อผู้ป่วย:', 'ชื่อ:'];
const escape = (w: string): string => escapeRegExp(w).replace(SPACES, '[ ]');
const SCRIPT_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:(${SPACED.map(escape).join('|')})|(${TWO_RUNS.map(escape).join('|')}))[ ]*`, 'giu');
const LATIN_RE = new RegExp('(?<![\\p{L}\\p{M}])(?:((?:ang[ ])?pangalan[ ]ko(?:[ ]po)?[ ]ay|(?:buong[ ])?pangalan[ ]*:|magacayg[ua](?:[ ]waa)?' +
  '|magac(?:a|u)[ ]*:|non[ ]mwen[ ](?:se|rele)|non[ ]konpl[eè][ ]*:|kuv[ ](?:lub[ ])?npe[ ](?:yog|hu[ ]ua)|h[oọ][ ](?:v[aà][ ])?t[eê]n[ ]*:' +
  '|t[eê]n(?:[ ]b[eệ]nh[ ]nh[aâ]n)?[ ]*:)|(mwen[ ]rele|ako(?:[ ]po)?[ ]si))[ ]+', 'giu');
const KOREAN_RE = /(?<![가-힣])저는[ ]+([가-힣]{2,4}?)이?라고[ ]?(?:합니다|해요|하는|해)/gu;
// Turkish `adım` (my name; also "step") opening a text or a sentence before a given name and a surname and a comma that goes on
// in lower case (`Adım Mehmet Karaduman, randevu almak istiyorum`); `Adım 2: Formu doldurun`, `Adım Adım Sağlıklı Yaşam` and
// `Adım Sayar ile günde 10.000 adım` stay (person-name.ts reads `adım` after a greeting).
const ADIM_RE = /(?:^|[.!?\n][ ]*)Ad[ıi]m[ ]+(?!Ad[ıi]m[ ])(\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){1,2}),[ ]*(?=\p{Ll})/gu;
const JAPANESE_RE = /([\u3005\u3400-\u9fff\u30a1-\u30fa\u30fc]{2,8})と(?:申します|申す|いいます|言います)/gu;
const HINT = /[\u0530-\u058f\u05d0-\u05ea\u0600-\u06ff\u0900-\u0aff\u0e00-\u0eff\u1000-\u109f\u1200-\u137f\u1780-\u17ff\u0400-\u04ff\u7533\ub77c]|mwen|pangalan|magac|npe|ako|konpl|t[eê]n|ad[ıi]m/i;
const UPPER_FIRST = /^\p{Lu}/u;

const LEADS = [...SPACED, ...TWO_RUNS, ...RELATIVE_LEADS];
// The cues by their first character (either case): a character of these scripts is tested against its own few cues only.
const BY_FIRST = new Map<number, string[]>();
for (const w of LEADS) for (const c of new Set([w.charCodeAt(0), w.toUpperCase().charCodeAt(0)])) BY_FIRST.set(c, [...(BY_FIRST.get(c) ?? []), w]);
const LONGEST = Math.max(...LEADS.map((w) => w.length));

/** NAME_CUE at a non-ASCII character opening a cue above, `申` after `と`, `라` before `고`, or the `ê` of a Vietnamese `tên:`. */
export function accessScriptCueAt(text: string, i: number, c: number): number {
  if (c === 0x7533) return codeAt(text, i - 1) === 0x3068 ? NAME_CUE : 0; // と申します
  if (c === 0xb77c) return codeAt(text, i + 1) === 0xace0 ? NAME_CUE : 0; // 라고
  if (c === 0xea || c === 0xca) return lower(codeAt(text, i - 1)) === 116 && COLON_OR_B_AFTER_SPACES.test(text.slice(i + 2, i + 5)) ? NAME_CUE : 0;
  // `mẹ tôi`, `chồng tôi` (a relative, access-relatives.ts)
  if (c === 0xf4 || c === 0xd4) return lower(codeAt(text, i - 1)) === 116 && lower(codeAt(text, i + 1)) === 105 ? NAME_CUE : 0;
  const cues = BY_FIRST.get(c);
  if (cues === undefined) return 0;
  const at = text.slice(i, i + LONGEST).toLowerCase();
  for (const w of cues) if (at.startsWith(w)) return NAME_CUE;
  return 0;
}

/**
 * Whether a Latin-script cue above opens at `i` (the prefilter's walk stops at the `m` of `mwen`/`magac`, the `p` of
 * `pangalan`, the `n` of `npe`/`non`, the `k` of `ako`).
 */
export function accessCueAt(text: string, i: number): boolean {
  const c = lower(codeAt(text, i));
  // `ako si`; `nanay ko` (a relative, access-relatives.ts)
  if (c === 107) return !isLetter(codeAt(text, i + 2)) && (codeAt(text, i - 1) === 32 || (lower(codeAt(text, i - 1)) === 97 && !isLetter(codeAt(text, i - 2))));
  if (isLetter(codeAt(text, i - 1))) return false;
  // `mwen rele`, `manman mwen`, `magacaygu`; a relative after `mi`, `ma`, `mon`, `minha`, `meu` (access-relatives.ts)
  if (c === 109) return MY_WORDS.some((w) => matchesAt(text, i, w, true));
  if (c === 112) return matchesAt(text, i, 'pangalan', true);
  // a relative after `nuestra`, `nossa`, `notre` (access-relatives.ts), marked at their `n`
  return matchesAt(text, i, 'npe ', true) || matchesAt(text, i, 'non mwen ', true) || matchesAt(text, i, 'non konpl', true) ||
    OUR_WORDS.some((w) => matchesAt(text, i, w, true));
}

const OUR_WORDS = ['nuestr', 'noss', 'notre '];
const MY_WORDS = ['mwen ', 'magac', 'mi ', 'ma ', 'mon ', 'minha ', 'meu ', 'mein', 'mijn ', 'mia ', 'mio '];

/** The end of at most two space-parted runs from `from` (Khmer, Lao, Burmese: see above). */
function twoRunsEnd(text: string, from: number): number {
  const end = nameEnd(text, from, false, false);
  if (end < 0) return end;
  const second = text.indexOf(' ', text.indexOf(' ', from) + 1);
  return second > from && second < end ? second : end;
}

/** Names after (or before) the cues above. */
export function scanAccessCues(text: string, out: Detection[], kind: string): void {
  scanRelatives(text, out, kind); // `mi esposo Roberto Villanueva`, `어머니 변영숙 씨` (access-relatives.ts)
  if (!HINT.test(text)) return;
  let re = resetAt(SCRIPT_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = m[2] !== undefined ? twoRunsEnd(text, from) : nameEnd(text, from, false, false);
    if (end > from) out.push({ start: from, end, kind });
  }
  re = resetAt(LATIN_RE, 0);
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    if (m[2] !== undefined && !UPPER_FIRST.test(text.slice(from, from + 1))) continue;
    const end = nameEnd(text, from, m[2] !== undefined, false);
    if (end > from) out.push({ start: from, end, kind });
  }
  for (const before of [KOREAN_RE, JAPANESE_RE, ADIM_RE]) {
    re = resetAt(before, 0);
    while ((m = re.exec(text)) !== null) {
      const start = m.index + m[0].indexOf(m[1] as string);
      out.push({ start, end: start + (m[1] as string).length, kind });
    }
  }
}
