// A JavaScript (non-unicode) pattern read into the shape backtracking depends on: which characters
// each part can consume, how parts repeat and alternate. regex-safety.ts reads it. Every doubt is
// resolved towards "more characters" (a set grows, never shrinks), which can only make the safety
// check stricter, never let a dangerous pattern through.

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

/** Recursive-descent reader; `fold` for the `i` flag. */
export class ShapeReader {
  private i = 0;
  constructor(private readonly s: string, private readonly fold: boolean) {}

  read(): Shape {
    const shape = this.alternation();
    // A stray `)` cannot occur in a pattern RegExp accepted; read the rest anyway, conservatively.
    return this.i < this.s.length ? { t: 'seq', items: [shape, { t: 'rep', item: { t: 'set', set: CharSet.all() }, min: 0, max: Infinity, from: this.i, to: this.s.length }] } : shape;
  }

  private alternation(): Shape {
    const items = [this.sequence()];
    while (this.s[this.i] === '|') { this.i++; items.push(this.sequence()); }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  private sequence(): Shape {
    const items: Shape[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const from = this.i;
      items.push(this.quantified(this.atom(), from));
    }
    return { t: 'seq', items };
  }

  private quantified(item: Shape, from: number): Shape {
    const c = this.s[this.i];
    let min: number, max: number;
    if (c === '*' || c === '+' || c === '?') { this.i++; [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]; }
    else {
      const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i)) : null;
      if (!m) return item;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    }
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', item, min, max, from, to: this.i };
  }

  private atom(): Shape {
    const c = this.s[this.i++];
    if (c === '(') return this.group();
    if (c === '[') return { t: 'set', set: this.charClass() };
    if (c === '.') return { t: 'set', set: DOT() };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape();
    return { t: 'set', set: CharSet.of(c.charCodeAt(0), this.fold) };
  }

  private group(): Shape {
    const rest = this.s.slice(this.i, this.i + 3);
    const look = rest.startsWith('?=') || rest.startsWith('?!') ? 2 : rest.startsWith('?<=') || rest.startsWith('?<!') ? 3 : 0;
    if (look) this.i += look;
    else if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?<')) this.i = Math.max(this.i, this.s.indexOf('>', this.i) + 1);
    const body = this.alternation();
    if (this.s[this.i] === ')') this.i++;
    return look ? { t: 'look', body } : body;
  }

  private escape(): Shape {
    const c = this.s[this.i++] ?? '\\';
    if (c === 'b' || c === 'B') return { t: 'empty' };
    const cls = CLASS_ESCAPES[c];
    if (cls) return { t: 'set', set: this.folded(cls()) };
    // A backreference repeats what its group matched: read as "any text" (a loop of its own).
    if (/[1-9]/.test(c) || (c === 'k' && this.s[this.i] === '<')) {
      while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
      if (c === 'k') this.i = Math.max(this.i, this.s.indexOf('>', this.i) + 1);
      return { t: 'rep', item: { t: 'set', set: CharSet.all() }, min: 0, max: Infinity, from: this.i - 2, to: this.i };
    }
    return { t: 'set', set: this.escapedSet(c) };
  }

  /** The characters an escape outside a class stands for; unknown letter escapes read as any character. */
  private escapedSet(c: string): CharSet {
    const code = this.escapedCode(c);
    return code === undefined ? CharSet.all() : CharSet.of(code, this.fold);
  }

  /** The one character an escape stands for (`\/`, `\x41`, `\n`), or undefined when not modelled. */
  private escapedCode(c: string): number | undefined {
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
    if (simple[c] !== undefined) return simple[c];
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    const digits = this.s.slice(this.i, this.i + hex);
    if (hex && digits.length === hex && /^[0-9a-fA-F]+$/.test(digits)) { this.i += hex; return parseInt(digits, 16); }
    return /[A-Za-z0-9]/.test(c) ? undefined : c.charCodeAt(0);
  }

  private folded(set: CharSet): CharSet {
    if (!this.fold) return set;
    const out = new CharSet(set.bits.slice(), set.other);
    for (let c = 65; c <= 122; c++) if (set.bits[c >> 5] & (1 << (c & 31))) out.add(c, true);
    return out;
  }

  private charClass(): CharSet {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    let set = new CharSet();
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      const first = this.classMember();
      if (first instanceof CharSet) { set = set.union(first); continue; }
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const last = this.classMember();
        if (last instanceof CharSet) { set = set.union(last); set.add(first, this.fold); set.add(45, false); continue; }
        set.addRange(first, last, this.fold);
      } else set.add(first, this.fold);
    }
    this.i++;
    return negated ? set.complement() : set;
  }

  /** A class member: one character's code, or a set for a class escape (or an escape not modelled). */
  private classMember(): number | CharSet {
    const c = this.s[this.i++];
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.s[this.i++] ?? '\\';
    const cls = CLASS_ESCAPES[e];
    if (cls) return this.folded(cls());
    if (e === 'b') return 8;
    return this.escapedCode(e) ?? CharSet.all();
  }
}
