import { resetAt } from './scan.js';
import { nameEnd } from './person-name.js';
import { nameWord } from './verb-name.js';
import { TITLE_STOP } from './name-words.js';
import type { Detection } from './types.js';

// The patient's employer in their own words (Safe Harbor A names employers with the individual): `I work at Tesla in Fremont`,
// `my employer is Kaiser Permanente`, `I'm a teacher at Lincoln Elementary`, `I'm employed by Boeing`, `my job at Amazon`, `my
// company, Brightline Logistics,`, `I drive for FedEx`, `trabajo en Walmart`, `je travaille chez Renault`, `caissière chez
// Carrefour`, `ich arbeite bei Siemens`, `lavoro presso Fiat`, `ik werk bij Philips`; a lower-case one only before the job it is
// done as (`i work at target as a cashier`). The first person says it is the writer's own job: a provider's `Dr. Lee works
// at our Oakland clinic`, `we work with most insurers`, `Careers at Northbay` stay, and so do `I work from home`, `I work
// nights`, `I work at a school`, `I'm a patient at …` (no employment). The name is read as person-name.ts reads a name
// (capitalised words up to a lower-case word, `in`, `and`…) and goes as `[NAME]`, the label of Safe Harbor A's names.
// A job's title (`a teacher`, `a bus driver`) between `I'm`/`I work as` and `at`; a patient's, member's, parent's or candidate's is no job.
const ROLE = '(?:a|an)[ ]+[\\p{Ll}-]+(?:[ ]+[\\p{Ll}-]+)?';
const NOT_A_JOB = /(?:patient|member|client|customer|visitor|guest|regular|fan|user|participant|subscriber|resident|student|parent|volunteer|mom|dad|mother|father|candidate|donor|match)s?[ ]+(?:at|for)[ ]/i;
const EMPLOYER_RE = new RegExp(
  '(?<![\\p{L}\\p{M}])(?:i[ ](?:(?:currently|also)[ ])?(?:work|worked|am[ ]working|drive|teach|clean|cook|deliver)(?:[ ]+as[ ]+' + ROLE + ')?[ ]+(?:at|for)' +
  "|(?:i['\u2019]m|i[ ]am)[ ]+(?:(?:currently|also)[ ]+)?(?:employed[ ]+(?:by|at|with)|working[ ]+(?:at|for)|" + ROLE + '[ ]+(?:at|for))' +
  '|my[ ]+(?:employer|company|job|work(?:place)?)[ ]*(?:is|:|,|at|=)' +
  "|trabajo[ ]+(?:en|para|con)|trabalho[ ]+(?:na|no|em|para)|je[ ]+(?:travaille|bosse)[ ]+chez|je[ ]+suis[ ]+\\p{Ll}+[ ]+chez" +
  '|ich[ ]+arbeite[ ]bei|lavoro[ ]+(?:da|per|presso)|ik[ ]werk[ ]+(?:bij|voor))[ ]+(?:the[ ]+)?',
  'giu',
);
const NOT_EMPLOYER = new Set(['myself', 'home', 'night', 'nights', 'school', 'a', 'an', 'the', 'my', 'our', 'this', 'that']);
const HINT = /work|employ|my[ ](?:job|company)|drive|teach|clean|cook|deliver|[ ](?:at|for|with)[ ]|trabaj|chez|arbeite|lavoro|werk/i;
const AS_ROLE = /^[ ]+as[ ]+(?:a|an)[ ]/i;
const LOWER_WORD = /^[\p{Ll}][\p{Ll}'-]+/u;

/** Employers named after the first-person cues above. */
export function scanEmployerNames(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(EMPLOYER_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    if (NOT_A_JOB.test(m[0])) continue;
    let end = nameEnd(text, from, true, false);
    // A title word opens no employer alone (`I work at Home Depot` is one; `I'm a nurse at Home` is not).
    if (end > from && !text.slice(from, end).includes(' ') && TITLE_STOP.has(text.slice(from, end).toLowerCase())) end = -1;
    if (end < 0) {
      // Typed in lower case: a name before the job done there (`i work at target as a cashier`).
      const w = LOWER_WORD.exec(text.slice(from, from + 30))?.[0] ?? '';
      end = w.length > 1 && nameWord(w) && !NOT_EMPLOYER.has(w) && AS_ROLE.test(text.slice(from + w.length, from + w.length + 8)) ? from + w.length : -1;
    }
    if (end > from) {
      out.push({ start: from, end, kind });
      re.lastIndex = end;
    }
  }
}
