import { isLetter, codeAt } from './marker-bits.js';
import { lowerRelativeNameEnd } from './relative-name.js';
import { commonWord } from './file-name.js';
import { titleWord } from './item-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { TITLE_STOP, folded } from './name-words.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A relative named in passing by whoever writes about a patient (Safe Harbor A: relatives' names too): a card, a gift's
// note, a family's update, a locator's search (`our dad, Horace Pettibone`, `it's your nephew Colin Ashdown`, `Please have a
// chaplain visit my husband, Rupert Haverleigh`, `When my grandmother, Ida Feldkirch, was in your hospice`); a name in brackets
// after the relative (`Dad (Franklin Eberhardt) is out of surgery`); and, in a text typed without capitals, a common given name
// and a surname (`is my mother maria lopezcano still in the icu`, `flowers to my sister beatrix hallorann`; `my son jordan is`,
// `my mom needs a ride` stay). person-name.ts reads the cue (PERSON_LABEL) and the name after it with these.
export const KIN =
  '(?:(?:mother|father|brother|sister|son|daughter)-in-law|great-grand(?:mother|father)|grand(?:mother|father|son|daughter|child|parent|ma|pa)' +
  '|step(?:mother|father|son|daughter)|god(?:mother|father|son|daughter)|mother|father|husband|wife|son|daughter|parent|spouse|partner' +
  '|brother|sister|mom|mum|mama|dad|papa|granny|nana|auntie|aunt|uncle|nephew|niece|cousin|fianc[ée]e?)';
// Each owner is marked at its own letters (cue-at.ts: `my`, `your`, `his`, `her`, `their`); `our` only before a comma (ourKinCommaAt).
export const KIN_OWNER = '(?:my|your|his|her|their)';
// A relative's name given by a label in its possessive (`my son's name is Kwabena`, `my wife’s first name is Adaeze`,
// `grandmother's name: Ifeoma`) and a name label's contraction (`her name's Kwabena`, `my name’s Tobias`): read as
// `my name is` is (person-name.ts NAME_LABEL, group 1; the prefilter marks them at the apostrophe, kin-label.ts). Only a
// relative's word owns the label, so `the clinic's name is Riverside` and `the app's name is` are no cue.
export const KIN_NAME_OWNER = `${KIN}['\u2019]s`;
export const NAME_IS_CONTRACTED = "['\u2019]s[ ]+";
const KIN_BEFORE_PAREN = new RegExp(`(?:^|[^\\p{L}\\p{M}])${KIN}[ ]?$`, 'iu');
const KIN_CUE_PAREN = /\($/;
const KIN_PASSING = new RegExp(`^(?:${KIN_OWNER}|our)[ ]`, 'i');
const OUR_KIN_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])our[ ]${KIN}[ ]*$`, 'iu');

const YOUR_KIN = new RegExp(`^your[ ]${KIN}[ ,]`, 'i');

/** At the `y` of `your` before a relative's word (the prefilter's NAME_CUE; `my`, `his`, `her` are marked at their own letters). */
export function kinAfterYourAt(text: string, i: number): boolean {
  return !isLetter(codeAt(text, i - 1)) && YOUR_KIN.test(text.slice(i, i + 32));
}

/** At a comma after `our` and a relative's word (the prefilter's NAME_CUE; `Our dad, Horace Pettibone`). */
export function ourKinCommaAt(text: string, i: number): boolean {
  return isLetter(codeAt(text, i - 1)) && OUR_KIN_BEFORE.test(text.slice(Math.max(0, i - 28), i));
}

/** At `(` (the prefilter's NAME_CUE): a relative's word right before it (`Dad (Franklin Eberhardt)`). */
export function kinParenAt(text: string, i: number): boolean {
  const p = codeAt(text, i - 1) === 32 ? i - 1 : i;
  return isLetter(codeAt(text, p - 1)) && KIN_BEFORE_PAREN.test(text.slice(Math.max(0, p - 20), i));
}

/**
 * The end of the name after a person label `cue` (person-name.ts), given the capitalised name's `end` (-1 for none): a relative
 * named in passing after its owner (`my mother `) may be typed in lower case; after a relative's bracket the name must close it.
 */
export function kinNameEnd(cue: string, text: string, from: number, end: number): number {
  if (end < 0) return KIN_PASSING.test(cue) ? lowerRelativeNameEnd(text, from) : end;
  return KIN_CUE_PAREN.test(cue) && (codeAt(text, end) !== 41 || !bracketedName(text.slice(from, end))) ? -1 : end;
}

// In brackets after a relative's word a plan's or a form's words stand too (`Partner (Blue Cross)`, `Spouse (Medicare Advantage)`,
// `Mom (Grace Period)`): the name there is a full name of words no site titles things with.
const NOT_IN_NAME = new Set(['period', 'plan', 'plans', 'policy', 'required', 'optional', 'primary', 'secondary', 'other', 'program', 'account']);
function bracketedName(name: string): boolean {
  const words = name.toLowerCase().split(' ');
  return words.length >= 2 && words.every((w) => !commonWord(w) && !titleWord(w) && !NOT_IN_NAME.has(w));
}

// A relative named by `is` (`my husband is Sean O'Neil`, `my mother is Linda Park`, `her son was Ethan`): a full name of words no
// site titles things with, or a common given name alone; `my husband is Catholic`, `my mother is Diabetic`, `my mom is Home Now` stay.
const KIN_IS_RE = new RegExp(`(?<![\\p{L}\\p{M}])${KIN_OWNER}[ ]${KIN}[ ]+(?:is|was)[ ]+(\\p{Lu}[\\p{Ll}'\u2019-]+(?:[ ]\\p{Lu}[\\p{L}'\u2019-]+){0,2})(?![\\p{L}\\p{M}])`, 'gu');
const KIN_IS_HINT = / is | was /;

/** The relatives' names after `is` (KIN_IS_RE), person_name's. */
export function scanKinIs(text: string, out: Detection[], kind: string): void {
  if (!KIN_IS_HINT.test(text)) return;
  const re = resetAt(KIN_IS_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[1] as string;
    const words = name.split(' ').map(folded);
    const given = GIVEN_NAMES.has(words[0] as string);
    if (words.some((w) => TITLE_STOP.has(w) || titleWord(w)) || (words.length === 1 ? !given : !given && words.some(commonWord))) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - name.length, end, kind });
  }
}
