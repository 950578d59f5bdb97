import { resetAt } from './scan.js';
import type { Detection } from './types.js';
import { currentUtcYear } from '../../common/current-year.js';

// A life's span on a tribute, a memorial or an obituary (`In loving memory of Reginald Fairweather (1931-2026)`, `Forever in our
// hearts: Bartholomew Eckersley, 1928 - 2026`): the two years give the person's age, and past 89 every date element that shows it
// goes (Safe Harbor C, spec §1.4), so the birth year becomes `[DATE]` (the year of death alone shows no age). Read only where the
// text speaks of a death or a memorial, so a hospital's own history (`Serving the community 1901-2026`, `1925–2026 centennial`) stays.
const SPAN_RE = /(?<![0-9A-Za-z])(1[89][0-9]{2}|20[0-9]{2})[ ]?[-\u2013\u2014][ ]?((?:19|20)[0-9]{2})(?![0-9])/g;
const MEMORIAL = /memor(?:y|ial|iam)|obituar|passed[ ]away|rest[ ]in[ ]peace|forever[ ]in[ ]our[ ]hearts|celebrat(?:e|ing|ion)[ ](?:of[ ])?(?:the[ ]|a[ ]|her[ ]|his[ ])?life|tribute|funeral|survived[ ]by|beloved|in[ ]loving|r\.i\.p|\bRIP\b|\u2020/i;

/** Birth years of a life's span past 89 years, in a memorial's text (see above). */
export function scanLifespans(text: string, out: Detection[], kind: string): void {
  const re = resetAt(SPAN_RE, 0);
  let memorial: boolean | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const span = +(m[2] as string) - +(m[1] as string);
    if (span <= 89 || span > 125 || +(m[2] as string) > currentUtcYear() || !(memorial ??= MEMORIAL.test(text))) continue;
    out.push({ start: m.index, end: m.index + (m[1] as string).length, kind });
  }
}
