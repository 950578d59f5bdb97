// The words around a yearless day and month that say it is no one's date (day-month.ts): a measure or fraction's
// unit after it, a score's or a position's word before it, a public event's word before it, and the prepositions a
// date takes where its digits alone could be a range or a fraction.

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c >= 192 || c === 39;

/** Up to `n` words before `at`, nearest first, lower case (stops at a line break or a tag's `>`: `<p>From 6/2` has no page `p`). */
function wordsBefore(text: string, at: number, n: number): string[] {
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
function wordAfter(text: string, at: number): string {
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

/** Whether the word right before `at` is one a date follows. */
export function datePreposition(text: string, at: number): boolean {
  const [w] = wordsBefore(text, at, 1);
  return w !== undefined && DATE_PREPOSITIONS.has(w);
}
