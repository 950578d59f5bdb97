import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import { MONTH_NAMES } from './month-names.js';
import { dayMonthPublic, dayMonthMeasure, datePreposition, procedureBefore } from './day-month-words.js';
import { careDayBefore } from './care-day.js';
import type { Detection } from './types.js';

// A day and month without a year in a person's own account (Safe Harbor C: every element of a date tied to the individual
// but the year): `on 3/14 i had my colonoscopy`, `My mom fell on March 3`, `since 2/28 i have had a fever`, `he passed away
// 6/9`, `le 14/03 j'ai eu une irm`, `el 3 de mayo mi madre se cayó`, `am 5. Juni wurde meine Mutter operiert`. partial-date.ts
// takes such a date right after a care cue; here the cue is the sentence: a first-person word, a relative or he/she in it
// (PERSON), or a personal care or life event (EVENT). A site's own dates stay: a public event's word among the four words
// before the date (`Join our webinar on March 14`, `I see the blood drive is 2/20`, `offer ends 12/1`), and a sentence with
// no person and no event (`Flu shot clinic on 3/14 at the main campus`, `sale 12/1 - 12/5`). A fraction, score or measure
// stays (`1/2 cup`, `take 1/2 tablet`, `ratio 3/14 of patients`, `page 3/14`, `pain 7/10`, `24/7`; day-month-words.ts).
const DE_MONTH = 'januar|j\u00e4nner|februar|m\u00e4rz|maerz|mai|juni|juli|oktober|dezember';
const FR_MONTH = 'janvier|f\u00e9vrier|fevrier|mars|avril|juin|juillet|ao\u00fbt|aout|septembre|octobre|novembre|d\u00e9cembre|decembre';
const ES_PT_IT_MONTH = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar\u00e7o|' +
  'maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre';
const ANY_MONTH = `(?:${MONTH_NAMES}|${DE_MONTH}|${FR_MONTH}|${ES_PT_IT_MONTH})`;
// Groups: 1-3 digits and their separator (`3/14`, `14/03`, `12-17`), 4-5 a German dotted date (`14.03.`), 6 the day after an
// English month (`March 14`, `Sept. 2`, `jan 9th`), 7 the day before a month (`14th of march`, `3 de mayo`, `5. Juni`, `7 avril`).
const CANDIDATE_RE = new RegExp(
  '(?<![\\p{L}\\p{N}/.,:+-])(?:([0-9]{1,2})([/-])([0-9]{1,2})(?![0-9]|[/.,:-][0-9])|([0-9]{1,2})\\.([0-9]{1,2})\\.(?![0-9.])' +
  `|(?:${MONTH_NAMES})\\.?[ ](?:the[ ])?([0-9]{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}:]|[.,][0-9])` +
  `|([0-9]{1,2})(?:st|nd|rd|th|er|\\.)?[ ](?:of[ ]|de[ ])?${ANY_MONTH}(?![\\p{L}]))`,
  'giu',
);
// Whose account it is: a first-person word, a relative, he or she (English, French, Spanish, German, Italian, Portuguese).
const PERSON = new RegExp(
  "(?<![\\p{L}\\p{M}'\u2019])(?:i|i['\u2019](?:m|ve|d|ll)|im|ive|me|my|mine|myself|he|she|him|his|her|" +
  '(?:grand|great[ -]?grand|step[ -]?)?(?:mom|mum|mommy|mother|ma|dad|daddy|father|pa|son|daughter|child|kid|baby|brother|sister|grandma|grandpa|granny|nana)s?|' +
  'husband|wife|spouse|partner|fianc\u00e9e?|fiancee?|boyfriend|girlfriend|aunt|auntie|uncle|nephew|niece|cousin|' +
  'je|moi|mon|ma|mes|m\u00e8re|p\u00e8re|mari|fils|fille|yo|mi|mis|tuve|fui|madre|padre|esposo|esposa|hijo|hija|ich|mein|meine|meinem|meiner|meinen|mir|mich|' +
  'mutter|vater|sohn|tochter|io|ho|mio|mia|marito|moglie|figlio|figlia|eu|meu|minha|fiz|m\u00e3e|pai|marido|filho|filha)(?![\\p{L}\\p{M}]|[\'\u2019]s[ ]+day)' +
  "|(?<![\\p{L}])j['\u2019](?=\\p{L})",
  'giu',
);
// Short words that are a state, a union or a title in capitals (`Boston, MA`, `our PA`, `EU`), and `Mon` before a date (Monday).
const NOT_PERSON = new Set(['MA', 'ME', 'MI', 'PA', 'EU', 'HO', 'IO', 'MIS']);
const MONDAY = /^mon[ ,.]+(?:[0-9]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;
// A care or life event of someone's, where the sentence names no one (`last menstrual period 8/29`, `tonsils out 12-17`).
// Only events no site schedules (`Stroke Support Group May 5`, `Hospital Week May 10`, `MRI open house` name none of them).
const EVENT = /(?<![\p{L}\p{N}])(?:period|lmp|menstrual|fell|passed[ ]away|miscarriage|seizure|injured|broke|fever|tonsils|biopsy|c-section)(?![\p{L}])/iu;

/** Whether `s` names whose account it is (PERSON), past the capitals and weekday that only look like one. */
function personIn(s: string): boolean {
  const re = resetAt(PERSON, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) if (!NOT_PERSON.has(m[0]) && !MONDAY.test(s.slice(m.index, m.index + 9))) return true;
  return false;
}

// How far a sentence is read each side of the date: bounded, so a text of many dates and no stop stays linear.
const REACH = 160;

/** The sentence around [start, end): from the last stop, `!`, `?`, `;` or line break before it to the first after it. */
function sentence(text: string, start: number, end: number): string {
  let s = start;
  const first = Math.max(0, start - REACH), last = Math.min(text.length, end + REACH);
  while (s > first && !closes(text, s - 1)) s--;
  let e = end;
  while (e < last && !closes(text, e)) e++;
  return text.slice(s, e);
}

function closes(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // An ellipsis goes on with the same account (`admitted on July 4 weekend... actually 7/6`).
  return c === 10 || c === 33 || c === 63 || c === 59 || (c === 46 && text.charCodeAt(i - 1) !== 46 && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32));
}

/** Whether a numeric candidate reads as a day and month: one side a month, the other a day; a dash only after `on`, `since`…. */
function numericDate(text: string, m: RegExpExecArray): boolean {
  const a = +m[1], b = +m[3];
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return false;
  if (a === 24 && b === 7) return false; // round the clock, never the 24th of July
  if (m[2] === '-' || (a < b && b <= 8)) return datePreposition(text, m.index); // `ages 12-17`; `1/2`, `2/3`, `3/4` alone are fractions
  return true;
}

const UNIT_AFTER = /^[ ]*(?:mg|mcg|ml|hours?|hrs?|minutes?|mins?|%)(?![\p{L}])/iu;

/** A month and a day either way round (`12-17`, `17-12`). */
function validPair(m: RegExpExecArray): boolean {
  const a = +m[1], b = +m[3];
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(CANDIDATE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index, end = start + m[0].length;
    // A procedure's word before a dashed pair says whose day it is (`tonsils out 12-17`; day-month-words.ts).
    if (m[1] !== undefined && procedureBefore(text, start, end)) {
      if (!UNIT_AFTER.test(text.slice(end, end + 12)) && validPair(m)) out.push({ start, end, kind });
      continue;
    }
    // A care or life event's word before the date says whose day it is, a fraction's shape too (`seen in clinic 3/7`; care-day.ts).
    const care = careDayBefore(text, start, end);
    if (m[1] !== undefined && !(care ? validPair(m) : numericDate(text, m))) continue;
    if (m[4] !== undefined && (+m[4] < 1 || +m[4] > 31 || +m[5] < 1 || +m[5] > 12)) continue;
    const day = m[6] ?? m[7];
    if (day !== undefined && (+day < 1 || +day > 31)) continue;
    if (((m[1] ?? m[4]) !== undefined && !care && dayMonthMeasure(text, start, end)) || dayMonthPublic(text, start)) continue;
    if (care) { out.push({ start, end, kind }); continue; }
    const around = sentence(text, start, end);
    if (personIn(around) || EVENT.test(around)) out.push({ start, end, kind });
  }
}

/** A day and month without a year in a person's own account (see above). */
export const dayMonthDetector = defineDetector('day_month', '[DATE]', 'C', scan);
