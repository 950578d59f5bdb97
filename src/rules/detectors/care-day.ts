import { wordAfter, wordsBefore } from './day-month-words.js';

const DAY_MONTH_PAIR = /^([0-9]{1,2})[/-]([0-9]{1,2})$/;

// A day and month without a year right after words saying it is a day of someone's care or life (Safe Harbor C), where the
// sentence names no one (day-month.ts reads a sentence with `I`, `my`, a relative, he or she): `due date 4/18`, `EDD 6/3`,
// `bday 5/21`, `seen on 3-4`, `last seen 11/23`, `seen in clinic 3/7`, `follow up on 12/9`, `f/u 1/15`, `recheck 12/16`,
// `tested positive 11/5`, `symptoms started 11/19`, `onset 10/30`, `last dose 11/29`, `DOI 9/14`, `x-ray done 10/22`,
// `labs drawn 11/17`, `vaccinated 10/15`, `shots given 8/6`, `ultrasound 9/21`, `fecha probable de parto 18/5`. The word stands
// among the four before the date; a site's own dates name none of them (`Baby & Me yoga starts 12/3`, `Meet Santa on 12/12`,
// a public event's word before wins: day-month-words.ts), and a count or a unit after the pair keeps it a range or a measure
// (`follow up in 2-3 weeks`, `recheck 1/2 tablet`).
const CARE = new Set(['seen', 'recheck', 'rechecked', 'edd', 'bday', 'birthday', 'bd', 'cumplea\u00f1os', 'cumple', 'anniversaire', 'geburtstag',
  'onset', 'symptoms', 'symptom', 'started', 'began', 'begun', 'positive', 'negative', 'tested', 'dosed', 'vaccinated', 'immunized', 'immunised',
  'given', 'administered', 'injury', 'injured', 'doi', 'accident', 'xray', 'x-ray', 'mri', 'ct', 'ultrasound', 'sonogram', 'labs', 'bloodwork', 'drawn',
  'ekg', 'ecg', 'checkup', 'arrived', 'induced', 'induction', 'postpartum', 'parto', 'fpp', 'cita', 'consulta', 'visto', 'vista', 'accouchement', 'terme',
  'dpa', 'rdv', 'geburtstermin', 'entbindungstermin', 'termin', 'kontrolle', 'fu']);
// A word that is a care cue only after another (`follow up`, `check up`, `f/u`, `last dose`, `x ray`, `due date`).
const AFTER_WORD: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['up', new Set(['follow', 'check'])], ['u', new Set(['f'])], ['day', new Set(['b'])], ['ray', new Set(['x'])], ['dose', new Set(['last', 'first', 'second', 'third', 'booster', 'final', 'next'])],
  ['date', new Set(['due', 'birth', 'admit', 'injury', 'delivery'])], ['due', new Set([])],
]);
// `due` is a bill's or a form's as often (`payment is due 12/15`, `forms due 12/1`): not after those words.
const NOT_DUE = new Set(['bill', 'bills', 'payment', 'payments', 'balance', 'invoice', 'fee', 'fees', 'rent', 'amount', 'premium', 'premiums', 'copay',
  'deposit', 'tuition', 'application', 'applications', 'form', 'forms', 'paperwork', 'assignment', 'homework', 'report', 'reports', 'renewal', 'taxes',
  'tax', 'dues', 'rsvp', 'rsvps', 'entries', 'submissions', 'nominations']);
const COUNTS = new Set(['times', 'time', 'x', 'days', 'day', 'weeks', 'week', 'wks', 'months', 'month', 'years', 'yrs', 'hours', 'hrs', 'minutes', 'mins',
  'per', 'a', 'cup', 'cups', 'tablet', 'tablets', 'tab', 'tabs', 'pill', 'pills', 'mg', 'ml', 'stars', 'star', 'points', 'doses', 'shots']);

/** `1/2`, `2/3`, `3/4` and the like: a share before `of` (`seen 3/4 of patients`), where `11/29 of` is a day. */
function fraction(pair: string): boolean {
  const m = DAY_MONTH_PAIR.exec(pair);
  return m !== null && +(m[1] as string) < +(m[2] as string) && +(m[2] as string) <= 8;
}

/** Whether a care or life event's word stands among the four words before the date at [start, end) (see above). */
export function careDayBefore(text: string, start: number, end: number): boolean {
  const next = wordAfter(text, end);
  if (COUNTS.has(next) || (next === 'of' && fraction(text.slice(start, end)))) return false;
  const words = wordsBefore(text, start, 5);
  for (let k = 0; k < Math.min(4, words.length); k++) {
    const w = words[k] as string;
    if (CARE.has(w)) return true;
    const before = AFTER_WORD.get(w);
    if (before === undefined) continue;
    if (w === 'due' || (w === 'date' && words[k + 1] === 'due')) return !words.some((x) => NOT_DUE.has(x));
    if (before.has(words[k + 1] ?? '')) return true;
  }
  return false;
}
