// The words around a yearless day and month that say it is no one's date (day-month.ts): a measure or fraction's
// unit after it, a score's or a position's word before it, a public event's word before it, and the prepositions a
// date takes where its digits alone could be a range or a fraction.

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c >= 192 || c === 39;

/** Up to `n` words before `at`, nearest first, lower case (stops at a line break or a tag's `>`: `<p>From 6/2` has no page `p`). */
export function wordsBefore(text: string, at: number, n: number): string[] {
  const words: string[] = [];
  let i = at - 1;
  while (words.length < n && i >= 0) {
    while (i >= 0 && !isWordChar(text.charCodeAt(i))) { if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 62) return words; i--; }
    const end = i + 1;
    while (i >= 0 && isWordChar(text.charCodeAt(i))) i--;
    if (end > i + 1) words.push(text.slice(i + 1, end).toLowerCase());
  }
  return words;
}

/** The first word at or after `at` (past spaces), lower case. */
export function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const from = i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return text.slice(from, i).toLowerCase();
}

// A fraction's or a measure's unit after the number (`1/2 cup`, `1/4 of a pill`, `4/5 stars`, `march 5 miles`).
const UNITS = new Set(['cup', 'cups', 'c', 'tsp', 'tbsp', 'teaspoon', 'teaspoons', 'tablespoon', 'tablespoons', 'tablet', 'tablets', 'tab', 'tabs',
  'pill', 'pills', 'capsule', 'capsules', 'dose', 'doses', 'mg', 'mcg', 'ml', 'oz', 'ounce', 'ounces', 'lb', 'lbs', 'pound', 'pounds', 'inch', 'inches',
  'in', 'mile', 'miles', 'mi', 'km', 'hour', 'hours', 'hr', 'hrs', 'minute', 'minutes', 'min', 'mins', 'star', 'stars', 'point', 'points', 'pts', 'of',
  'off', 'way', 'strength', 'liter', 'liters', 'litre', 'litres', 'gallon', 'gallons', 'scale', 'split', 'majority', 'share', 'shares', 'cm', 'mm', 'kg', 'g']);
// A score's or a position's word before the number (`pain 7/10`, `my pain is 8/10`, `page 3/14`, `ratio 3/14 of`, `step 2/4`).
const SCORES = new Set(['pain', 'rate', 'rated', 'rating', 'score', 'scored', 'scores', 'page', 'pages', 'pg', 'p', 'slide', 'slides', 'step', 'steps',
  'question', 'questions', 'q', 'item', 'items', 'part', 'chapter', 'ratio', 'vision', 'bp', 'pressure', 'level', 'grade', 'stage', 'size', 'sizes',
  'number', 'no', 'line', 'row', 'aisle', 'gate', 'room', 'lane', 'bus', 'route', 'exit', 'unit', 'bed', 'odds', 'apgar', 'dilated', 'version', 'v',
  'track', 'episode', 'ep', 'season', 'volume', 'vol', 'issue', 'section', 'figure', 'fig', 'table', 'ratios', 'dosage', 'dose', 'strength']);
// A public event, offer or a site's own schedule before the date (`webinar on March 14`, `offer ends 12/1`, `blood drive is 2/20`).
const PUBLIC = new Set(['webinar', 'webinars', 'seminar', 'seminars', 'workshop', 'workshops', 'class', 'classes', 'course', 'courses', 'lecture',
  'lectures', 'event', 'events', 'fair', 'festival', 'drive', 'sale', 'sales', 'offer', 'offers', 'promo', 'promos', 'promotion', 'deal', 'deals',
  'coupon', 'discount', 'registration', 'deadline', 'house', 'gala', 'fundraiser', 'tour', 'tours', '5k', '10k', 'walk', 'run', 'race', 'concert',
  'meeting', 'meetings', 'meets', 'session', 'sessions', 'newsletter', 'hours', 'closed', 'closes', 'ends', 'starts', 'begins', 'opens', 'launch',
  'launches', 'resume', 'resumes', 'webcast', 'conference', 'expires', 'valid', 'pricing', 'holiday', 'holidays', 'celebration', 'luncheon', 'open']);
// Where a range (`12-17`) or a fraction (`2/3`) is a date: after `on`, `since`, `from`… (`from 3/1 to 3/5`, `on 2/3`).
const DATE_PREPOSITIONS = new Set(['on', 'since', 'from', 'to', 'until', 'till', 'til', 'through', 'thru', 'by', 'before', 'after', 'and', 'el', 'le',
  'am', 'il', 'em', 'desde', 'depuis', 'seit', 'vom', 'bis', 'al', 'del', 'du', 'au', 'dal', 'starting']);

/** For a date in digits only (`3/14`, `14.03.`): a unit after [start, end) or a score's word among the two words before. */
export function dayMonthMeasure(text: string, start: number, end: number): boolean {
  if (UNITS.has(wordAfter(text, end)) || text.charCodeAt(end) === 37) return true;
  for (const w of wordsBefore(text, start, 2)) if (SCORES.has(w)) return true;
  return false;
}

/** A public event's word among the four words before `start`. */
export function dayMonthPublic(text: string, start: number): boolean {
  for (const w of wordsBefore(text, start, 4)) if (PUBLIC.has(w)) return true;
  return false;
}

// A procedure's word right before a dashed pair makes it the day it was done (`tonsils out 12-17`, `knee replaced 6-22`,
// `c-section 8-30`, `colonoscopy 10-9`); a count after it keeps it a range (`surgery 2-3 weeks`, `pulled 3-4 times`).
const PROCEDURES = new Set(['removed', 'replaced', 'repaired', 'pulled', 'extracted', 'operated', 'surgery', 'op', 'operation', 'procedure', 'colonoscopy',
  'endoscopy', 'mammogram', 'biopsy', 'transplant', 'induced', 'admitted', 'discharged', 'ablation', 'stent', 'cath', 'lasik', 'circumcised',
  'quirófano', 'operado', 'operada', 'operiert', 'opéré', 'opérée', 'operato', 'operata']);
const PROCEDURE_END = /(?:ectomy|oscopy|plasty|otomy|ostomy)$/;
// What comes `out` or `off` on a day of its own (`tonsils out`, `cast off`, `stitches out`); `work out 3-4` is a range.
const TAKEN_OUT = new Set(['tonsils', 'appendix', 'gallbladder', 'teeth', 'tooth', 'adenoids', 'stitches', 'staples', 'sutures', 'cast', 'drain', 'cataract', 'cataracts']);
const NOT_PLURAL = new Set(['was', 'has', 'this', 'thus', 'plus', 'is', 'as', 'gives', 'always', 'afterwards', 'hurts', 'went', 'does', 'seems', 'says', 'stings', 'aches']);
const COUNTS = new Set(['times', 'time', 'x', 'days', 'day', 'weeks', 'week', 'wks', 'months', 'month', 'years', 'yrs', 'reps', 'sets', 'visits', 'nights', 'per', 'a']);

/** Whether a procedure's word (above) stands right before `at` and no count follows the pair ending at `end`. */
export function procedureBefore(text: string, at: number, end: number): boolean {
  const [w, v] = wordsBefore(text, at, 2);
  const next = wordAfter(text, end);
  // A plural after the pair counts things (`removed 2-3 polyps`), as the counts above do.
  if (w === undefined || COUNTS.has(next) || (next.length > 3 && next.endsWith('s') && !NOT_PLURAL.has(next))) return false;
  if (PROCEDURES.has(w) || PROCEDURE_END.test(w)) return true;
  if (w === 'section') return v === 'c'; // `c-section 8-30` (a `section 3-4` is a score's)
  return (w === 'out' || w === 'off') && v !== undefined && TAKEN_OUT.has(v);
}

/** Whether the word right before `at` is one a date follows. */
export function datePreposition(text: string, at: number): boolean {
  const [w] = wordsBefore(text, at, 1);
  return w !== undefined && DATE_PREPOSITIONS.has(w);
}
