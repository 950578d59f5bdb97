// Blind pass 44 (H224): sites and EHR vendors write a visitor's own areas in the clinic's shorthand
// (`/pt-msgs`, `/acct/stmt`, `/bill-pymt`, `/lab-res/view`, `/new-pt-reg`, `/med-hx-form`, `/tele-appt/join`).
// The pack names those areas in words; a path with such a word is read a second time with it written out
// (once per path and plan: the answer is remembered with the path's verdict), so every rule reads the shorthand
// without each spelling it. Only words that mean nothing else as a whole path word are listed; ones with
// a common other sense are written out only beside the word that fixes their sense (`res` after a test word,
// not `/res/img`; `conf` after a booking word, not `/conf/2026`;
// `recs` after a records word, not a reading list's).
const WORDS: Readonly<Record<string, string>> = {
  pt: 'patient', pts: 'patients', msg: 'message', msgs: 'messages', msgr: 'messenger', pymt: 'payment', pymts: 'payments',
  pymnt: 'payment', pmt: 'payment', pmts: 'payments', paymt: 'payment', stmt: 'statement', stmts: 'statements',
  rslt: 'result', rslts: 'results', reslt: 'result', reslts: 'results', rpt: 'report', rpts: 'reports',
  hx: 'history', appt: 'appointment', appts: 'appointments', apt: 'appointment', apts: 'appointments', acct: 'account',
  accts: 'accounts', reg: 'registration', regis: 'registration', bil: 'billing', sched: 'schedule', presc: 'prescription',
  prescr: 'prescription', rxs: 'prescriptions', pwd: 'password', passwd: 'password', ctr: 'center', inbx: 'inbox',
  cnfrm: 'confirm', confirmd: 'confirmed', med: 'medical', meds: 'medications', vid: 'video',
  ptportal: 'patient-portal',
};
// Words whose other sense is common: written out only after one of the words that fix their sense.
const AFTER: Readonly<Record<string, { readonly after: string; readonly word: string }>> = {
  res: { after: 'lab|labs|test|tests|tst|imaging|rad|path|xray|x-ray|blood|covid', word: 'results' },
  recs: { after: 'med|medical|health|patient|my|view|request', word: 'records' },
  conf: { after: 'appt|appointment|booking|book|visit|sched|schedule|reservation|order', word: 'confirmation' },
};

// Words written out only before a results word (`/rad-res`, `/path-rpts`; not `/rad-summer-camp`).
const BEFORE_RESULTS: Readonly<Record<string, string>> = { rad: 'radiology', path: 'pathology', img: 'imaging' };
const RESULTS_WORD = 'results?|reports?|images';

const WORD_SET = Object.keys(WORDS).join('|');
// Whole path words only: between `/` or `-` or the path's ends. One pattern, compiled once; the replacement looks the word up.
const ABBREVIATION = new RegExp(`(?<=^|[/-])(?:${WORD_SET})(?=$|[/-])`, 'g');
const CONTEXTUAL = Object.entries(AFTER).map(([short, { after, word }]) => ({
  re: new RegExp(`(?<=(?:^|[/-])(?:${after})[/-])${short}(?=$|[/-])`, 'g'),
  word,
}));
const BEFORE = new RegExp(`(?<=^|[/-])(?:${Object.keys(BEFORE_RESULTS).join('|')})(?=[/-](?:${RESULTS_WORD})(?:$|[/-]))`, 'g');
// A cheap gate: most paths have none of these words, and are not copied.
const MAY_ABBREVIATE = new RegExp(`(?:^|[/-])(?:${WORD_SET}|${[...Object.keys(AFTER), ...Object.keys(BEFORE_RESULTS)].join('|')})(?:$|[/-])`);

/** The path with the clinic's shorthand written out (`/pt-msgs` is `/patient-messages`), or undefined when it has none. */
export function abbreviationsWritten(path: string): string | undefined {
  if (!MAY_ABBREVIATE.test(path)) return undefined;
  let written = path.replace(ABBREVIATION, (w) => WORDS[w] ?? w);
  for (const { re, word } of CONTEXTUAL) written = written.replace(re, word);
  written = written.replace(BEFORE, (w) => BEFORE_RESULTS[w] ?? w);
  return written === path ? undefined : written;
}
