import { resetAt } from './scan.js';
import { nameEnd } from './person-name.js';
import { nameWord, verbLike } from './verb-name.js';
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
const HOUSEHOLD = '(?:husband|wife|spouse|partner|boyfriend|girlfriend|fianc[eé]e?|son|daughter|mom|mother|dad|father|brother|sister|' +
  'step(?:son|daughter|mom|dad|father|mother)|roommate|aunt|uncle|grandson|granddaughter|grand(?:ma|pa|mother|father))';
const ROLE = '(?:a|an)[ ]+[\\p{Ll}-]+(?:[ ]+[\\p{Ll}-]+)?';
const NOT_A_JOB = /(?:patient|member|client|customer|visitor|guest|regular|fan|user|participant|subscriber|resident|student|parent|volunteer|mom|dad|mother|father|candidate|donor|match)s?[ ]+(?:at|for)[ ]/i;
const EMPLOYER_RE = new RegExp(
  '(?<![\\p{L}\\p{M}])(?:i[ ](?:(?:currently|also)[ ])?(?:work|worked|am[ ]working|drive|teach|clean|cook|deliver)(?:[ ]+as[ ]+' + ROLE + ')?[ ]+(?:at|for|(in)(?=[ ]+the[ ]))' +
  "|(?:i['\u2019]m|i[ ]am|im)[ ]+(?:(?:currently|also)[ ]+)?(?:employed[ ]+(?:by|at|with)|working[ ]+(?:at|for)|" + ROLE + '[ ]+(?:at|for))' +
  '|my[ ]+(?:employer|company|job|work(?:place)?)[ ]*(?:is|:|,|at|=)' +
  // a relative's or a housemate's (Safe Harbor A: employers of the individual's relatives and household): `my husband works at Costco`
  '|(?:my|our)[ ]+' + HOUSEHOLD + '[ ]+(?:(?:currently|also|still)[ ]+)?(?:works|worked|is[ ]working|drives|teaches|cleans|cooks|is[ ]employed[ ]+by)[ ]+(?:at|for|by)' +
  "|trabajo[ ]+(?:en|para|con)|trabalho[ ]+(?:na|no|em|para)|je[ ]+(?:travaille|bosse)[ ]+chez|je[ ]+suis[ ]+\\p{Ll}+[ ]+chez" +
  '|ich[ ]+arbeite[ ]bei|lavoro[ ]+(?:da|per|presso)|ik[ ]werk[ ]+(?:bij|voor))[ ]+(?:the[ ]+)?',
  'giu',
);
const NOT_EMPLOYER = new Set(['myself', 'home', 'night', 'nights', 'school', 'a', 'an', 'the', 'my', 'our', 'this', 'that']);
// What `at`/`for` takes after a job's verb that is no workplace: a time, a pay, a length, a cause, a person (`i work at night`,
// `i work for myself`, `i worked for years`, `i work for tips`, `im a nurse at heart`); any other lower-case word there is the employer.
const NOT_WORKPLACE = new Set(('least all it its them him her us you me his their your those these both once times hours years months weeks days ' +
  'free less more money tips cash food minimum peanuts living heart work home night nights day days weekends midnight noon lunch dinner ' +
  'different various several many some two three four five six local nearly about almost over under around only just now present ' +
  'myself yourself himself herself ourselves themselves someone somebody family friends people everyone anyone whoever pay fun ' +
  // a time's kind (`i work at odd hours`) and a workplace's kind with no name (`i work at hospital`, `i cook for church`)
  'odd weird late early random crazy strange irregular long short full part hospital clinic office store restaurant factory ' +
  'warehouse bank church farm daycare college university shop mall hotel airport').split(' '));
const HINT = /work|employ|my[ ](?:job|company)|drive|teach|clean|cook|deliver|[ ](?:at|for|with)[ ]|trabaj|chez|arbeite|lavoro|werk/i;
const STORE_PART = /^[ ]+(?:pharmacy|deli|bakery|store|warehouse|kitchen|plant|factory|shop|branch|cafe|caf\u00e9|cafeteria|produce|meat|dairy|garden|call|distribution|fulfillment|headquarters|hq|mailroom|outlet|stockroom|checkout|tire|auto|photo|optical|floral)(?![\p{L}])/u;
const AS_ROLE = /^[ ]+as[ ]+(?:a|an)[ ]/i;
// An employer's name goes on through `of` (`the City of Fresno`, `University of Washington`, `Bank of America`).
const OF_TAIL = /^[ ]of[ ](?:the[ ])?\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,2}/u;
const LOWER_WORD = /^[\p{Ll}][\p{Ll}'-]+/u;

/** Whether lower-case `w` at `from` is the employer: before the job done there (`i work at target as a cashier`), or any word
 * but a time's, a pay's or a person's right after `at`/`for` (`i work at target`, `im a nurse at kaiser`; not after `the`). */
function lowerEmployer(text: string, from: number, w: string, m: RegExpExecArray): boolean {
  if (AS_ROLE.test(text.slice(from + w.length, from + w.length + 8))) return nameWord(w);
  return m[1] === undefined && !m[0].endsWith('the ') && !NOT_WORKPLACE.has(w) && !TITLE_STOP.has(w) && !verbLike(w) && !w.includes("'");
}

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
    // `I work in the …` names a ward or an area (`in the ICU`, `in the Mission District`) unless a part of a store or plant follows
    // (`I work in the Walmart pharmacy`, `in the Kroger bakery`).
    if (m[1] !== undefined && (end < 0 || !STORE_PART.test(text.slice(end, end + 24)))) continue;
    if (end < 0) {
      // Typed in lower case: a name before the job done there (`i work at target as a cashier`).
      const w = LOWER_WORD.exec(text.slice(from, from + 30))?.[0] ?? '';
      end = w.length > 1 && !NOT_EMPLOYER.has(w) && lowerEmployer(text, from, w, m) ? from + w.length : -1;
    }
    if (end > from) {
      end += OF_TAIL.exec(text.slice(end, end + 48))?.[0].length ?? 0;
      out.push({ start: from, end, kind });
      re.lastIndex = end;
    }
  }
}
