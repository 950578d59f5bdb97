import { parseRegex, type ClassItem, type Syntax } from './regex-syntax.js';

// A JavaScript (non-unicode) pattern read into the shape backtracking depends on: which characters
// each part can consume, how parts repeat and alternate. regex-safety.ts reads it. Every doubt is
// resolved towards "more characters" (a set grows, never shrinks), which can only make the safety
// check stricter, never let a dangerous pattern through (the reader, regex-syntax.ts, reads any source).

/** Characters as 128 ASCII bits (letters folded when case-insensitive) plus "some character beyond ASCII". */
export class CharSet {
  constructor(readonly bits = new Uint32Array(4), public other = false) {}

  static of(code: number, fold: boolean): CharSet {
    const s = new CharSet();
    s.add(code, fold);
    return s;
  }

  static all(): CharSet { return new CharSet(Uint32Array.from([~0, ~0, ~0, ~0]), true); }

  add(code: number, fold: boolean): void {
    if (code >= 128) { this.other = true; return; }
    this.bits[code >> 5] |= 1 << (code & 31);
    if (!fold) return;
    const lower = code | 0x20;
    if (lower >= 97 && lower <= 122) { this.bits[lower >> 5] |= 1 << (lower & 31); this.bits[(lower - 32) >> 5] |= 1 << ((lower - 32) & 31); }
  }

  addRange(from: number, to: number, fold: boolean): void {
    for (let c = from; c <= Math.min(to, 127); c++) this.add(c, fold);
    if (to >= 128) this.other = true;
  }

  union(o: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b | o.bits[i]), this.other || o.other);
  }

  intersect(o: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b & o.bits[i]), this.other && o.other);
  }

  complement(): CharSet { return new CharSet(this.bits.map((b) => ~b), true); }

  get empty(): boolean { return !this.other && this.bits.every((b) => b === 0); }
}

export type Shape =
  | { readonly t: 'set'; readonly set: CharSet }
  | { readonly t: 'empty' }
  | { readonly t: 'look'; readonly body: Shape }
  | { readonly t: 'seq'; readonly items: readonly Shape[] }
  | { readonly t: 'alt'; readonly items: readonly Shape[] }
  | { readonly t: 'rep'; readonly item: Shape; readonly min: number; readonly max: number; readonly from: number; readonly to: number };

const DIGITS = (): CharSet => { const s = new CharSet(); s.addRange(48, 57, false); return s; };
const WORD = (): CharSet => { const s = DIGITS(); s.addRange(65, 90, false); s.addRange(97, 122, false); s.add(95, false); return s; };
const SPACE = (): CharSet => { const s = new CharSet(); s.addRange(9, 13, false); s.add(32, false); s.other = true; return s; };
const CLASS_ESCAPES: Readonly<Record<string, () => CharSet>> = {
  d: DIGITS, D: () => DIGITS().complement(), w: WORD, W: () => WORD().complement(), s: SPACE, S: () => { const s = SPACE().complement(); s.other = true; return s; },
};
const DOT = (): CharSet => { const s = CharSet.all(); s.bits[0] &= ~((1 << 10) | (1 << 13)); return s; };

/** The shape of `source`; `fold` for the `i` flag. */
export function readShape(source: string, fold: boolean): Shape {
  return shapeOf(parseRegex(source).tree, fold);
}

const set = (s: CharSet): Shape => ({ t: 'set', set: s });

function shapeOf(n: Syntax, fold: boolean): Shape {
  switch (n.t) {
    case 'char': return set(CharSet.of(n.code, fold));
    case 'dot': return set(DOT());
    case 'escape': return set(escapeSet(n.c, fold));
    case 'any': return set(CharSet.all());
    case 'class': return set(classSet(n.items, n.negated, fold));
    // A backreference repeats what its group matched: read as "any text" (a loop of its own).
    case 'backref': return { t: 'rep', item: set(CharSet.all()), min: 0, max: Infinity, from: n.from, to: n.to };
    case 'empty': return { t: 'empty' };
    case 'look': return { t: 'look', body: shapeOf(n.body, fold) };
    case 'seq': case 'alt': return { t: n.t, items: n.items.map((x) => shapeOf(x, fold)) };
    case 'rep': return { t: 'rep', item: shapeOf(n.item, fold), min: n.min, max: n.max, from: n.from, to: n.to };
  }
}

/** `\d`, `\w`, `\s` and their complements, letters folded under `i`. */
function escapeSet(c: string, fold: boolean): CharSet {
  const s = (CLASS_ESCAPES[c] as () => CharSet)();
  if (!fold) return s;
  const out = new CharSet(s.bits.slice(), s.other);
  for (let code = 65; code <= 122; code++) if (s.bits[code >> 5] & (1 << (code & 31))) out.add(code, true);
  return out;
}

function classSet(items: readonly ClassItem[], negated: boolean, fold: boolean): CharSet {
  let s = new CharSet();
  for (const m of items) {
    if (m.t === 'char') s.add(m.code, fold);
    else if (m.t === 'range') s.addRange(m.from, m.to, fold);
    else s = s.union(m.t === 'escape' ? escapeSet(m.c, fold) : CharSet.all());
  }
  return negated ? s.complement() : s;
}
