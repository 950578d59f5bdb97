// An identifier whose cue is in one array element and whose value is in the next (scrub-tree's scrubArray).
// Chat widgets and form exports send text cut where the speaker or the form cut it:
//  - a label alternating with its value: `["Patient name:", "Jane Doe", "Reason", "follow-up"]`, and the
//    same as objects beside each other: `[{label: "Full name"}, {value: "Jane Doe"}]`;
//  - a question that asks for a field, then the answer: `["Agent: May I have your full name?", "Jane Doe"]`;
//  - a sentence cut after its cue: `["Visitor: this is", "Jane Doe", "calling about…"]`, `["me llamo", "Jane Doe"]`.
// A label or question names its field (its value then goes by that field's rule, as the pair
// `["last_name", "Doe"]` does); a cut sentence is read joined to the element after it.
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { LABEL_RANK, VALUE_RANK } from './pair-names.js';

const TRAILING_COLON_LABEL = /[ ]*:?[ ]*$/;
const TRAILING_COLON_OR_QUESTION_LABEL = /[ ]*[:?]?[ ]*$/;

// A label: a few words, maybe after a speaker (`Agent:`), maybe ending in `:` or `?`. Longer text is a sentence.
const LABEL_TEXT = /^[\p{L}][\p{L}\p{M} '._/-]{0,38}[ ]*:?[ ]*$/u;
// A question asking for a field: the words before its `?` (`…your full name?`, `…date of birth?`).
const QUESTION = /(?:^|[ ,:])((?:[\p{L}]+[ ]){0,2}[\p{L}]+)[ ]*\?[ ]*$/u;
// Words asking for a person's name anywhere in a short question (`What name is the appointment under?`).
const ASKS_NAME = /(?<![\p{L}])(?:name|nombre|nom|namen?)(?![\p{L}])/iu;
// A label naming a person's name in words no field rule spells (`Name of patient`, `Caller's name`).
const PERSON_WORD = /(?<![\p{L}])(?:patient|your|full|first|last|given|family|member|caller|visitor|guardian|parent|contact|legal)/iu;
// An element that asks or labels in turn (`Enter your email:`, `Pick a time?`) is a prompt, not an answer.
const PROMPT_END = /[:?][ ]*$/;
// A sentence cut right after the words that introduce a name (`this is`, `my name is`, `I'm`, `me llamo`, `ich heiße`).
const CUT_AFTER_CUE = /(?<![\p{L}])(?:is|am|i['\u2019]?m|it['\u2019]?s|called|named|llamo|soy|heiße|heisse|appelle|chiamo|sono|ist|under)[ ]*[,:]?[ ]*$/iu;
const MAX_CUE = 200;

/** The field a string element names for the element after it (`Patient name:`, `…your full name?`), or undefined. */
export function labelBefore(prev: JsonValue | undefined, namesField: (label: string) => boolean, paired: () => boolean): string | undefined {
  if (typeof prev === 'string') {
    if (prev.length > MAX_CUE) return undefined;
    // A bare label (`Phone`, no colon) only where the array alternates labels and values: `["Email", "Phone"]` is a list.
    if (LABEL_TEXT.test(prev) && (prev.trimEnd().endsWith(':') || paired())) {
      const label = prev.replace(TRAILING_COLON_LABEL, '');
      return namesField(label) ? label : ASKS_NAME.test(label) && PERSON_WORD.test(label) ? 'name' : undefined;
    }
    const q = QUESTION.exec(prev);
    if (q === null) return undefined;
    for (let words = q[1]; ; words = words.slice(words.indexOf(' ') + 1)) {
      if (namesField(words)) return words;
      if (words.indexOf(' ') < 0) break;
    }
    return ASKS_NAME.test(prev) ? 'name' : undefined;
  }
  return isJsonObject(prev) ? objectLabel(prev, namesField) : undefined;
}

/** An object holding only a label (`{label: "Full name"}`) names the field of the value object after it. */
function objectLabel(obj: JsonObject, namesField: (label: string) => boolean): string | undefined {
  let label: string | undefined;
  for (const k in obj) {
    const v = obj[k];
    if (VALUE_RANK.has(k) && v !== null && v !== '') return undefined;
    if (LABEL_RANK.has(k) && typeof v === 'string' && label === undefined) label = v.replace(TRAILING_COLON_OR_QUESTION_LABEL, '');
  }
  return label !== undefined && label.length <= 40 && namesField(label) ? label : undefined;
}

/** The key of an object's only filled value (`{value: "Jane Doe"}`, `{k: null, v: "Jane Doe"}`), when it has no label. */
export function loneValueKey(obj: JsonObject): string | undefined {
  let key: string | undefined;
  for (const k in obj) {
    const v = obj[k];
    if (v === null || v === '') continue;
    if (!VALUE_RANK.has(k) || key !== undefined) return undefined;
    key = k;
  }
  return key;
}

/** Whether a string element ends where a name would follow (`Visitor: this is`), so the next element is read joined to it. */
export const endsOnCue = (prev: JsonValue | undefined): prev is string =>
  typeof prev === 'string' && prev.length <= MAX_CUE && CUT_AFTER_CUE.test(prev);

/** Whether every even element is a label (short words) and each is followed by its value (a string or a number). */
function alternates(values: readonly JsonValue[]): boolean {
  if (values.length % 2 !== 0) return false;
  for (let i = 0; i < values.length; i += 2) {
    const v = values[i], w = values[i + 1];
    // A value is a string or a number: `["version", {}, "text", "4.0"]` (a jCard property) alternates nothing.
    if (typeof v !== 'string' || !LABEL_TEXT.test(v) || (typeof w !== 'string' && typeof w !== 'number')) return false;
  }
  return true;
}

/**
 * Whether siblingValue could read `item` by `before`: a necessary condition of its label and cut readings, in a few
 * character tests, so the common array (tags, numbers, objects after objects) calls nothing and allocates nothing.
 * A label ends in `:`, a label character or a letter, a question in `?`, a cut sentence in a cue word, `,` or `:`,
 * each before spaces only; a label object names the field of an object or string after it.
 */
export function mayReadNext(before: JsonValue | undefined, item: JsonValue): boolean {
  if (typeof item !== 'string' && !isJsonObject(item)) return false;
  if (typeof before !== 'string') return before !== undefined && isJsonObject(before);
  if (before.length > MAX_CUE) return false;
  let e = before.length - 1;
  while (e >= 0 && before.charCodeAt(e) === 32) e--;
  const c = before.charCodeAt(e);
  // ' , - . / : ? _ then letters and marks (any code above 127 may be one).
  return c === 39 || (c >= 44 && c <= 47) || c === 58 || c === 63 || c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** What siblingValue needs of the tree walk (scrub-tree.ts), passed in so this file does not import it. */
export interface SiblingScrub {
  /** Whether this array alternates labels and values (alternates()), once worked out; undefined until asked. */
  paired?: boolean;
  namesField(label: string): boolean;
  field(label: string, value: JsonValue): JsonValue | undefined;
  object(obj: JsonObject, skip: string): JsonObject;
  string(value: string): string | undefined;
  /** The text as the detectors redact it, each kind counted (undefined: a kind whose text action drops it). */
  scan(text: string): string | undefined;
  /** The text as the detectors redact it, uncounted. */
  redacted(text: string): string;
}

export const NOT_SIBLING = Symbol('not a sibling');

/**
 * `item` scrubbed as what the element before it says it is, or NOT_SIBLING when that element names nothing.
 * Undefined drops the element.
 */
export function siblingValue(values: readonly JsonValue[], i: number, s: SiblingScrub): JsonValue | undefined | typeof NOT_SIBLING {
  const before = values[i - 1], item = values[i];
  // A bare label (no colon) needs the whole array to alternate: worked out once per array, and only when asked.
  const label = labelBefore(before, s.namesField, () => i % 2 === 1 && (s.paired ??= alternates(values)));
  if (label !== undefined) {
    if (typeof item === 'string') return PROMPT_END.test(item) || (item.length <= 40 && s.namesField(item)) ? NOT_SIBLING : s.field(label, item);
    const k = isJsonObject(item) ? loneValueKey(item) : undefined;
    if (k !== undefined && isJsonObject(item)) {
      const out = s.object(item, k);
      const v = s.field(label, item[k]);
      if (v !== undefined) out[k] = v;
      return out;
    }
  }
  if (typeof item !== 'string' || !endsOnCue(before)) return NOT_SIBLING;
  const own = s.string(item);
  if (own === undefined) return undefined;
  // Read joined: what the detectors find after the cue's own text is this element's.
  const joined = `${before} ${own}`;
  const out = s.scan(joined);
  if (out === joined) return own;
  const head = `${s.redacted(before)} `;
  return out !== undefined && out.startsWith(head) ? out.slice(head.length) : undefined;
}
