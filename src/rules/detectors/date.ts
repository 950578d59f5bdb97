import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?';

// One alternation so each position is tried once; capture groups tell the layouts apart:
//  1-3   ISO  2024-03-14 (+ optional time)     4-7   Y/M/D  1961/03/14, 1961.03.14
//  8-11  M/D/Y or D/M/Y with / . -  (2-digit years only with /)
//  12-14 March 14, 1961 / Mar 14 1961 / Mar 14 '61
//  15-17 14 Mar 1961 / 14-Mar-1961 / 14MAR1961 / 5th of March 1961
const DATE_RE = new RegExp(
  '(?<![0-9A-Za-z])(?:' +
    `([12][0-9]{3})-([01]?[0-9])-([0-3]?[0-9])${TIME}` +
    '|([12][0-9]{3})([/.])([01]?[0-9])\\5([0-3]?[0-9])' +
    '|([0-3]?[0-9])([/.-])([0-3]?[0-9])\\9([0-9]{4}|[0-9]{2})' +
    `|${MONTH}\\.?,? ?([0-3]?[0-9])(?:st|nd|rd|th)?,? ?([12][0-9]{3}|['\u2019][0-9]{2})` +
    `|([0-3]?[0-9])(?:st|nd|rd|th)?(?:[ -](?:of )?|(?=[A-Za-z]{3}[0-9]{4}))${MONTH}\\.?,?(?:[ -]|(?<=[A-Za-z])(?=[0-9]{4}))([12][0-9]{3}|[0-9]{2})` +
    ')(?![0-9])',
  'gi',
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthFromName(name: string): number {
  switch (name.slice(0, 3).toLowerCase()) {
    case 'jan': return 1;
    case 'feb': return 2;
    case 'mar': return 3;
    case 'apr': return 4;
    case 'may': return 5;
    case 'jun': return 6;
    case 'jul': return 7;
    case 'aug': return 8;
    case 'sep': return 9;
    case 'oct': return 10;
    case 'nov': return 11;
    default: return 12;
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month 1-12 and a day that exists in it; Feb 29 only in leap years (or unknown 2-digit ones). */
export function validDate(year: number, month: number, day: number, yearKnown: boolean): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  if (month === 2 && day === 29 && yearKnown) return isLeap(year);
  return true;
}

function accept(m: RegExpExecArray): boolean {
  if (m[1] !== undefined) return validDate(+m[1], +m[2], +m[3], true);
  if (m[4] !== undefined) return validDate(+m[4], +m[6], +m[7], true);
  if (m[8] !== undefined) {
    const sep = m[9];
    const yearText = m[11];
    // `3-14-61` and `1.2.61` read as ranges/versions too often; only `/` takes a 2-digit year.
    if (yearText.length === 2 && sep !== '/') return false;
    const known = yearText.length === 4;
    const year = +yearText;
    const a = +m[8];
    const b = +m[10];
    // US order first, then day-first; either reading being a real date is enough to redact.
    return validDate(year, a, b, known) || validDate(year, b, a, known);
  }
  // `Mar 5 '61`: an apostrophe marks a 2-digit year.
  if (m[12] !== undefined) return m[14].length === 3 ? validDate(0, monthFromName(m[12]), +m[13], false) : validDate(+m[14], monthFromName(m[12]), +m[13], true);
  if (m[15] !== undefined) {
    const whole = m[0];
    // `5 may 20` is prose; a 2-digit year is only trusted in the dashed `14-Mar-61` layout.
    if (m[17].length === 2 && whole[whole.length - 3] !== '-') return false;
    return validDate(+m[17], monthFromName(m[16]), +m[15], m[17].length === 4);
  }
  return false;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 3)) return;
  const re = resetAt(DATE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!accept(m)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Dates (C): numeric ISO/US/EU layouts and month-name forms, month and day validated. */
export const dateDetector = defineDetector('date', '[DATE]', 'C', scan);
