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

// A first word not in the list (`Oluwaseun Adeyemi after her knee surgery`, `Thandiwe Mokoena recovering at home`): the
// list cannot hold every given name, so a caption opening with two or three capitalised words is read as a name when,
// within three words, a pronoun for a person or a word for being cared for follows; and none of the words is a place's,
// a building's or an event's (`Central Park with her kids`, `Boston Marathon, his first since surgery`, `Northbay
// Pavilion after its renovation` stay). The prefilter asks UNLISTED_HINT of the 70 characters after the first word.
const CARE = 'her|his|their|she|he|recovering|recovers|recovered|recovery|surgery|operation|treatment|therapy|rehab|rehabilitation|' +
  'diagnosis|diagnosed|discharged|discharge|transplant|chemotherapy|chemo|dialysis|bedside|as\\sa\\spatient|patient';
const UNLISTED_HINT = new RegExp(`(?<![A-Za-z])(?:${CARE})(?![A-Za-z])`, 'i');
// After a comma or a dash, up to three words; after a space, the care word itself or a linking word first (`after her`,
// `with her twins`, `describes his`), so a product's verb (`Fitbit Charge helps her sleep`) does not read as a person's.
const LINK = 'after|during|with|and|before|following|at|in|talks|shares|describes|tells|says|holds|hugs|celebrates|returns|smiles|thanks|meets|reunites';
const NEAR_TAIL_RE = new RegExp(`^(?:(?:,|\\s[-\u2013\u2014]|:)\\s(?:[A-Za-z\u2019']+,?\\s){0,3}?|\\s(?:${LINK})\\s(?:[A-Za-z\u2019']+,?\\s){0,2}?|\\s)(?:${CARE})(?![A-Za-z])`, 'i');
const OPENS_NAME = /^\p{Lu}[\p{Ll}\p{M}]/u;
const CAPITAL = /\p{Lu}/u;
const PLACE_WORD = new Set(['park', 'lake', 'river', 'bridge', 'gate', 'mount', 'mountain', 'mountains', 'beach', 'bay', 'island', 'valley', 'hill',
  'hills', 'square', 'street', 'avenue', 'road', 'garden', 'gardens', 'museum', 'library', 'university', 'college', 'school', 'academy', 'stadium',
  'arena', 'field', 'church', 'chapel', 'cathedral', 'temple', 'mosque', 'building', 'tower', 'hall', 'pavilion', 'wing', 'campus', 'plaza',
  'memorial', 'trail', 'national', 'county', 'city', 'state', 'north', 'south', 'east', 'west', 'new', 'saint', 'st', 'san', 'santa', 'los', 'las',
  'fort', 'port', 'lodge', 'house', 'marathon', 'walk', 'run', 'ride', 'race', 'festival', 'gala', 'day', 'week', 'month', 'awards', 'award',
  'foundation', 'institute', 'medical', 'health', 'healthcare', 'clinic', 'hospital', 'center', 'centre', 'children', 'womens', 'mens', 'cancer',
  'heart', 'kaiser', 'permanente', 'mayo', 'apple', 'google', 'watch', 'app', 'program', 'programme', 'team', 'unit', 'ward', 'floor', 'lobby']);

/** Start of the name the text opens with (after a caption's lead), or -1: a capital starting a common given name,
 * or any two capitalised words with a word for the person or their care soon after (UNLISTED_HINT, see below). */
export function captionNameStart(text: string): number {
  let from = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 80 || c0 === 73 || c0 === 86 || c0 === 67 || c0 === 65 || c0 === 112 || c0 === 105 || c0 === 118 || c0 === 99 || c0 === 97) {
    for (const lead of LEADS) if (matchesAt(text, 0, lead, true)) { from = lead.length; break; }
  }
  const a = text.charCodeAt(from), b = text.charCodeAt(from + 1);
  // A name may open with a letter beyond ASCII (`Ólafur Sigurðsson`, `Γιώργος Παπαδόπουλος`): a capital, then a small letter.
  const wide = a >= 128 || b >= 128;
  if (wide ? !OPENS_NAME.test(text.slice(from, from + 2)) : a < 65 || a > 90 || b < 97 || b > 122) return -1;
  const sp = text.indexOf(' ', from + 2);
  if (sp < 0 || sp - from > 14) return -1;
  if (sp - from <= 12 && GIVEN_NAMES.has(text.slice(from, sp).toLowerCase())) return from;
  const c = text.charCodeAt(sp + 1);
  return ((c >= 65 && c <= 90) || (c >= 128 && CAPITAL.test(text[sp + 1]))) && UNLISTED_HINT.test(text.slice(sp, sp + 70)) ? from : -1;
}

/** The full name a caption opens with, when the words after it are about that person's care (see above). */
export function scanCaptionName(text: string, out: Detection[], kind: string): void {
  const from = captionNameStart(text);
  if (from < 0) return;
  const end = nameEnd(text, from, true, true);
  if (end < 0 || !wholeFullName(text.slice(from, end))) return;
  const listed = GIVEN_NAMES.has(text.slice(from, text.indexOf(' ', from)).toLowerCase());
  if (!listed && !unlistedName(text.slice(from, end))) return;
  if (!(listed ? TAIL_RE : NEAR_TAIL_RE).test(text.slice(end, end + 80)) || CREDENTIAL_RE.test(text.slice(end, end + 9))) return;
  if (!out.some((d) => d.start <= from && d.end >= end)) out.push({ start: from, end, kind });
}

/** Two or three words, none a place's, building's or event's word, none in capitals only (an acronym). */
function unlistedName(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 3 && words.every((w) => w.length >= 2 && w !== w.toUpperCase() &&
    w.toLowerCase().split('-').every((part) => !PLACE_WORD.has(part)));
}
