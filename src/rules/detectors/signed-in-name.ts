import { endsAt, isLetter, matchesAt, codeAt } from './marker-bits.js';
import { fullName, scanNamesAfter } from './person-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { scanESignatures } from './e-signature.js';
import type { Detection } from './types.js';

// An account widget names the visitor signed in (Safe Harbor A), in page titles, banners and text captured from the page:
// `Signed in as Jane Doe`, `Logged in as Jane`, `Not Jane Doe? Sign out`. The words must be a common given name or a full
// name, so `Signed in as Guest`, `Not Sure? Call us`, `Not Ready Yet?` stay; a login name in lower case is no name here.
// A form's or a booking's record names who did it the same way: `Submitted by Jane Doe`, `Booked by: Jane Doe`, `Requested by
// Jane`; `Powered by`, `Sponsored by` are not among these verbs, and `Submitted by Blue Cross` stays (no given name, a title's words).
const DONE_BY_VERBS = ['submitted', 'booked', 'requested', 'scheduled', 'rescheduled', 'cancelled', 'canceled', 'referred', 'completed', 'entered', 'created', 'filled out', 'signed'];
const DONE_BY_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${DONE_BY_VERBS.join('|').replace(/ /g, '[ ]')})[ ]by(?:[ ]*:)?[ ]+`, 'giu');
const SIGNED_IN_RE = /(?<![\p{L}\p{M}])(?:signed|logged)[ ]in[ ]as[ ]+/giu;
const NOT_YOU_RE = /(?<![\p{L}\p{M}])not[ ]+/giu;
const QUESTION_AFTER = /^[ ]?\?/;

function personNamed(text: string, from: number, end: number): boolean {
  return end > from && (GIVEN_NAMES.has(text.slice(from, end).split(' ')[0].toLowerCase()) || fullName(text, from, end));
}

/** Names an account widget shows for the visitor signed in. */
export function scanSignedIn(text: string, out: Detection[], kind: string): void {
  const named = (from: number, end: number): boolean => personNamed(text, from, end);
  scanNamesAfter(SIGNED_IN_RE, text, out, kind, named);
  scanNamesAfter(DONE_BY_RE, text, out, kind, named);
  scanESignatures(text, out, kind); // `/s/ Jane Q. Doe` (e-signature.ts)
  if (text.indexOf('?') < 0) return;
  scanNamesAfter(NOT_YOU_RE, text, out, kind, (from, end) => named(from, end) && QUESTION_AFTER.test(text.slice(end, end + 2)));
}

/** At the `g` of `sign…` or the second `g` of `logge…` (rarer pairs than the `in` of `in as`): `signed in as`, `logged in as`. */
export function signedInAt(text: string, i: number, next: number): boolean {
  return next === 110 ? matchesAt(text, i - 2, 'signed in as ', true) : next === 101 && matchesAt(text, i - 3, 'logged in as ', true);
}

/** At the `n` of a word `not` with a question mark later in the text (`Not Jane Doe? Sign out`). */
export function notYouAt(text: string, i: number): boolean {
  return !isLetter(codeAt(text, i - 1)) && matchesAt(text, i, 'not ', true) && text.indexOf('?', i + 5) > 0;
}

/** At the `b` of `by` after one of the verbs above (`Submitted by Jane Doe`). */
export function doneByAt(text: string, i: number): boolean {
  if (!endsAt(text, i, 'ed ') && !endsAt(text, i, 'out ')) return false;
  for (const verb of DONE_BY_VERBS) if (endsAt(text, i, `${verb} `)) return true;
  return false;
}
