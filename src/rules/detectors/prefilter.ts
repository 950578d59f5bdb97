import type { ValueDetector } from './types.js';

// One pass over a string tells which detectors could possibly fire on it, so the common
// strings (titles, slugs, form ids) skip most detector scans, and many skip all of them.
// Each gate is a necessary condition of its detector's own pattern (and implied by the
// detector's own precheck): a gate may let a string through that then matches nothing, never
// the reverse. Detectors without a gate (custom ones) always run.

const AT = 1;
const COLON = 2;
const EQ = 4;
const DASH = 8;
const DOT = 16;
const PCT40 = 32; // `%40`
const PCT3 = 64; // `%3`
const HTTP = 128; // `http`, any case
const WWW = 256; // `www`, any case
const EYJ = 512; // `eyJ`
const EARER = 1024; // `earer` or `EARER` (bearer's own precheck)
/** Any character beyond ASCII: the text may hold compatibility forms (fullwidth `＠１２３`). */
export const NON_ASCII = 2048;

export interface TextFeatures {
  readonly length: number;
  /** ASCII digits, counted up to 12 (the largest threshold a gate asks about). */
  readonly digits: number;
  readonly flags: number;
}

const lower = (c: number): number => c | 0x20;

function matchesAt(text: string, i: number, word: string, anyCase: boolean): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((anyCase ? lower(c) : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

function markerAt(text: string, i: number, c: number): number {
  switch (c) {
    case 64: return AT;
    case 58: return COLON;
    case 61: return EQ;
    case 45: return DASH;
    case 46: return DOT;
    case 37: return (text.charCodeAt(i + 1) === 51 ? PCT3 : 0) | (text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 48 ? PCT40 : 0);
    // `e`, `h` and `w` are common letters: the next character rules most of them out first.
    case 104: case 72: return lower(text.charCodeAt(i + 1)) === 116 && matchesAt(text, i, 'http', true) ? HTTP : 0;
    case 119: case 87: return lower(text.charCodeAt(i + 1)) === 119 && matchesAt(text, i, 'www', true) ? WWW : 0;
    case 101: {
      const next = text.charCodeAt(i + 1);
      if (next === 121) return matchesAt(text, i, 'eyJ', false) ? EYJ : 0;
      return next === 97 && matchesAt(text, i, 'earer', false) ? EARER : 0;
    }
    case 69: return text.charCodeAt(i + 1) === 65 && matchesAt(text, i, 'EARER', false) ? EARER : 0;
    default: return 0;
  }
}

// 1 for digits, 2 for the characters markerAt looks at, 0 for the rest (most letters).
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = 1;
for (const c of '@:=-.%hHwWeE') CLASS[c.charCodeAt(0)] = 2;

export function textFeatures(text: string): TextFeatures {
  let digits = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) { flags |= NON_ASCII; continue; }
    const k = CLASS[c];
    if (k === 1) { if (digits < 12) digits++; } else if (k === 2) flags |= markerAt(text, i, c);
  }
  return { length: text.length, digits, flags };
}

/** A detector may fire only on a text at least `length` long, with `digits` digits and, when
 * `anyOf` is set, one of those markers. */
interface Gate {
  readonly length: number;
  readonly digits: number;
  readonly anyOf: number;
}

const gate = (length: number, digits: number, anyOf = 0): Gate => ({ length, digits, anyOf });

const GATES: ReadonlyMap<string, Gate> = new Map<string, Gate>([
  ['email', gate(0, 0, AT | PCT40)],
  ['url', gate(8, 0, HTTP | WWW)],
  ['jwt', gate(35, 0, EYJ)],
  ['bearer', gate(6, 0, EQ | PCT3 | EARER)],
  ['uuid', gate(36, 0, DASH)],
  ['labelled_id', gate(7, 3)],
  ['ssn', gate(0, 9)],
  ['credit_card', gate(0, 12)],
  ['npi', gate(0, 10)],
  ['dea', gate(0, 7)],
  ['mbi', gate(11, 5)],
  ['vin', gate(17, 3)],
  ['phone', gate(0, 8)],
  ['date', gate(0, 3)],
  ['zip', gate(0, 5)],
  // A house number, a name word and a suffix: `1 A St` at the shortest (the gaps between them
  // are the detector's own precheck: flagging spaces here cost every string a branch per space).
  ['street_address', gate(8, 1)],
  // A code_like token needs 4 digits and 2 letters in 10+ characters.
  ['code_like', gate(10, 4)],
  // 9+ digits with separators, or a bare 7-8 digit number.
  ['long_number', gate(0, 7)],
  ['ip', gate(3, 0)],
]);

function passes(kind: string, g: Gate, f: TextFeatures): boolean {
  if (f.length < g.length || f.digits < g.digits) return false;
  if (g.anyOf !== 0 && (f.flags & g.anyOf) === 0) return false;
  // IPv6 candidates need a colon; a dotted IPv4 address has at least four digits.
  if (kind === 'ip') return (f.flags & COLON) !== 0 || ((f.flags & DOT) !== 0 && f.digits >= 4);
  return true;
}

/**
 * The detectors (in their original order, so ties resolve as before) that could fire on a
 * text, from a cache keyed by which gates passed. A built-in is matched by identity, so a
 * custom detector reusing a built-in kind name is never gated.
 */
export class DetectorPrefilter {
  private readonly gates: (Gate | undefined)[];
  private readonly subsets = new Map<number, readonly ValueDetector[]>();

  constructor(private readonly detectors: readonly ValueDetector[], builtIns: ReadonlyMap<string, ValueDetector>) {
    // A bitmask needs one bit per detector; beyond 30 every detector runs.
    this.gates = detectors.map((d) => (detectors.length <= 30 && builtIns.get(d.kind) === d ? GATES.get(d.kind) : undefined));
  }

  candidates(text: string): readonly ValueDetector[] {
    return this.candidatesFor(textFeatures(text));
  }

  /** candidates() for a text whose features the caller has already. */
  candidatesFor(f: TextFeatures): readonly ValueDetector[] {
    if (this.detectors.length > 30) return this.detectors;
    let mask = 0;
    for (let i = 0; i < this.gates.length; i++) {
      const g = this.gates[i];
      if (g === undefined || passes(this.detectors[i].kind, g, f)) mask |= 1 << i;
    }
    let subset = this.subsets.get(mask);
    if (subset === undefined) {
      subset = this.detectors.filter((_, i) => (mask & (1 << i)) !== 0);
      this.subsets.set(mask, subset);
    }
    return subset;
  }
}
