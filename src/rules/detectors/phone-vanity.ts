import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

const VANITY_LETTER_GROUP = /[-) ][A-Z]{3}/;
const NOT_UPPER_ALNUM = /[^A-Z0-9]/g;

// A telephone number written with the keypad's letters (`617-555-HOPE`, `1-800-MY-DOCTOR`, `(555) 123-HEAL`). Such numbers
// are nearly always a business's own marketing number (`Call 617-555-CARE to book`, `Nurse line: (555) 123-HEAL`): the
// clinic's line is not a patient's identifier and stays. A person's own number written that way is still their number
// (D): it goes when the text says it is the writer's (`my cell is 617-555-HOPE`, `reach me at 503-555-DOGS`, `text me on
// …`), within a few characters before it. A number in a phone field is dropped by the field, letters or not.
// An area code (or `1-` and a toll-free code), then keypad characters with at least three capital letters.
const VANITY_RE = /(?<![A-Za-z0-9])(?:\+?1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])(?=[A-Z0-9-]*[A-Z]{3})[A-Z0-9]{2,}(?:[ .-][A-Z0-9]{2,}){0,2}(?![A-Za-z0-9])/g;
const PERSONAL_CUE = new RegExp('(?<![A-Za-z])(?:my (?:(?:cell|mobile|home|work|personal|direct|new|daytime) )?(?:cell phone|phone number|number|phone|cell|' +
  'mobile|line|no\\.?|#)|(?:call|text|reach|contact|ring|page|message|sms|whatsapp) me(?: back)?(?: at| on)?)(?: is|:)?[ :,-]{0,3}$', 'i');
const WINDOW = 40;

function scan(text: string, out: Detection[], kind: string): void {
  // Cheap precheck: a dash or a space before three capitals somewhere (most texts with digits have none).
  if (!VANITY_LETTER_GROUP.test(text)) return;
  const re = resetAt(VANITY_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const keys = m[0].replace(NOT_UPPER_ALNUM, '').length;
    if (keys < 10 || !PERSONAL_CUE.test(text.slice(Math.max(0, m.index - WINDOW), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Telephone numbers (D) spelled with keypad letters, when the text says they are the writer's own (see above). */
export const phoneVanityDetector = defineDetector('phone_vanity', '[PHONE]', 'D/E', scan);
