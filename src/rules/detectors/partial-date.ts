import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';
import { MONTH_NAMES } from './month-names.js';
import { scanCjkDates } from './cjk-date.js';
import { currentUtcYear } from '../../common/current-year.js';

// Safe Harbor keeps only the year of a date tied to the person (spec §1.4): a month with its
// year (`born March 1961`, `DOB: 03/1961`, `dob 1961-03`, `b. Mar '61`) or a month with its day
// (`born March 14`, `DOB 03/14`) still has to go. Without a cue such a value is as often a
// campaign or report period (`spring-2024`, `2024-03 newsletter`), so a cue word must come
// first (then also a date in digits only: `dob 030461`): born, birth, b., DOB, Geburtsdatum, fecha de nacimiento (and the French,
// Italian, Portuguese and Dutch words), admitted, admission, discharged, died, death, deceased,
// diagnosed, surgery, appointment, delivered, hospitalized, visit, procedure, DOS, expired, refill due.
// The date detector already takes full dates, whatever precedes them.
const MONTH = `(?:${MONTH_NAMES})`;
const CUE =
  '(?:born|birth(?:[ _-]?(?:date|day))?|b\\.|geb\\.|geboren|geburts(?:datum|tag)|geboortedatum|(?:fecha|date|data)[ ]d[ei][ ](?:nacimiento|naissance|nascita|nascimento)|d\\.?o\\.?b\\.?|bday|yob|admitted|admission|admit(?:[ _-]?date)?|discharged?|died|death|deceased|diagnosed' +
  // Care events of the person: `my surgery was in March 2019`, `appointment: 03/2024`.
  '|surger(?:y|ies)|surgical|appointments?|appt|delivered|hospitali[sz]ed' +
  // A visit, a procedure, a date of service, a death, a refill (`last visit: 14.03`, `DOS 3/14`, `expired 14/03`).
  '|visit(?:ed|s)?|procedures?|dos|date[ ]of[ ]service|service[ ]date|expired|refill[ ]due)';
// Between cue and date: separators, URL-encoded ones, and a few small words (`born in`, `DOB was`), the day of the week
// (`Appt: Tuesday, December 3`) and a booking's verb (`surgery scheduled for Dec 3`, `appointment moved to 12/3`, a family's update's
// `discharge planned 12/02`, `discharge expected Dec 2`).
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?';
const FILLER = `(?:[\\s:=#,._\\-"'(]|%3[Aa]|%20|(?:on|in|of|the|date|dt|was|is|circa|around|early|late|mid|${WEEKDAY}|` +
  '(?:re)?scheduled|booked|set|moved|planned|expected|for|to)(?![A-Za-z])){0,6}';
const YEAR = '(?:1[89]|20)[0-9]{2}';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MM = '(?:0?[1-9]|1[0-2])';
const MM2 = '(?:0[1-9]|1[0-2])';
const DAY2 = '(?:0[1-9]|[12][0-9]|3[01])';
const DATE_PART =
  `(${MONTH}\\.?,?[ -]?(?:of[ ])?(?:${YEAR}|['\u2019][0-9]{2})` + // March 1961, Mar. 1961, March of 1961, Mar '61
  `|${MONTH}\\.?[ ]${DAY}(?:st|nd|rd|th)?` + // March 14
  `|(?<![A-Za-z])${MONTH}[-_]?${DAY}(?:st|nd|rd|th)?` + // aug23, aug-23, aug_23 (a slug's or a key's; not glued to the cue: `dossept5`)
  `|${MM2}[-_]${DAY2}` + // 08-21, 08_21 after a birth cue only (see scan: `visits 10-12 weeks` is a range)
  `|${DAY}(?:st|nd|rd|th)?[ -](?:of[ ])?${MONTH}` + // 14 March, 14th of March
  `|${MM}[/.-]${YEAR}|${MM}/(?:[0-9]{2}|[1-9])` + // 03/1961, 3-1961, 03/61, 03/14, 12/3
  `|(?:1[3-9]|2[0-9]|3[01])/${MM}|${DAY}\\.${MM}` + // 14/03, 14.03 (day first)
  `|${YEAR}[/.-]${MM}` + // 1961-03
  `|${YEAR}${MM2}${DAY2}|${MM2}${DAY2}(?:${YEAR}|[0-9]{2})` + // 19610304, 03041961, 030461 (digits only, after the cue)
  `|[0-3]?[0-9]([.-])[0-3]?[0-9]\\2[0-9]{2}` + // 26.12.50, 3-14-61 (the date detector wants a `/` for 2-digit years)
  `|the[ ]${DAY}(?:st|nd|rd|th)(?:[ ]of[ ]${MONTH})?(?![ ]+(?:floor|time|dose|trimester|grade|level|day|week|month|year|opinion|shot|round|cycle|child|baby))` + // admitted on the 14th
  `|${DAY}(?:[ ]?[/._|][ ]?|[ ])${DAY}(?:[ ]?[/._|][ ]?|[ ])(?:${YEAR}|[0-9]{2})` + // DOB 3 / 4 / 1961, DOB 03 04 1961, dob: 03_04_1961
  `|${YEAR})`; // born 1931: only a year that shows an age over 89 (see scan)
const PARTIAL_RE = new RegExp(`(?<![A-Za-z])${CUE}${FILLER}${DATE_PART}(?![0-9A-Za-z]|[/.-][0-9])`, 'gi');

const YEAR_ONLY = /^[0-9]{4}$/;
const SLUG_MONTH_DAY = /^[0-9]{2}[-_][0-9]{2}$/;
const BIRTH_CUE = /^(?:born|birth|b\.|geb|d\.?o\.?b|bday|yob)/i;

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(PARTIAL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // A birth year alone may stay, unless it shows an age over 89 (spec §1.4).
    if (m[1].length === 4 && YEAR_ONLY.test(m[1]) && (!BIRTH_CUE.test(m[0]) || +m[1] > currentUtcYear() - 90)) continue;
    if (SLUG_MONTH_DAY.test(m[1]) && !BIRTH_CUE.test(m[0])) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - m[1].length, end, kind });
  }
  scanCjkDates(text, out, kind);
}

/** Month-and-year or month-and-day dates (C) after a cue that ties them to the person. */
export const partialDateDetector = defineDetector('partial_date', '[DATE]', 'C', scan);
