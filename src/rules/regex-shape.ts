import { parseRegex, type ClassItem, type Syntax } from './regex-syntax.js';

// A JavaScript (non-unicode) pattern read into the shape backtracking depends on: which characters
// each part can consume, how parts repeat and alternate. regex-safety.ts reads it. Every doubt is
// resolved towards "more characters" (a set grows, never shrinks), which can only make the safety
// check stricter, never let a dangerous pattern through (the reader, regex-syntax.ts, reads any source).

/**
 * Characters as 128 ASCII bits (letters folded when case-insensitive) plus those beyond ASCII: `other`
 * when there are any, `wide` their ranges when known (absent: any of them). Without the ranges
 * `[а-я]*[\s/_-]*` read as two parts sharing characters (both "beyond ASCII").
 */
export class CharSet {
  constructor(readonly bits = new Uint32Array(4), public other = false, public wide?: readonly (readonly [number, number])[]) {}

  static of(code: number, fold: boolean): CharSet {
    const s = new CharSet();
    s.add(code, fold);
    return s;
  }

  static all(): CharSet { return new CharSet(Uint32Array.from([~0, ~0, ~0, ~0]), true); }

  add(code: number, fold: boolean): void {
    if (code >= 128) { this.addWide(code, code, fold); return; }
    this.bits[code >> 5] |= 1 << (code & 31);
    if (!fold) return;
    const lower = code | 0x20;
    if (lower >= 97 && lower <= 122) { this.bits[lower >> 5] |= 1 << (lower & 31); this.bits[(lower - 32) >> 5] |= 1 << ((lower - 32) & 31); }
  }

  addRange(from: number, to: number, fold: boolean): void {
    for (let c = from; c <= Math.min(to, 127); c++) this.add(c, fold);
    if (to >= 128) this.addWide(Math.max(from, 128), to, fold);
  }

  /** Beyond ASCII; folded, each character's other cases too (a long range folded: any character). */
  private addWide(from: number, to: number, fold: boolean): void {
    const known = !this.other || this.wide !== undefined;
    this.other = true;
    if (!known) return;
    if (fold && to - from > 4096) { this.wide = undefined; return; }
    const out = [...(this.wide ?? []), [from, to] as const];
    if (fold) {
      for (let c = from; c <= to; c++) {
        for (const v of [String.fromCharCode(c).toUpperCase(), String.fromCharCode(c).toLowerCase()]) {
          const code = v.length === 1 ? v.charCodeAt(0) : c;
          if (code !== c) out.push([code, code]);
        }
      }
    }
    this.wide = merged(out);
  }

  union(o: CharSet): CharSet {
    const wide = (this.other && this.wide === undefined) || (o.other && o.wide === undefined) ? undefined : merged([...(this.wide ?? []), ...(o.wide ?? [])]);
    return new CharSet(this.bits.map((b, i) => b | o.bits[i]), this.other || o.other, wide);
  }

  intersect(o: CharSet): CharSet {
    const bits = this.bits.map((b, i) => b & o.bits[i]);
    if (!this.other || !o.other) return new CharSet(bits, false);
    if (this.wide === undefined || o.wide === undefined) return new CharSet(bits, true, this.wide ?? o.wide);
    const both: [number, number][] = [];
    // Both lists sorted and disjoint (merged): one pass.
    for (let i = 0, j = 0; i < this.wide.length && j < o.wide.length;) {
      const [a, b] = this.wide[i], [c, d] = o.wide[j];
      if (Math.max(a, c) <= Math.min(b, d)) both.push([Math.max(a, c), Math.min(b, d)]);
      if (b < d) i++; else j++;
    }
    return new CharSet(bits, both.length > 0, both.length ? both : undefined);
  }

  complement(): CharSet { return new CharSet(this.bits.map((b) => ~b), true); }

  get empty(): boolean { return !this.other && this.bits.every((b) => b === 0); }
}

/** Ranges sorted and joined where they meet or touch. */
function merged(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b); else out.push([a, b]);
  }
  return out;
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
/** V8's `\s`: ASCII white space, and beyond ASCII the Unicode spaces and line ends. */
const SPACE = (): CharSet => {
  const s = new CharSet();
  s.addRange(9, 13, false); s.add(32, false);
  for (const [a, b] of [[0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]) s.addRange(a, b, false);
  return s;
};
const CLASS_ESCAPES: Readonly<Record<string, () => CharSet>> = {
  d: DIGITS, D: () => DIGITS().complement(), w: WORD, W: () => WORD().complement(), s: SPACE, S: () => SPACE().complement(),
};
const DOT = (): CharSet => { const s = CharSet.all(); s.bits[0] &= ~((1 << 10) | (1 << 13)); return s; };

const memoResets: (() => void)[] = [];

/** `fn` remembered per shape: a check walks shared sub-shapes many times, and shapes never change. */
export function memoByShape<T>(fn: (s: Shape) => T): (s: Shape) => T {
  // A Map, not a WeakMap: forgetShapes drops it after each regex anyway, and a WeakMap's ephemeron
  // tables cost the collector more (the compile profile's GC share) and each probe more.
  let memo = new Map<Shape, T>();
  memoResets.push(() => { memo = new Map<Shape, T>(); });
  return (s) => {
    let out = memo.get(s);
    if (out === undefined) { out = fn(s); memo.set(s, out); }
    return out;
  };
}

/**
 * Ends one regex's check: its shapes are read afresh for each regex, so nothing remembered for
 * them is asked again. A table whose keys died keeps its hash table's size: the memos of the
 * pack's checks held ~0.4 MB of empty tables in every collector for good (issue #5).
 */
export function forgetShapes(): void {
  for (const reset of memoResets) reset();
}

/** Every character a part can consume (lookarounds consume none). */
export const consumed: (s: Shape) => CharSet = memoByShape((s) => {
  switch (s.t) {
    case 'set': return s.set;
    case 'rep': return consumed(s.item);
    case 'seq': case 'alt': return s.items.map(consumed).reduce((a, b) => a.union(b), new CharSet());
    default: return new CharSet();
  }
});

/** The shape of `source`; `fold` for the `i` flag. */
export function readShape(source: string, fold: boolean): Shape {
  return shapeOf(parseRegex(source).tree, fold);
}


const set = (s: CharSet): Shape => ({ t: 'set', set: s });

/** The shape of an already parsed pattern (one parse serves both checks and the literal index: regex-checks.ts). */
export function shapeOf(n: Syntax, fold: boolean): Shape {
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
  const out = new CharSet(s.bits.slice(), s.other, s.wide);
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
