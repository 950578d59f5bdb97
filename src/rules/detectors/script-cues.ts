import { GEOCODE, NAME_CUE, isLetter, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { nameEnd } from './person-name.js';
import type { Detection } from './types.js';
import { cjkDateCueAt } from './cjk-date.js';
import { accessScriptCueAt } from './access-cues.js';
import { vietHonorificAt } from './viet-honorific.js';

const VIETNAMESE_PRONOUN = /t[êÊ]n|t[ôÔ]i/;

// `my name is` in scripts other than Latin (Safe Harbor A): Russian `меня зовут`, Ukrainian `мене звати`,
// Greek `με λένε` / `ονομάζομαι` / `το όνομά μου είναι`, Arabic `اسمي`, Hebrew `שמי` / `קוראים לי`, Chinese `我叫` / `我的名字是`,
// Japanese `私の名前は`, Korean `제 이름은`. A spaced script's name is read as after `my name is`: up to
// three words to a comma or a stop (case is not needed: Arabic and Hebrew have none). A name in Chinese,
// Japanese or Korean runs on without a space: up to four characters after the cue, and the words after
// them go too when nothing separates them (the cost of not segmenting text). The prefilter's walk marks
// each cue at its first character (scriptCueAt).
// A label naming the patient or the person with a colon counts as the cue too: `Пациент: Иванова Мария`,
// `ФИО: …`, `المريض: …`, `患者：李秀英`, `氏名：山田 花子`, `환자: 김민수` (ASCII or full-width colon).
const SPACED = ['меня зовут ', 'мене звати ', 'με λένε ', 'ονομάζομαι ', 'το όνομά μου είναι ', 'το ονομα μου ειναι ', 'λέγομαι ', 'اسمي ', 'שמי ', 'קוראים לי ', 'пациент: ', 'пациентка: ', 'фио: ',
  'пацієнт: ', 'ασθενής: ', 'المريض: ', 'المريضة: ', 'الاسم: ', 'החולה: ', 'המטופל: ',
  // Name and surname labels (Ukrainian `ПІБ:` is Russian `ФИО:`): `ПІБ: Ковальчук Олена`, `Όνομα: …`, `Фамилия: …`.
  'піб: ', 'имя: ', 'фамилия: ', "ім'я: ", 'ім\u2019я: ', 'прізвище: ', 'όνομα: ', 'ονοματεπώνυμο: ', 'επώνυμο: '];
const GLUED = ['我叫', '我的名字是', '我的名字叫', '我名叫', 'お名前：', 'お名前:', '저의 이름은 ', '私の名前は', 'わたしの名前は', '僕の名前は', '제 이름은 ', '내 이름은 ', '患者：', '患者:', '病人：', '病人:',
  '姓名：', '姓名:', '氏名：', '氏名:', '患者名：', '患者名:', '환자: ', '환자 이름: ', '이름: ', '성명: '];
// Vietnamese `my name is` (`Tên tôi là Nguyễn Thị Minh`, `tôi tên là …`): Latin letters, marked at their second
// character (the first non-ASCII one), read as a spaced script's name.
const VIETNAMESE = ['tên tôi là ', 'tôi tên là ', 'tên của tôi là '];
const CUE_RE = new RegExp(`(?<![\\p{L}\\p{M}])(${[...SPACED, ...VIETNAMESE].join('|')})[ ]*|(${GLUED.join('|')})[ ]*`, 'giu');
const FIRSTS: ReadonlySet<number> = new Set([...SPACED, ...GLUED].flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)]));
const LONGEST = Math.max(...[...SPACED, ...GLUED].map((w) => w.length));
const HINT = /[\u0370-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
// A CJK name may be written with a space between family and given name (`山田 花子`): the second part goes too.
const GLUED_NAME = /^[\p{L}\p{M}]{1,4}(?:[ \u3000][\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,3}(?![\p{L}\p{M}]))?/u;

/** NAME_CUE at the first character of a cue above (a non-ASCII character: `c` is its code). */
export function scriptCueAt(text: string, i: number, c: number): number {
  // né, née, født, född: a birthplace may follow (residence.ts)
  if (c === 0xe9 || c === 0xf8 || c === 0xf6) return birthAt(text, i, c) ? GEOCODE : 0;
  // Señor, Señora (an honorific before a name, person-name.ts)
  if (c === 0xf1 || c === 0xd1) return (codeAt(text, i - 1) | 0x20) === 101 && (codeAt(text, i - 2) | 0x20) === 115 ? NAME_CUE : 0;
  if ((c === 0xe0 || c === 0xc0 || (c | 0x20) === 0xf4 || c === 0x1ecb || c === 0x1eca) && vietHonorificAt(text, i, c)) return NAME_CUE; // Bà, Ông, Chị, Cô (viet-honorific.ts)
  const access = accessScriptCueAt(text, i, c); // Hindi, Farsi, Amharic, Khmer… (access-cues.ts)
  if (access !== 0) return access;
  if (c === 0xea || c === 0xf4 || c === 0xca || c === 0xd4) {
    const at = text.slice(i - 1, i + 14).toLowerCase();
    for (const w of VIETNAMESE) if (at.startsWith(w)) return NAME_CUE;
  }
  if (!FIRSTS.has(c)) return c >= 0x4e00 ? cjkDateCueAt(text, i, c) : 0; // a date's cue or era (cjk-date.ts)
  const at = text.slice(i, i + LONGEST).toLowerCase();
  for (const w of SPACED) if (at.startsWith(w)) return NAME_CUE;
  for (const w of GLUED) if (at.startsWith(w)) return NAME_CUE;
  return 0;
}

function birthAt(text: string, i: number, c: number): boolean {
  const p1 = codeAt(text, i - 1) | 0x20;
  if (c === 0xe9) return p1 === 110 && !isLetter(codeAt(text, i - 2));
  return p1 === 102 && codeAt(text, i + 1) === 100 && !isLetter(codeAt(text, i - 2));
}

// A given name after a bare `имя` / `ім'я` / `imię` (name) following a comma, as a surname said first leaves it
// (`Моя фамилия Соколова, имя Аркадий`, `Nazywam się Kowalska, imię Jadwiga`): capitalised words only, so `, имя
// пользователя` (user name) stays. The prefilter's walk marks the comma (givenAfterCommaAt).
const GIVEN_AFTER_COMMA_RE = /,[ ]?(?:имя|ім['\u2019]я|imię)[ ]+(?=\p{Lu})/giu;
const GIVEN_WORDS = ['имя ', "ім'я ", 'ім\u2019я ', 'imię '];

/** At a comma: `имя`, `ім'я` or `imię` and a capital after it (see GIVEN_AFTER_COMMA_RE). */
export function givenAfterCommaAt(text: string, i: number): boolean {
  const j = codeAt(text, i + 1) === 32 ? i + 2 : i + 1;
  const at = text.slice(j, j + 7).toLowerCase();
  for (const w of GIVEN_WORDS) if (at.startsWith(w)) return true;
  return false;
}

function scanGivenAfterComma(text: string, out: Detection[], kind: string): void {
  const re = resetAt(GIVEN_AFTER_COMMA_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, false);
    if (end > from) out.push({ start: from, end, kind });
  }
}

/** Names after the cues above. */
export function scanScriptCues(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('мя') >= 0 || text.indexOf('м\'я') >= 0 || text.indexOf('м\u2019я') >= 0 || text.indexOf('mię') >= 0) scanGivenAfterComma(text, out, kind);
  if (!HINT.test(text) && !VIETNAMESE_PRONOUN.test(text)) return;
  const re = resetAt(CUE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = m[1] !== undefined ? nameEnd(text, from, false, false) : from + (GLUED_NAME.exec(text.slice(from))?.[0].length ?? 0);
    if (end > from) out.push({ start: from, end, kind });
  }
}
