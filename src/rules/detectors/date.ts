import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import { scanBirthLabels } from './birth-label.js';
import { rankBefore, scanAccessDates } from './access-dates.js';
import { scanLifespans } from './lifespan.js';
import type { Detection } from './types.js';
import { MONTH_NAMES } from './month-names.js';
import { publicEventDate } from './public-date.js';

const MONTH = `(${MONTH_NAMES})`;
// Month names of the languages hospital sites most often serve besides English (es, fr, it,
// de, pt, nl, sv, pl), written out in full: their abbreviations collide with common words. Day-first only,
// as these languages write dates (`14 de marzo de 1961`, `14 mars 1961`, `14. März 1961`).
const FOREIGN_MONTHS: Readonly<Record<string, number>> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  // nl, sv/da/no, pl (genitive, as dates write them)
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8, maj: 5, augusti: 8,
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, września: 9, wrzesnia: 9, października: 10, pazdziernika: 10, listopada: 11, grudnia: 12,
};
const FOREIGN = Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).join('|');
const TIME = '(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?';

// One alternation so each position is tried once; capture groups tell the layouts apart:
//  1-3   ISO  2024-03-14 (+ optional time)     4-7   Y/M/D  1961/03/14, 1961.03.14, 1961_03_14
//  8-11  M/D/Y or D/M/Y with / . - _  (2-digit years only with /; `_` as a file's or key's slug writes it: 08_24_1974)
//  12-14 March 14, 1961 / Mar 14 1961 / Mar 14 '61 / Mar-14-1961
//  15-17 14 Mar 1961 / 14-Mar-1961 / 14MAR1961 / 5th of March 1961
//  18-20 1961年3月14日 (Chinese, Japanese), 1961년 3월 14일 (Korean)
//  21    ISO week dates 1961-W11-2 (a year, a week and a weekday: one day)
//  22-24 1961 March 14 / 1961-Mar-14 / 1961 Mar 14th (year first, month named)
// (12-14 also `March the 14th, 1961`.)
const DATE_RE = new RegExp(
  '(?<![0-9A-Za-z])(?:' +
    `([12][0-9]{3})-([01]?[0-9])-([0-3]?[0-9])${TIME}` +
    '|([12][0-9]{3})([/._])([01]?[0-9])\\5([0-3]?[0-9])' +
    '|([0-3]?[0-9])([/._-])([0-3]?[0-9])\\9([0-9]{4}|[0-9]{2})' +
    `|${MONTH}\\.?(?:,? ?|-)(?:the )?([0-3]?[0-9])(?:st|nd|rd|th)?(?:,? ?|-)([12][0-9]{3}|['\u2019][0-9]{2})` +
    `|([0-3]?[0-9])(?:st|nd|rd|th|er|º|°|\\.)?(?:[ -](?:of |de |del )?|(?=[A-Za-z]{3}[0-9]{4}))(${MONTH.slice(1, -1)}|${FOREIGN})\\.?,?(?:[ -](?:de |del )?|(?<=[A-Za-z])(?=[0-9]{4}))([12][0-9]{3}|[0-9]{2})` +
    '|([12][0-9]{3}) ?[年년] ?([01]?[0-9]) ?[月월] ?([0-3]?[0-9])(?![0-9]) ?[日일]?' +
    '|([12][0-9]{3})-W(?:0[1-9]|[1-4][0-9]|5[0-3])-[1-7]' +
    `|([12][0-9]{3})[ -]${MONTH}\\.?[ -]([0-3]?[0-9])(?:st|nd|rd|th)?` +
    ')(?![0-9])',
  'gi',
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthFromName(name: string): number {
  const foreign = FOREIGN_MONTHS[name.toLowerCase()];
  if (foreign !== undefined) return foreign;
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
    // A dotted run whose last part is no one's year (`10.4.1234`, `1.6.2210`) is a version or a build: dotted dates here are 1800-2099.
    if (sep === '.' && (year < 1800 || year > 2099)) return false;
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
  if (m[18] !== undefined) return validDate(+m[18], +m[19], +m[20], true);
  if (m[22] !== undefined) return validDate(+m[22], monthFromName(m[23]), +m[24], true);
  return m[21] !== undefined;
}

// A month of a year before 2010 with no day (`04/1958`, `1958-04`, `April 1958`): with no cue
// (partial-date.ts wants one) it is still not a campaign or report month, which are recent; it
// is a birth or care date far more often. Recent ones (`11/2026`, `2024-03`) stay, and so does
// the month of an invalid day-first date (`31 Apr 1961`, which the date detector rejects).
const OLD_YEAR = '(?:19[0-9]{2}|200[0-9])';
const OLD_MONTH_YEAR_RE = new RegExp(
  `(?<![0-9A-Za-z/.-])(?:(?:0?[1-9]|1[0-2])[/.-]${OLD_YEAR}|${OLD_YEAR}[/-](?:0?[1-9]|1[0-2])|(?<![0-9][ -])${MONTH}\\.?,? ${OLD_YEAR})(?![0-9A-Za-z]|[/.-][0-9])`,
  'gi',
);

// A date that does not exist (`31/02/1961`, `1961-13-04`) is still what someone typed, a birth date mistyped: echoed by a
// form's or an API's error (`invalid date 31/02/1961`, `dob "1961-13-04" rejected`), it goes. Only numeric layouts with a
// four-digit year from 1900 to 2099 and day and month parts of at most 39, and only in an error's text, so a part number
// shaped like a date, or `dob: 2024-13-01` with no error around it, stays as before.
const ECHO_CUE = /invalid|not[ ]a[ ]valid|rejected|out[ ]of[ ]range|does[ ]not[ ]match|doesn['’]t[ ]match|must[ ]be|error|failed|unparseable|cannot[ ]parse|ung[üu]ltig|inv[áa]lid|incorrect|no[ ]v[áa]lid/i;

function impossible(m: RegExpExecArray): boolean {
  const [y, a, b] = m[1] !== undefined ? [m[1], m[2], m[3]] : m[4] !== undefined ? [m[4], m[6], m[7]] : m[8] !== undefined ? [m[11], m[8], m[10]] : ['', '', ''];
  return y.length === 4 && +y >= 1900 && +y <= 2099 && +a <= 39 && +b <= 39;
}

// A calendar version after the word for it (`build 2026.11.29`, `ver. 2026.11.29`, `firmware: 2025.12.01`, `SDK 2026-11-03`):
// a year-first date whose year is this century, dotted or dashed, right after a version word. Not after a bare `release`
// (a hospital's release is a discharge) and not with a time (a build's time stamp is still a day).
const VERSION_LEAD_RE = /(?:^|[^A-Za-z])(?:version|ver|build|firmware|fw|sdk|rev|revision)\.?\s?[:#]?\s?$/i;

function versionDate(text: string, m: RegExpExecArray): boolean {
  const year = m[1] ?? m[4];
  if (year === undefined || year[0] !== '2' || (m[1] !== undefined && m[0].length > 10) || (m[4] !== undefined && m[5] !== '.')) return false;
  return VERSION_LEAD_RE.test(text.slice(Math.max(0, m.index - 14), m.index));
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 3)) return;
  const re = resetAt(DATE_RE, 0);
  let m: RegExpExecArray | null;
  const mark = out.length;
  let echo: boolean | undefined;
  while ((m = re.exec(text)) !== null) {
    if (!accept(m)) {
      if (impossible(m) && (echo ??= ECHO_CUE.test(text))) { out.push({ start: m.index, end: m.index + m[0].length, kind }); continue; }
      re.lastIndex = m.index + 1;
      continue;
    }
    if (versionDate(text, m)) continue;
    // A public event's, an offer's or a release's whole date (`webinar on March 12, 2026`; public-date.ts).
    if (publicEventDate(text, m.index, yearOf(m))) continue;
    // `Top 10 June 2024 picks`: a ranking's count, not a day (access-dates.ts); an older month stays a birth month's.
    if (m[15] !== undefined && m[17].length === 4 && +m[17] >= 2000 && rankBefore(text, m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (text.indexOf('19') >= 0 || text.indexOf('200') >= 0) scanOldMonthYear(text, out, kind, mark);
  if (text.indexOf('19') >= 0 || text.indexOf('18') >= 0) scanLifespans(text, out, kind); // `(1931-2026)` on a tribute (lifespan.ts)
  scanBirthLabels(text, out, kind); // `födelsedatum 3/5-80`, `datum narození 22.1.71` (birth-label.ts)
  scanAccessDates(text, out, kind); // `Marso 19, 1957`, `7 сентября 1951`, `생년월일: 56.02.29` (access-dates.ts)
}

/** The four-digit year of an accepted match, or 0 (a two-digit year is never a public date's). */
function yearOf(m: RegExpExecArray): number {
  const y = m[1] ?? m[4] ?? m[11] ?? m[14] ?? m[17] ?? m[18] ?? m[22] ?? '';
  return y.length === 4 ? +y : 0;
}

function scanOldMonthYear(text: string, out: Detection[], kind: string, mark: number): void {
  const re = resetAt(OLD_MONTH_YEAR_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index, end = m.index + m[0].length;
    let inside = false;
    for (let i = mark; i < out.length && !inside; i++) inside = out[i].start <= start && out[i].end >= end;
    if (!inside) out.push({ start, end, kind });
  }
}

/** Dates (C): numeric ISO/US/EU layouts and month-name forms, month and day validated. */
export const dateDetector = defineDetector('date', '[DATE]', 'C', scan);
