import type { JsonObject, JsonValue } from '../common/json.js';
import { GIVEN_NAMES } from './detectors/given-names.js';
import { MONTH_NAMES } from './detectors/month-names.js';
import { TITLE_STOP, folded } from './detectors/name-words.js';

// A person's record sent under keys that name nothing: a form builder's numbered fields (Wufoo's `Field1`, `Field2`, `Field3`,
// `q1`…`q3`, Ninja Forms' `nf-field-5`) or a list of answers (`["Xiomara", "Okonkwo", "03/14/1971", "Yes"]`). Beside a birth
// date, capitalised values of one or two words standing next to each other, or one of two words or that is a common given
// name, are the person's name: the date goes by the detectors, while a lone `Okonkwo` names nothing a detector could read. A run of one
// word that is no given name (`Cardiology`) stays, and so do the answers of a form with no birth date in it.
const NUMERIC_DATE = /^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-](\d{4})|(\d{4})[/.-]\d{1,2}[/.-]\d{1,2})\s*$/;
const WORDY_DATE = new RegExp(`^\\s*(?:(?:${MONTH_NAMES})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (\\d{4})|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTH_NAMES})\\.?,? (\\d{4}))\\s*$`, 'i');
const NAME_WORDS = /^\s*\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24})?\s*$/u;
// Answers a form asks for beside a birth date that are capitalised words and no one's name.
const ANSWERS = new Set(['male', 'female', 'other', 'nonbinary', 'english', 'spanish', 'yes', 'no', 'none', 'self', 'spouse', 'child', 'parent', 'email', 'phone',
  'text', 'mail', 'morning', 'afternoon', 'evening', 'new', 'returning', 'existing', 'true', 'false', 'unknown', 'married', 'single', 'divorced', 'widowed',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'medicare', 'medicaid', 'commercial', 'uninsured', 'cash']);
const MONTH = new RegExp(`^(?:${MONTH_NAMES})$`, 'i');

/** Whether `v` is a full date whose year is that of someone born two years or more before `nowYear`. */
function birthDate(v: JsonValue, nowYear: number): boolean {
  if (typeof v !== 'string' || v.length < 8 || v.length > 24) return false;
  const m = NUMERIC_DATE.exec(v) ?? WORDY_DATE.exec(v);
  if (m === null) return false;
  const year = Number(m[1] ?? m[2]);
  return year >= 1900 && year <= nowYear - 2;
}

function nameWords(v: JsonValue): v is string {
  if (typeof v !== 'string' || v.length < 3 || v.length > 52 || !NAME_WORDS.test(v)) return false;
  for (const w of v.trim().split(' ')) if (ANSWERS.has(w.toLowerCase()) || TITLE_STOP.has(w.toLowerCase()) || MONTH.test(w)) return false;
  return true;
}

/** Whether a value of `obj` under `keys` is a birth date: the one test each object of three keys or more gets before recordNamePlaces. */
export function holdsBirthDate(obj: JsonObject, keys: readonly string[], nowYear: number): boolean {
  for (const k of keys) if (birthDate(obj[k] as JsonValue, nowYear)) return true;
  return false;
}

/**
 * The places in `values` (an object's values in key order, or an array's items) holding a person's name as above;
 * `neutral(i)`: whether the value at `i` is under a key that names nothing (a numbered slot: `Field2`, `q3`; an array's items
 * are). Undefined when there are none.
 */
export function recordNamePlaces(values: readonly JsonValue[], nowYear: number, neutral: (i: number) => boolean = () => true): ReadonlySet<number> | undefined {
  const n = values.length;
  if (n < 3 || !values.some((v) => birthDate(v, nowYear))) return undefined;
  let places: Set<number> | undefined;
  let start = -1;
  let named = false;
  for (let i = 0; i <= n; i++) {
    const v = i < n ? values[i] : null;
    if (nameWords(v) && neutral(i)) {
      if (start < 0) start = i;
      const words = v.trim().split(' ');
      named ||= words.length === 2 || GIVEN_NAMES.has(folded(words[0] as string));
      continue;
    }
    if (start >= 0 && (i - start >= 2 || named)) for (let j = start; j < i; j++) (places ??= new Set()).add(j);
    start = -1;
    named = false;
  }
  return places;
}
