import { GIVEN_NAMES } from './given-names.js';
import { matchesAt } from './marker-bits.js';
import { nameEnd } from './person-name.js';
import { wholeFullName } from './verb-name.js';
import type { Detection } from './types.js';

// A caption, an image's alt text or an aria label that opens with a person's full name and goes on about
// that person's own care or life (a patient story's picture): `Maria Gonzalez after her knee surgery`,
// `Photo: James O'Neil, recovering at home`, `Video: Deborah Kessler talks about her rehab`. No label says a
// name follows, so three things must hold together: the name opens the text (after a caption's own lead:
// `Photo:`, `Image of`, `Pictured:`), its first word is a common given name (given-names.ts) and the whole
// name is a full name with no team's, place's or product's word (verb-name.ts wholeFullName); then, within
// five words, a pronoun for that person (`her`, `his`, `their`) or a word for being cared for (`recovering`,
// `surgery`, `treatment`, `discharged`). `Saint Mary Hospital entrance`, `Mayo Clinic campus`, `Dr. Smith's
// team`, `Apple Watch heart rate screen` and `Mary Jones Award winners announced` stay.
const LEADS = ['photo of ', 'photo: ', 'photo - ', 'image of ', 'image: ', 'picture of ', 'picture: ', 'pictured: ', 'pictured ', 'video: ',
  'portrait of ', 'portrait: ', 'caption: ', 'alt: '];
const TAIL_RE = new RegExp(
  '^(?:,|\\s[-\u2013\u2014]|:)?\\s(?:[A-Za-z\u2019\']+,?\\s){0,5}?' +
  '(?:her|his|their|she|he|recovering|recovers|recovered|recovery|surgery|operation|treatment|therapy|rehab|rehabilitation|diagnosis|' +
  'diagnosed|discharged|discharge|transplant|bedside|hospital\\sbed|as\\sa\\spatient|patient)(?![A-Za-z])', 'i');
// A clinician's credential right after the name (`Linda Nguyen, RN, with her team`): staff, whom the caption names as such.
const CREDENTIAL_RE = /^,?\s(?:MD|DO|RN|BSN|MSN|NP|APRN|CNM|CRNA|PA|PA-C|PhD|PharmD|DDS|DMD|DPT|OD|LCSW|FACS|FACC)(?![A-Za-z])/;

/** Start of the name the text opens with (after a caption's lead), or -1: a capital starting a common given name. */
export function captionNameStart(text: string): number {
  let from = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 80 || c0 === 73 || c0 === 86 || c0 === 67 || c0 === 65 || c0 === 112 || c0 === 105 || c0 === 118 || c0 === 99 || c0 === 97) {
    for (const lead of LEADS) if (matchesAt(text, 0, lead, true)) { from = lead.length; break; }
  }
  const a = text.charCodeAt(from), b = text.charCodeAt(from + 1);
  if (a < 65 || a > 90 || b < 97 || b > 122) return -1;
  const sp = text.indexOf(' ', from + 2);
  return sp > 0 && sp - from <= 12 && GIVEN_NAMES.has(text.slice(from, sp).toLowerCase()) ? from : -1;
}

/** The full name a caption opens with, when the words after it are about that person's care (see above). */
export function scanCaptionName(text: string, out: Detection[], kind: string): void {
  const from = captionNameStart(text);
  if (from < 0) return;
  const end = nameEnd(text, from, true, true);
  if (end < 0 || !wholeFullName(text.slice(from, end)) || !TAIL_RE.test(text.slice(end, end + 80))) return;
  if (CREDENTIAL_RE.test(text.slice(end, end + 9))) return;
  if (!out.some((d) => d.start <= from && d.end >= end)) out.push({ start: from, end, kind });
}
