import { endsAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Ages over 89 said loosely of one person (Safe Harbor C; age.ts takes the exact ones): a part of a decade after `her`/`his`/`aged`
// or as a whole value (`in her late 90s`, `late nineties`, `in his mid-nineties`, `early 90's`: finer than the `90+` category, while `in her 90s` is no finer and
// stays, and `patients in their late 90s` is a population's), a number approached, coming or reached (`he's pushing 95`,
// `she's almost 98`, `going on 97`, `my aunt will be 96`, `dad just hit 91`) and a range (`aged between 91 and 94`, `he is
// between 92 and 95`). A unit after the number makes it something else (`pushing 95 degrees`, `almost 98%`).
const NUM = '(?:9[0-9]|1[01][0-9])';
const DECADE = "(?:late|mid|early|upper)[ \\t]?-?[ \\t]?(?:90['\u2019]?s|nineties)";
const DECADE_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:her|his|aged?:?)[ \\t]+(${DECADE})(?![\\p{L}\\p{M}])|^[ \\t]*(${DECADE})[ \\t]*$`, 'giu');
const RELATIVE = '(?:grand|great[ -]?grand)?(?:father|mother|dad|mom|mum|pa|ma|parent|husband|wife|spouse|partner|brother|sister|aunt|uncle)';
const SUBJECT = `(?:(?:my|his|her|our|their)[ \\t]+${RELATIVE}|grand(?:pa|ma|mother|father)|granny|nana|mom|mum|dad|he|she|i|who)`;
const IS = "(?:[ \\t]+(?:is|was)|['\u2019]s|[ \\t]+am|['\u2019]m)";
const APPROACHED = '(?:pushing|almost|nearly|going[ \\t]+on|close[ \\t]+to|about[ \\t]+to[ \\t]+turn)';
// `just hit`, not `hit` alone (`he hit 95 on the test`).
const COMING = "(?:[ \\t]+will[ \\t]+be|['\u2019]ll[ \\t]+be|[ \\t]+just[ \\t]+hit|[ \\t]+(?:just[ \\t]+)?reached)";
const NOT_UNIT = '(?![0-9]|[.,][0-9]|[ \\t]*(?:%|°|\\+)|[ \\t-]*(?:percent|per|pounds?|lbs?|kgs?|kilos?|minutes?|mins?|seconds?|hours?|hrs?|days?|weeks?|' +
  'miles?|mph|degrees?|dollars?|cents?|points?|pages?|feet|ft|people|patients|times|steps|calls)(?![\\p{L}\\p{M}]))';
const APPROX_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])${SUBJECT}(?:${IS}?[ \\t]+${APPROACHED}|${COMING})[ \\t]+(${NUM})${NOT_UNIT}`,
  'giu',
);
// `aged between 91 and 94`, `he is between 92 and 95`, `aged 91-94`: both ends go.
const RANGE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:aged?|ages|${SUBJECT}${IS})[ \\t]+(?:between[ \\t]+)?(${NUM}[ \\t]*(?:-|\u2013|to|and)[ \\t]*${NUM})${NOT_UNIT}`,
  'giu',
);
const HINT = /(?:late|mid|early|upper)[ \t]?-?[ \t]?(?:9|nine)|pushing|almost|nearly|going|close|turn|will|ll|hit|reached|between|age[sd]?[ \t]+(?:between[ \t]+)?(?:9|1[01])/i;

/** Loose ages over 89 (DECADE_RE, APPROX_RE, RANGE_RE). */
export function scanApproxAges(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  for (const re of [DECADE_RE, APPROX_RE, RANGE_RE]) {
    resetAt(re, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const age = m[1] ?? m[2];
      const start = m.index + m[0].indexOf(age);
      out.push({ start, end: start + age.length, kind });
    }
  }
}

/** Whether a word that approaches or bounds an age ends at `j` (`almost 98`, `nearly 100`, `early 90s`, `going on 97`,
 * `hit 91`, `between 92`): the prefilter's age marker (age-marker.ts) takes these as it takes `aged`. */
export function approxWordBefore(text: string, j: number): boolean {
  return endsAt(text, j, 'almost') || endsAt(text, j, 'nearly') || endsAt(text, j, 'early') || endsAt(text, j, 'going on') ||
    endsAt(text, j, ' hit') || endsAt(text, j, 'between') || endsAt(text, j, 'close to');
}
