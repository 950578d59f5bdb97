import { nameEnd } from './person-name.js';

// A name after a person label in a script without capitals (Safe Harbor A): `Patient: ليلى المنصوري`, `Caller: 김민수`,
// `Name: דוד לוי`, `Patient: अमित शर्मा`, `Caller: สมชาย ใจดี`. The label's capitalised-name test cannot see these, so the
// name is read by its script: a spaced script's up to three words to a comma or a stop (person-name.ts nameEnd); a Korean
// name as one word of 2 to 4 syllables, alone or before an honorific (`김민수 님`), so a phrase (`Patient: 예약 확인`,
// "booking confirmation") stays; a Chinese or Japanese name as up to four ideographs or katakana, the given name after
// a space too (`山田 花子`). Bidirectional marks before the name (RLM, LRM, ALM, isolates) are skipped: a right-to-left
// name pasted after a Latin label often carries one.

const BIDI_MARKS = /^[ \u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]*/;
const CASELESS_LETTER = /^\p{Lo}/u;
const HANGUL_WORD = /^[\uac00-\ud7af]{2,4}(?![\p{L}\p{M}])/u;
const HANGUL_NEXT_WORD = /^[ ]+([\uac00-\ud7af]+)/;
// The name ends where the ideographs do, or at an honorific (`王秀英先生`, `山田花子さん`): a longer run is a sentence
// (`Patient: 我想预约下周的体检`, `予約をキャンセルしたい`: kana after the ideographs), not a name.
const HAN_NAME = /^[\u30a0-\u30ff\u3400-\u9fff]{2,4}(?:[ \u3000][\u3400-\u9fff]{1,3}(?![\p{L}\p{M}]))?(?=$|先生|女士|小姐|様|さん|氏|[^\p{L}\p{M}])/u;
// Words that open a sentence in the spaced caseless scripts (a pronoun, a want, a question or a greeting): what follows the
// label is the patient's words, not a name (`Patient: أريد تغيير موعدي`, `Patient: मुझे अपॉइंटमेंट चाहिए`).
const SENTENCE_OPENERS = new Set(['أريد', 'أنا', 'هل', 'لدي', 'عندي', 'ممكن', 'أحتاج', 'كيف', 'متى', 'أين', 'ماذا', 'لماذا', 'شكرا', 'مرحبا', 'السلام',
  'نعم', 'لا', 'من', 'ما', 'أود', 'ابني', 'ابنتي', 'זה', 'אני', 'אפשר', 'רוצה', 'שלום', 'תודה', 'मुझे', 'मैं', 'मेरा', 'मेरी', 'क्या', 'कृपया', 'नमस्ते', 'हम',
  'ผม', 'ฉัน', 'ขอ', 'สวัสดี']);
const FIRST_WORD = /^[^ ,.،:;!?؟]+/;
// Words that may follow a Korean name: honorifics and the role it is named by (`김민수 님`, `김민수 환자`).
const AFTER_KOREAN_NAME = new Set(['님', '씨', '환자', '고객', '보호자']);

/** Start and end of a caseless-script name right after a label ending at `from`, or null (see above). */
export function caselessName(text: string, from: number): readonly [number, number] | null {
  const start = from + (BIDI_MARKS.exec(text.slice(from, from + 8))?.[0].length ?? 0);
  const head = text.slice(start, start + 12);
  if (!CASELESS_LETTER.test(head)) return null;
  const c = text.charCodeAt(start);
  if (c >= 0xac00 && c <= 0xd7af) return koreanName(text, start);
  if ((c >= 0x30a0 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) {
    const m = HAN_NAME.exec(head);
    return m === null ? null : [start, start + m[0].length];
  }
  if (c >= 0x3040 && c <= 0x309f) return null; // hiragana opens a phrase (`お待ちください`), not a name
  if (SENTENCE_OPENERS.has(FIRST_WORD.exec(text.slice(start, start + 24))?.[0] ?? '')) return null;
  const end = nameEnd(text, start, false, false);
  return end > start ? [start, end] : null;
}

function koreanName(text: string, start: number): readonly [number, number] | null {
  const m = HANGUL_WORD.exec(text.slice(start, start + 6));
  if (m === null) return null;
  const end = start + m[0].length;
  const next = HANGUL_NEXT_WORD.exec(text.slice(end, end + 12));
  return next === null || AFTER_KOREAN_NAME.has(next[1] as string) ? [start, end] : null;
}
