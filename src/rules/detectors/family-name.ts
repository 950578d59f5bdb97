import { resetAt } from './scan.js';
import { titleWord } from './item-name.js';
import { nameWord } from './verb-name.js';
import { scanNewbornNames } from './newborn-name.js';
import { scanHouseholdNames } from './household-name.js';
import { scanSignOffNames } from './sign-off-name.js';
import { scanEmployerNames } from './employer-name.js';
import { scanLowerRecordNames } from './lower-record-name.js';
import { scanKinTitleNames } from './kin-title.js';
import { scanProseFamilies } from './family-plural.js';
import type { Detection } from './types.js';

// A surname in a family's title (Safe Harbor A: the household's name): a card signed `With love, The Lindqvist-Okoro
// Family`, `Gute Besserung wünscht Familie Brandstätter`, `Merci pour tout, Famille Delacroix-Aubert`, `- the Vanderhoven
// family`. Read where the text is someone's own words (a first- or second-person word) or the title closes the text or a
// line (a signature), so a building's or a show's name (`Wexler Family Pavilion`, `The Addams Family (theater night)`)
// stays. The surname goes; `The`, `Family`, `Familie` stay. The prefilter marks `famil` at its `f` (cue-at.ts).
const FAMILY_RE = /(?<![\p{L}\p{M}])(?:[Tt]he[ ](\p{Lu}[\p{L}\p{M}'\u2019-]+)[ ][Ff]amily|(?:[Ff]amilie|[Ff]amille|[Ff]amilia|[Ff]amília|[Ff]amiglia)[ ](\p{Lu}[\p{L}\p{M}'\u2019-]+))(?![\p{L}\p{M}])/gu;
const OWN_WORDS = /(?<![\p{L}\p{M}])(?:i|me|my|we|our|us|you|your|thank|thanks|love|ich|wir|uns|euch|ihr|je|nous|vous|merci|yo|nosotros|gracias|te|ti|grazie|noi|wij|jullie|bedankt)(?![\p{L}\p{M}])/iu;
const CLOSES = /^[ .!)]*(?:$|\r?\n)/;
const PROSE_NEXT = /^[ ]+\p{Ll}/u;

/** Surnames in a family's title in someone's own words (see above). */
export function scanFamilyNames(text: string, out: Detection[], kind: string): void {
  scanNewbornNames(text, out, kind); // a newborn's surname after `Baby Girl` (newborn-name.ts)
  scanHouseholdNames(text, out, kind); // `our son ethan was seen`, `my roommate Jake Torres` (household-name.ts)
  scanSignOffNames(text, out, kind); // `love, grandma jean`, `from the Nguyens` (sign-off-name.ts)
  scanEmployerNames(text, out, kind); // `I work at Tesla` (employer-name.ts)
  scanLowerRecordNames(text, out, kind); // `pt: okafor, kenji` (lower-record-name.ts)
  scanKinTitleNames(text, out, kind); // `Grandma Jean is visiting`, `it's Kim, your neighbor`, `regards jane` (kin-title.ts)
  if (text.indexOf('he ') >= 0) scanProseFamilies(text, out, kind); // `the Garcias came by` (family-plural.ts)
  if (text.indexOf('amil') < 0) return;
  const re = resetAt(FAMILY_RE, 0);
  let own: boolean | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[1] ?? m[2];
    const lower = name.toLowerCase();
    if (!nameWord(lower) || titleWord(lower)) continue;
    const end = m.index + m[0].length;
    // A family in prose (`the Castellanos family is waiting`: `family` in lower case before a lower-case word) is no building's name.
    const prose = m[1] !== undefined && m[0].endsWith('family') && PROSE_NEXT.test(text.slice(end, end + 3));
    if (!prose && !CLOSES.test(text.slice(end, end + 4)) && !(own ??= OWN_WORDS.test(text))) continue;
    const start = m.index + m[0].indexOf(name, m[1] !== undefined ? 4 : 6);
    out.push({ start, end: start + name.length, kind });
  }
}
