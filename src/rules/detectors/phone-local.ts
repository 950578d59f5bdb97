import { defineDetector } from './define.js';
import { FOREIGN_DIGIT_WORDS, FOREIGN_PHONE_CUES, FOREIGN_TENS, LATIN_LETTER, PAIR_JOINER } from './foreign-digits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A local number without its area code (`call me at 555-0143`, `cell: 555 0143`) is still a
// telephone number (D), but seven digits alone are as often a count, a code or a part of a
// longer number: a phone word must come shortly before, with no other digit in between.
const LOCAL_RE = /(?<![0-9]|[0-9][ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9]|[ .-][0-9])/g;
// Each cue word has a prefilter marker (prefilter.ts PHONE_CUE); a word added here needs one too.
const CUE_BEFORE = new RegExp(`(?<![A-Za-z])(?:call|cell|cel|tel|phone|ph|mobile|mob|text|fax|pager|beeper|${FOREIGN_PHONE_CUES})[^0-9A-Za-z]{0,3}(?:[A-Za-z]{1,8}[^0-9A-Za-z]{1,3}){0,3}$`, 'i');
const WINDOW = 32;
// A number read out digit by digit (`call five oh three, five five five, oh one four two`,
// `FIVE-OH-THREE 555 0142`): number words and digit groups, after a phone word. Counted as
// digits, 7 at least, 3 of them words (digits alone are the phone detector's). With no phone word,
// a whole number: 10 digits at least (`four five eight, five five five, oh six one four`, `458 five
// five five 0614`); nothing else is read out ten digits long.
/** The words a digit is read out as (spelled-id.ts reads them after an identifier's label). */
export const DIGIT_WORDS = 'zero|oh|one|two|three|four|five|six|seven|eight|nine|niner';
const SPELLED_RE = new RegExp(`(?<![A-Za-z])\\(?(?:${DIGIT_WORDS}|[0-9]{1,4})(?:[ ,.()-]{1,3}(?:${DIGIT_WORDS}|[0-9]{1,4})){4,}(?![A-Za-z0-9])`, 'gi');
const DIGIT_RUN = /[0-9]+/g;
const PHONE_GROUP_SEPARATORS = /[ ,.()-]+/;
// The same read out in Spanish, Portuguese, French, Italian or German (foreign-digits.ts), English words and digits among
// them: always after a phone word (the prefilter marks those, not each foreign number word). Tens are two digits.
const FOREIGN_TOKEN = `(?:${DIGIT_WORDS}|(${FOREIGN_DIGIT_WORDS})|(${FOREIGN_TENS})|[0-9]{1,4})`;
const FOREIGN_RUN_RE = new RegExp(`(?<![${LATIN_LETTER}])\\(?${FOREIGN_TOKEN}(?:[ ,.()-]{1,3}(?:${PAIR_JOINER})?${FOREIGN_TOKEN}){4,}(?![${LATIN_LETTER}0-9])`, 'gi');
// One token of a run, read again to count it.
const FOREIGN_TOKEN_RE = new RegExp(`${FOREIGN_TOKEN}(?![${LATIN_LETTER}0-9])`, 'giy');
const NULL_WORD = /^null$/i;
// Said rather than labelled (`my number is five five five …`, `my number is 555-0143`): the prefilter marks `my number`
// as a phone word (cue-at.ts mCue).
const SPOKEN_CUE = /(?<![A-Za-z])my[ ](?:home[ ]|cell[ ]|callback[ ]|call[ ]back[ ]|contact[ ])?number(?:[ ]is|[ ]?'s|:)?[^0-9A-Za-z]{1,3}$/i;
// The prefilter lets a text this long through on a phone word alone (prefilter.ts phone_local).
export const SPELLED_MIN = 28;

/** A phone word in the few words before `at`. */
const cueBefore = (text: string, at: number): boolean => {
  const before = text.slice(Math.max(0, at - WINDOW), at);
  return CUE_BEFORE.test(before) || SPOKEN_CUE.test(before);
};

function spelled(text: string, out: Detection[], kind: string): void {
  const re = resetAt(SPELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const runs = m[0].match(DIGIT_RUN) ?? [];
    const digitCount = runs.reduce((n, r) => n + r.length, 0);
    const words = m[0].split(PHONE_GROUP_SEPARATORS).filter((part) => part !== '').length - runs.length;
    const whole = digitCount + words >= 10;
    if (words >= 3 && digitCount + words >= 7 && (whole || cueBefore(text, m.index))) {
      out.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
}

interface SpelledCount { digits: number; words: number; foreign: number }

/** Digits (a pair's tens as two) and number words in a run; German `null` alone (`null, null, null…`) is no word. */
function countForeignRun(run: string): SpelledCount {
  const count: SpelledCount = { digits: 0, words: 0, foreign: 0 };
  for (let at = 0; at < run.length; at++) {
    const m = resetAt(FOREIGN_TOKEN_RE, at).exec(run);
    if (m === null) continue;
    if (m[1] !== undefined || m[2] !== undefined) count.foreign++;
    if (m[2] !== undefined) count.digits++;
    if (m[0].charCodeAt(0) <= 57) count.digits += m[0].length;
    else if (!NULL_WORD.test(m[0])) count.words++;
    at = FOREIGN_TOKEN_RE.lastIndex - 1;
  }
  return count;
}

function spelledForeign(text: string, out: Detection[], kind: string): void {
  const re = resetAt(FOREIGN_RUN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const { digits, words, foreign } = countForeignRun(m[0]);
    if (foreign > 0 && words >= 3 && digits + words >= 7 && cueBefore(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LOCAL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (cueBefore(text, m.index)) out.push({ start: m.index, end: m.index + 8, kind });
  }
  if (text.length >= SPELLED_MIN) { spelled(text, out, kind); spelledForeign(text, out, kind); }
}

/** Local telephone numbers (D) without an area code, after a phone word. */
export const phoneLocalDetector = defineDetector('phone_local', '[PHONE]', 'D/E', scan);
