import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Dates as visitors of US hospitals' language-access pages write them (Safe Harbor C), beyond date.ts's layouts:
//  - month names of Tagalog (`Marso 19, 1957`, `19 Marso 1957`), Haitian Creole (`3 jen 1960`), Russian and Ukrainian in
//    the genitive dates use (`7 сентября 1951`, `12 березня 1948`), with a four-digit year (the names are short words too);
//  - Vietnamese `ngày 12 tháng 5 năm 1949` (day, month, year in words around digits);
//  - a short or year-first birth date after a birth label in those languages (`생년월일: 56.02.29`, `ngày sinh 12/5/49`,
//    `تاریخ تولد: ۱۳۴۱/۰۴/۲۰` in the Persian calendar, `出生日期 580314`): a version or a score has no such label.
// Digits of other scripts are read as ASCII ones by then (form-decoded.ts).
const TAGALOG = 'enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre';
const DAY_FIRST_MONTHS = `${TAGALOG}|janvye|fevriye|avril|jen|jiy[eè]|dawou|septanm|okt[oò]b|novanm|desanm` +
  '|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря' +
  '|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня';
const YEAR = '(?:18|19|20)[0-9]{2}';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MONTH_NAME_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${TAGALOG})[ ]${DAY},?[ ](?:ng[ ])?${YEAR}` +
    `|(?:ika-?)?${DAY}(?:-?(?:го|е))?[ ](?:ng[ ])?(?:${DAY_FIRST_MONTHS})[ ,]+(?:ng[ ]|del?[ ])?${YEAR}` +
    `|(?:ng[aà]y[ ])?${DAY}[ ]th[aá]ng[ ](?:0?[1-9]|1[0-2])[ ,]+(?:n[aă]m[ ])?${YEAR})(?![\\p{L}\\p{N}])`,
  'giu',
);
const BIRTH_LABEL = '(?:생년월일|생일|ng[aà]y[ ]sinh|sinh[ ]ng[aà]y|تاريخ[ ]الميلاد|تاریخ[ ]تولد|जन्म[ ]?तिथि|जन्म[ ]तारीख|জন্ম[ ]?তারিখ|' +
  'ਜਨਮ[ ]ਮਿਤੀ|જન્મ[ ]તારીખ|petsa[ ]ng[ ]kapanganakan|kaarawan(?:[ ]ko)?(?:[ ]ay)?|dat[ ]nesans(?:[ ]mwen)?|dat[ ]ou[ ]f[eè]t|' +
  'taariikhda[ ]dhalashada|የትውልድ[ ]ቀን|дата[ ]рождения|дата[ ]народження|ծննդյան[ ]ամսաթիվ|出生日期|生年月日|תאריך[ ]לידה)';
const SHORT = '([0-9]{2,4}[./-][0-9]{1,2}[./-][0-9]{1,4}|[0-9]{6}|[0-9]{8})';
const BIRTH_RE = new RegExp(`(?<![\\p{L}\\p{M}])${BIRTH_LABEL}[ \\t]*[:：՝,-]?[ \\t]*${SHORT}(?![0-9])`, 'giu');
const HINT = /[^\x00-\x7f]|ika|enero|ebrero|arso|abril|mayo|unyo|ulyo|gosto|yembre|ktubre|janvye|fevriye|jen[ ,]|jiy|dawou|anm[ ,]|okt|kaarawan|kapanganakan|nesans|f[eè]t|dhalashada/i;

// A ranking's count before a month's name is no day (`Top 10 jen 2024: konsèy sante`, `los mejores 5 …`): the list's
// title names a month, the number counts its items.
const RANK_BEFORE = /(?<![\p{L}])(?:top|best|mejores|meilleur[e]?s|melhores|pi[ ]bon)[ ]+$/iu;

/** Whether a ranking's word stands right before `at` (see RANK_BEFORE; date.ts asks too, for `Top 10 June 2024`). */
export function rankBefore(text: string, at: number): boolean {
  return RANK_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}

/** Dates (C) in the layouts above. */
export function scanAccessDates(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  let re = resetAt(MONTH_NAME_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (rankBefore(text, m.index) && +m[0].slice(-4) >= 2000) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  re = resetAt(BIRTH_RE, 0);
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - (m[1] as string).length, end: m.index + m[0].length, kind });
}
