import {
  AGE_NUM, AT, CLASS, GEOCODE, HANDLE_GATE, MRZ_FILL, IMG_EXT, COLON, CUE_NEXT, DASH, DATE_CUE, DOT, DOT_WORD, EARER, EQ, EYJ, HTTP, MAC_SHAPE, MASK, NAME_CUE, NON_ASCII,
  PCT3, PCT40, PHONE_CUE, SSN_WORD, WWW, ageNumAt, codeAt, cueAt, markerAt,
} from './markers.js';
import type { ValueDetector } from './types.js';
import { WHOLE_NAME_MAX, initialEnd } from './person-name.js';
import { giftItem } from './item-name.js';
import { bareNameStart, labelName } from './bare-name.js';
import { SPELLED_MIN } from './phone-local.js';
import { SPELLED_AGE_MIN } from './age.js';
import { scriptCueAt } from './script-cues.js';
import { roleOpensAt } from './role-opening.js';
import { captionNameStart } from './caption-name.js';
import { listedNameHint } from './listed-name.js';

export { NON_ASCII } from './markers.js';

// One pass over a string tells which detectors could possibly fire on it, so the common
// strings (titles, slugs, form ids) skip most detector scans, and many skip all of them.
// Each gate is a necessary condition of its detector's own pattern (and implied by the
// detector's own precheck): a gate may let a string through that then matches nothing, never
// the reverse. Detectors without a gate (custom ones) always run.

export interface TextFeatures {
  readonly length: number;
  /** ASCII digits, counted up to 12 (the largest threshold a gate asks about). */
  readonly digits: number;
  readonly flags: number;
}

export function textFeatures(text: string): TextFeatures {
  let digits = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // `my name is` in other scripts is marked at its first character (script-cues.ts).
    if (c >= 128) { flags |= c === 8217 || c === 8211 || c === 8212 || c === 8213 ? NON_ASCII | markerAt(text, i, c) : NON_ASCII | scriptCueAt(text, i, c); continue; }
    const k = CLASS[c];
    if (k === 0) continue;
    if (k === 1) { if (digits < 12) digits++; if (c === 57 || c === 49) flags |= ageNumAt(text, i, c); } else if (k === 2) flags |= markerAt(text, i, c);
    else if (CUE_NEXT[(c << 7) | (codeAt(text, i + 1) & 127)] === 1) flags |= cueAt(text, i, c);
  }
  // A short value ending in a capital initial may be a record-style name (`OKAFOR, JANE M`; person-name.ts).
  if (text.length <= WHOLE_NAME_MAX && initialEnd(text)) flags |= NAME_CUE;
  // A gift item may name its recipient (`Flowers for Jane Okafor`; item-name.ts).
  else if (giftItem(text)) flags |= NAME_CUE;
  // A whole short value that may be a bare name (`Jane Doe`; bare-name.ts).
  else if (bareNameStart(text, digits)) flags |= NAME_CUE;
  // A short label closing with a name or opening with one's possessive (`Reminder Sent Siobhan Haddad`; bare-name.ts).
  else if (labelName(text, digits) !== undefined) flags |= NAME_CUE;
  // A role word opening the text before a name (`Caller Eudora Whitlock asked…`; role-opening.ts); a line's opening is marked at its break.
  if (roleOpensAt(text, 0)) flags |= NAME_CUE;
  // A caption opening with a common given name (`Photo: Maria Gonzalez after her surgery`; caption-name.ts).
  else if (captionNameStart(text) >= 0) flags |= NAME_CUE;
  // A record line's, a list's or a routing word's name (`Jane Doe, (503) 555-0142`, `c/o Jane Doe`; listed-name.ts).
  if ((flags & NAME_CUE) === 0 && listedNameHint(text, digits)) flags |= NAME_CUE;
  return { length: text.length, digits, flags };
}

/** A detector may fire only on a text at least `length` long, with `digits` digits and, when
 * `anyOf` is set, one of those markers. */
interface Gate {
  readonly length: number;
  readonly digits: number;
  readonly anyOf: number;
  /** The IP gate's own rule (see passes). */
  readonly ip: boolean;
  /** online_handle's: any digit passes as one of the markers would. */
  readonly orDigit: boolean;
  /** phone_local's and age_over_89's: a text this long (0: never) needs no digits (numbers spelled as words). */
  readonly spelled: number;
}

const gate = (length: number, digits: number, anyOf = 0, ip = false, spelled = 0, orDigit = false): Gate => ({ length, digits, anyOf, ip, spelled, orDigit });

const GATES: ReadonlyMap<string, Gate> = new Map<string, Gate>([
  // `@`, `%40`, a bracketed `[at]` (AT too) or the word `dot` (`lee at example dot org`).
  ['email', gate(0, 0, AT | PCT40 | DOT_WORD)],
  ['url', gate(8, 0, HTTP | WWW)],
  // A network's or app's name before an account, or an `@` mention (online-handle.ts): a separator (`:`, `=`), a handle's
  // shape (`_`, `$`, a dot or a digit) or a first-person word (`my gamertag is …`, NAME_CUE); its own precheck does the rest.
  ['online_handle', gate(4, 0, HANDLE_GATE, false, 0, true)],
  ['jwt', gate(35, 0, EYJ)],
  ['bearer', gate(6, 0, EQ | PCT3 | EARER)],
  ['uuid', gate(36, 0, DASH)],
  // Two digits: a UK registration after its label (`reg: AB12 CDE`); other labelled ids need three.
  ['labelled_id', gate(7, 2)],
  ['ssn', gate(0, 9)],
  ['credit_card', gate(0, 12)],
  ['npi', gate(0, 10)],
  ['dea', gate(0, 7)],
  ['mbi', gate(11, 5)],
  ['vin', gate(17, 3)],
  // 7 digits: a line number may spell a zero as the letter O (`617-555-O1OO`).
  ['phone', gate(0, 7)],
  ['date', gate(0, 3)],
  ['zip', gate(0, 5)],
  // UK, Canadian and Irish postcodes have 2 digits at least (`M1 1AE`).
  ['postcode', gate(6, 2)],
  // A house number, a name word and a suffix: `1 A St` at the shortest (the gaps between them
  // are the detector's own precheck: flagging spaces here cost every string a branch per space).
  ['street_address', gate(8, 1)],
  // A code_like token needs 4 digits and 2 letters in 10+ characters.
  ['code_like', gate(10, 4)],
  // 9+ digits with separators, or a bare 7-8 digit number.
  ['long_number', gate(0, 7)],
  ['ip', gate(3, 0, 0, true)],
  // Four digits beside a mask (`***-**-0053`, `•••-••-0053`) or after an SSN word (`SSN ending 0053`).
  ['ssn_partial', gate(8, 4, MASK | SSN_WORD | NON_ASCII)],
  // A number read out after its label (`ssn is five five five …`): two digit words in a row mark it (PHONE_CUE), or an SSN label.
  ['spelled_id', gate(16, 0, PHONE_CUE | SSN_WORD)],
  // A shape's digits with look-alike letters (`2I9-O5-4471`, `zip 9O21O`: three real digits at the least); its own precheck
  // wants a look-alike beside a digit.
  ['lookalike_number', gate(8, 3)],
  // A month and a year (or a day) after a cue such as born, DOB, admitted or died: 5 characters at the least (`B.2/2`, `b.` is
  // born; pass 40's property test found a 6 here skipping it).
  ['partial_date', gate(5, 1, DATE_CUE)],
  // A letter and nine digits (a German KVNR, health-number.ts).
  ['kvnr', gate(10, 9, 0)],
  // A machine-readable zone's line: 8 characters of capitals, digits and `<` at the least with `<<` (mrz.ts), names with no digit.
  ['mrz', gate(8, 0, MRZ_FILL)],
  // A birth date in words (`born march third`). No marker: the walk marks no birth word of the other languages
  // (`nacido el cinco de agosto`, `naissance: trois mars`, `Geburtsdatum: dritten Juni`) nor `bday`, so a marker gate
  // skipped texts the detector redacts; its own precheck (MAY_HOLD, one regex test) is the gate.
  ['spoken_date', gate(12, 0)],
  // A day and a month without a year (`on 3/14`, `March 3`): a digit; its sentence says whose it is (day-month.ts).
  ['day_month', gate(5, 1)],
  // Names need a cue: `my name is`, `I'm`, `this is ... calling`, `Patient:`, a sign-off. The shortest
  // texts it fires on have four characters (`Mr X`, `Ms Li`, a signature's `--` line and `Jo`).
  ['person_name', gate(4, 0, NAME_CUE)],
  // Six hex pairs joined by `:` or `-`, or three dotted quads (most have a few digits).
  ['mac', gate(14, 3, MAC_SHAPE)],
  // Seven digits after a phone word (`call me at 555-0143`), or a number read out in words
  // (`call five oh three...`: SPELLED_MIN characters, no digits needed; see passes).
  ['phone_local', gate(10, 7, PHONE_CUE, false, SPELLED_MIN)],
  // An area code's 3 digits and keypad letters after `my cell`, `reach me at` (phone-vanity.ts; its own precheck asks for
  // three capitals after a dash or space: `reach me` has no marker of the walk's).
  ['phone_vanity', gate(12, 3)],
  // Two decimals of 3+ places (8 digits and a dot), or a degree sign (DMS: 6 digits).
  ['geo', gate(9, 6, DOT | NON_ASCII)],
  // A plus code's `+` between code characters, or what3words' `///` (the walk marks both).
  ['geocode', gate(7, 0, GEOCODE)],
  // An image file's extension (`.jpg`, the walk marks it at the dot) after a name.
  ['photo_path', gate(6, 0, IMG_EXT)],
  // A number from 90 to 119 (the walk marks it) with an age word or unit around it (`92y` is a whole value), or
  // `ninety`/`hundred` spelled (`aged ninety-one`: no digits; the walk marks the word too).
  ['age_over_89', gate(3, 2, AGE_NUM, false, SPELLED_AGE_MIN)],
]);

function passes(g: Gate, f: TextFeatures): boolean {
  if (g.spelled > 0 && f.length >= g.spelled && f.digits < g.digits) return (f.flags & g.anyOf) !== 0;
  if (f.length < g.length || f.digits < g.digits) return false;
  if (g.anyOf !== 0 && (f.flags & g.anyOf) === 0 && !(g.orDigit && f.digits > 0)) return false;
  // IPv6 candidates need a colon; a dotted IPv4 address has at least four digits (its dots may
  // be spelled `[dot]`, see ip.ts).
  if (g.ip) return (f.flags & COLON) !== 0 || ((f.flags & (DOT | DOT_WORD)) !== 0 && f.digits >= 4);
  return true;
}

// Every length a gate asks about; a text's features are cached by the last one it reaches.
const LENGTHS = [...new Set([...GATES.values()].flatMap((g) => (g.spelled > 0 ? [g.length, g.spelled] : [g.length])))].sort((a, b) => a - b);
const LONGEST = LENGTHS[LENGTHS.length - 1];
const BUCKET = Uint8Array.from({ length: LONGEST + 1 }, (_, n) => LENGTHS.filter((l) => n >= l).length);
const MAX_CACHED = 4096;

/**
 * The detectors (in their original order, so ties resolve as before) that could fire on a
 * text, from a cache keyed by the text's features. A built-in is matched by identity, so a
 * custom detector reusing a built-in kind name is never gated.
 */
export class DetectorPrefilter {
  private readonly gates: (Gate | undefined)[];
  /** One array per distinct subset, keyed by which detectors it keeps ('1'/'0' per detector, any number of them). */
  private readonly subsets = new Map<string, readonly ValueDetector[]>();
  private readonly byFeatures = new Map<number, readonly ValueDetector[]>();

  constructor(private readonly detectors: readonly ValueDetector[], builtIns: ReadonlyMap<string, ValueDetector>) {
    this.gates = detectors.map((d) => (builtIns.get(d.kind) === d ? GATES.get(d.kind) : undefined));
  }

  candidates(text: string): readonly ValueDetector[] {
    return this.candidatesFor(textFeatures(text));
  }

  /** candidates() for a text whose features the caller has already. */
  candidatesFor(f: TextFeatures): readonly ValueDetector[] {
    const bucket = f.length >= LONGEST ? LENGTHS.length : BUCKET[f.length];
    // Gates read only the flags, the digit count (capped at 12) and which lengths are reached.
    const key = (f.flags * 13 + f.digits) * 32 + bucket;
    const known = this.byFeatures.get(key);
    if (known !== undefined) return known;
    // A string key, not a bitmask: a 32-bit mask capped the plan at 30 detectors, and the 31st (pass 24's kvnr)
    // silently ran every detector on every text. Built only when a feature key is first seen.
    const kept = this.gates.map((g) => g === undefined || passes(g, f));
    const id = kept.map((k) => (k ? '1' : '0')).join('');
    let subset = this.subsets.get(id);
    if (subset === undefined) {
      subset = this.detectors.filter((_, i) => kept[i]);
      this.subsets.set(id, subset);
    }
    if (this.byFeatures.size < MAX_CACHED) this.byFeatures.set(key, subset);
    return subset;
  }
}
