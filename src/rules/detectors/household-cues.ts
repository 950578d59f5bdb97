import { NAME_CUE, codeAt, isLetter, lower, matchesAt, endsAt } from './marker-bits.js';
import { ourLeadAt } from './household-name.js';
import { kinTitleAt } from './kin-title.js';

import { placeCueAt } from './place-said.js';
import { lowerRecordAt } from './lower-record-name.js';

export { placeCueAt };

/** At a comma: a town before a state's code closing the text (place-said.ts), a lower-case surname after a label (lower-record-name.ts). */
export function commaCueAt(text: string, i: number): number {
  return placeCueAt(text, i, 44) | (lowerRecordAt(text, i) ? NAME_CUE : 0);
}

// The prefilter's marks (NAME_CUE) for the names of household-name.ts, sign-off-name.ts and employer-name.ts where no other
// cue marks the text: `our` before a relative or a household member, `I` before a job's verb (`I work at`, `I drive for`),
// a family's plural after `from the`/`for the`, an occupant's `is` after a bed or room, `xoxo`, and the employer cues of
// other languages (`trabajo en`, `chez`, `arbeite bei`, `lavoro presso`). Each is tested at the letter the walk stops at.
const I_JOB = /^i[ ](?:(?:currently|also)[ ])?(?:work|worked|am[ ]working|drive|teach|clean|cook|deliver)[ ]/i;
// As wide as employer-name.ts's `im` forms (`im a nurse at`, `im currently working for`, `im employed by`).
const IM_JOB = /^im[ ]+(?:(?:currently|also)[ ]+)?(?:employed|working|an?[ ])/i;
const OCCUPANT_BEFORE = /(?:room|rm\.?|bed|bay|cama|chambre|zimmer)[ ]?#?[0-9][0-9A-Za-z-]{0,5}[ ]$/iu;
const UPPER = /^\p{Lu}/u;

/** Warm sign-offs before a comma (cue-at.ts breakCue): `love,`, `love always,`, `hugs,`, `thanks so much,`, `con cariño,`. */
export const WARM_SIGN_OFFS: readonly string[] = ['love', 'always', 'ya', 'lots', 'all', 'much', 'hugs', 'kisses', 'xoxo', 'xo', 'wishes', 'warmly', 'care', 'bless', 'cari\u00f1o', 'amor',
  'bisous', 'besos', 'abrazos', 'affectueusement', 'liebe', 'baci', 'abbraccio'];

/** Whether a household, sign-off or employer cue opens at `i` (letter `c`, either case). */
export function householdCueAt(text: string, i: number, c: number): boolean {
  const prevLetter = isLetter(codeAt(text, i - 1));
  switch (lower(c)) {
    case 111: return !prevLetter && (c === 79 && codeAt(text, i + 1) !== 117 ? kinTitleAt(text, i) : ourLeadAt(text, i)); // our; `Oma Lena`
    case 105: // `I work at`; `bed 4 is Robert`
      if (prevLetter) return false;
      if (codeAt(text, i + 1) === 32) return I_JOB.test(text.slice(i, i + 40));
      if (lower(codeAt(text, i + 1)) === 109) return IM_JOB.test(text.slice(i, i + 64)); // `im a nurse at kaiser` (no apostrophe)
      return lower(codeAt(text, i + 1)) === 115 && OCCUPANT_BEFORE.test(text.slice(Math.max(0, i - 24), i));
    case 102: return !prevLetter && (matchesAt(text, i, 'from the ', true) || matchesAt(text, i, 'for the ', true)) && UPPER.test(text.slice(i + (lower(codeAt(text, i + 1)) === 114 ? 9 : 8), i + 10));
    case 120: return matchesAt(text, i, 'xoxo', true) || (matchesAt(text, i, 'xo', true) && !isLetter(codeAt(text, i + 2)) && !prevLetter);
    case 99: return matchesAt(text, i, 'chez ', true) || (c === 67 && kinTitleAt(text, i)); // je travaille chez, caissière chez; `Cousin Vinnie`
    case 103: return c === 71 ? kinTitleAt(text, i) : matchesAt(text, i - 2, 'regards ', true) || matchesAt(text, i - 2, 'regards\n', true); // `Grandpa Walt`; `regards jane`
    case 97: case 117: case 116: case 110: case 112: return !prevLetter && c < 97 && kinTitleAt(text, i); // `Aunt Rosie`, `Uncle Jim`, `Tía Carmen`, `Nana Pearl`, `Papa Joe`
    case 98: return matchesAt(text, i - 3, 'trabaj', true) || (matchesAt(text, i, 'bei ', true) && endsAt(text, i, 'arbeite ')) || matchesAt(text, i - 3, 'trabalho ', true);
    case 118: return matchesAt(text, i - 2, 'lavoro ', true); // lavoro presso
    case 119: return matchesAt(text, i, 'werk ', true) && endsAt(text, i, 'ik '); // ik werk bij
    default: return false;
  }
}
