import { DATE_CUE } from './marker-bits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Dates as Japanese, Chinese and Korean forms write them without a four-digit year (Safe Harbor C; the date
// detector takes `1961年3月14日`). Read on the folded text, so full-width digits (`３月１４日`) count too:
//  - a Japanese era date, a full date whatever precedes it: `昭和36年3月3日`, `平成元年4月1日`;
//  - a month and day after a word that ties them to the person (birth, appointment, admission, discharge,
//    surgery, visit, death): `生年月日：3月3日`, `予約日：3月14日`, `出生日期：3月14日`, `예약일: 3월 14일`, `誕生日は3/3`,
//    and an era date abbreviated after it (`生年月日 S36.3.3`: Showa 36).
// Without such a word a month and day stay (`3月14日は休診`, `12月31日まで`: a clinic's closing, an offer's end).
const CUES = [
  '生年月日', '誕生日', '予約', '入院', '退院', '手術', '受診', '来院', '診察', '出産', '死亡', '初診', // Japanese
  '出生', '生日', '预约', '預約', '出院', '手术', '就诊', '就診', '门诊', '門診', // Chinese
  '생년월일', '생일', '출생', '예약', '입원', '퇴원', '수술', '진료', '방문', // Korean
];
const ERAS = ['明治', '大正', '昭和', '平成', '令和'];
const MONTH = '(?:1[0-2]|0?[1-9])';
const DAY = '(?:3[01]|[12][0-9]|0?[1-9])';
const ERA_RE = new RegExp(`(?:${ERAS.join('|')})[ ]?(?:元|[0-9]{1,2})[ ]?年[ ]?${MONTH}[ ]?月[ ]?${DAY}[ ]?日`, 'gu');
// Up to eight characters between cue and date (`日：`, `時間は`), none a digit or a sentence's end.
const CUED_RE = new RegExp(`(?:${CUES.join('|')})[^0-9\\n。．.!?！？]{0,8}?(?<![0-9])(${MONTH}[ ]?[月월][ ]?${DAY}(?:[ ]?[日일])?|${MONTH}/${DAY}(?![0-9/])|[MTSHR][0-9]{1,2}([./])${MONTH}\\2${DAY}(?![0-9]))`, 'gu');
const FIRSTS: ReadonlySet<number> = new Set([...CUES, ...ERAS].map((w) => w.charCodeAt(0)));
const HINT = /[\u4e00-\u9fff\uac00-\ud7af]/;

/** DATE_CUE at the first character of a cue or an era name above (`c` is its code, a non-ASCII one). */
export function cjkDateCueAt(text: string, i: number, c: number): number {
  if (!FIRSTS.has(c)) return 0;
  for (const w of CUES) if (text.startsWith(w, i)) return DATE_CUE;
  for (const w of ERAS) if (text.startsWith(w, i)) return DATE_CUE;
  return 0;
}

/** The dates above, as `[DATE]` (the partial_date detector's). */
export function scanCjkDates(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const era = resetAt(ERA_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = era.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  const cued = resetAt(CUED_RE, 0);
  while ((m = cued.exec(text)) !== null) {
    const end = m.index + m[0].length;
    out.push({ start: end - (m[1] as string).length, end, kind });
  }
}
