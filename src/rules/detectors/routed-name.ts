import { resetAt } from './scan.js';
import { fullName, nameEnd } from './person-name.js';
import { givenWord } from './given-names.js';
import { TITLE_STOP } from './name-words.js';
import { nameWord, verbLike } from './verb-name.js';
import { titleWord } from './item-name.js';
import type { Detection } from './types.js';

// Names after the words that address, route or file a thing to a person (Safe Harbor A): a parcel's or a letter's `c/o
// Desmond Achebe`, `care of …`, `Attn …`, `FAO …`, a mail's `cc …`, `Re: Harriet Olsen`, `Fwd: Benedikt Hauser intake`,
// an order's or a prescription's `Ordered for: Okoye, Chidi`, `requested by: …`, `picked up by …`, a visitor's
// `visiting hours for …`, `referred by Dr. Adams for …`, `emergency contact Marisol Ybarra (wife)`, and the same in
// Spanish, German, French, Portuguese and Italian (`a la atención de`, `z. Hd.`, `zu Händen von`, `à l'attention de`,
// `aos cuidados de`, `presso`). The name is a full name whose words no desk, department or title is named by (`c/o
// Northbay Health Foundation`, `Attn: Billing Department`, `Fwd: Flu Clinic Schedule` stay), or a surname, a comma and a
// given word (`Okoye, Chidi`). A provider's title ends the read (`Attention Dr. Lee` stays, README policy).
const CUES = [
  'c/o', 'in[ ]care[ ]of', 'care[ ]of', 'attn\\.?', 'fao', 'for[ ]the[ ]attention[ ]of', '(?:re|fwd?|fw|aw|wg|tr)[ ]*:', 'b?cc',
  'emergency[ ]contact(?:[ ]is)?', '(?:ordered|prescribed|requested|scheduled|booked|dispensed|intended)[ ]for',
  '(?:requested|accompanied|picked[ ]up|pick[ ]?up|signed[ ]for|escorted|dropped[ ]off)[ ]by',
  '(?:visiting[ ]hours|visitation|call[ ]?back|prescription|refill|paperwork|lab[ ]results|labs)[ ]for',
  "referred[ ]by[ ](?:dr\\.?|doctor)[ ]+\\p{Lu}[\\p{L}'\u2019-]+[ ]for", '(?:for|re)[ ]patient',
  'a[ ]la[ ]atenci[o\u00f3]n[ ]de', 'z\\.[ ]?hd\\.?(?:[ ]v\\.)?', 'zu[ ]h(?:\u00e4|ae|a)nden(?:[ ]von)?', "[a\u00e0][ ]l['\u2019]attention[ ]de",
  'aos[ ]cuidados[ ]de', 'presso',
];
// The character before a cue is matched, not looked behind at: a lookbehind is tried at every position of every text.
export const ROUTE_RE = new RegExp(`(?:^|[^\\p{L}\\p{M}/])(?:${CUES.join('|')})(?![\\p{L}\\p{M}])[ ]*[:=\u2013-]?[ ]*(?=\\p{Lu})`, 'giu');
const SURNAME_FIRST = /^(\p{Lu}[\p{L}\p{M}'\u2019-]{1,30}),[ ]*(\p{Lu}[\p{L}\p{M}'\u2019-]{1,30})(?:[ ]\p{Lu}\.?(?![\p{L}\p{M}]))?/u;
// `Re:`, `Fwd:` and `cc` open any subject or copy line (`Re: Follow Up`, `Fwd: Quick Question`): their name needs a common given
// name first, or a surname no title is written with (a hyphen, an apostrophe or an accent in it: `Okafor-Lowe`, `O'Hara`).
const WEAK_CUE = /^[^\p{L}]?(?:re|fwd?|fw|aw|wg|tr|b?cc)(?![\p{L}])/iu;
const MARKED_SURNAME = /[-'\u2019\u00c0-\u024f\u1e00-\u1eff]/;

/** Whether each word from `from` to `end` may be a person's: no department, title or desk word, and a first word that is no
 * verb-like `-ing`/`-ed` word (a surname may end so: `Al-Sayed`, `Reed`). */
export function personWords(text: string, from: number, end: number): boolean {
  if (!fullName(text, from, end)) return false;
  const words = text.slice(from, end).toLowerCase().split(' ');
  if (verbLike(words[0] as string)) return false;
  for (const w of words) if (!nameWord(w) || titleWord(w)) return false;
  return true;
}

const pairWord = (w: string): boolean => {
  const l = w.toLowerCase();
  return nameWord(l) && !titleWord(l) && !TITLE_STOP.has(l) && !verbLike(l);
};

/** The end of the name routed to at `from` (see above), or -1. */
function routedEnd(text: string, from: number, weak: boolean): number {
  const pair = SURNAME_FIRST.exec(text.slice(from, from + 72));
  // `Okoye, Chidi` (after `Re:` too: a subject line's `Re: Ngata, Wiremu - referral`).
  if (pair !== null && pairWord(pair[1]) && pairWord(pair[2])) return from + pair[0].length;
  const end = nameEnd(text, from, true, true);
  if (end <= from || !personWords(text, from, end)) return -1;
  if (weak && !givenWord(text.slice(from, text.indexOf(' ', from))) && !MARKED_SURNAME.test(text.slice(text.lastIndexOf(' ', end - 1) + 1, end))) return -1;
  return end;
}

/** Whether one of the first `before` names covers `from` to `end` (at most 64 looked at: a text with more names is cut anyway). */
function coveredBefore(out: readonly Detection[], before: number, from: number, end: number): boolean {
  for (let i = Math.max(0, before - 64); i < before; i++) { const d = out[i] as Detection; if (d.start <= from && d.end >= end) return true; }
  return false;
}

/** Names after an addressing or routing word, as above. */
export function scanRoutedNames(text: string, out: Detection[], kind: string): void {
  const re = resetAt(ROUTE_RE, 0);
  let m: RegExpExecArray | null;
  // Only names found before this scan can cover one of its own (they never overlap each other): a bounded look back.
  const before = out.length;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = routedEnd(text, from, WEAK_CUE.test(m[0]));
    if (end > from && !coveredBefore(out, before, from, end)) out.push({ start: from, end, kind });
    if (end > from) re.lastIndex = end;
  }
}
