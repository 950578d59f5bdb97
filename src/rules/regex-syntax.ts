// One reader of a JavaScript (non-unicode) pattern source, for the two compile-time analyses of
// operators' and bundled patterns: the backtracking check (regex-shape.ts, regex-safety.ts) and the
// literal index (regex-literals.ts). It reads any source to the end, never throwing: the backtracking
// check must judge every pattern RegExp accepted, erring towards "more characters". Where it reads
// leniently (syntax the literal analysis does not model: a `{` that is not a quantifier, an unknown
// letter escape, a group left open...) it says so (`strict: false`), and the literal analysis then
// treats the whole pattern as needing nothing.

/** A class member: one character, a range, a class escape (`\d`), or an escape not modelled (any character). */
export type ClassItem =
  | { readonly t: 'char'; readonly code: number }
  | { readonly t: 'range'; readonly from: number; readonly to: number }
  | { readonly t: 'escape'; readonly c: string }
  | { readonly t: 'any' };

/** The parsed pattern. `from`/`to`: the part's offsets in the source (for naming it in an error). */
export type Syntax =
  | { readonly t: 'char'; readonly code: number }
  | { readonly t: 'dot' }
  | { readonly t: 'escape'; readonly c: string }
  | { readonly t: 'any' }
  | { readonly t: 'class'; readonly negated: boolean; readonly items: readonly ClassItem[] }
  | { readonly t: 'backref'; readonly from: number; readonly to: number }
  | { readonly t: 'empty' }
  | { readonly t: 'look'; readonly body: Syntax }
  | { readonly t: 'seq'; readonly items: readonly Syntax[] }
  | { readonly t: 'alt'; readonly items: readonly Syntax[] }
  | { readonly t: 'rep'; readonly item: Syntax; readonly min: number; readonly max: number; readonly from: number; readonly to: number };

export interface ParsedRegex {
  readonly tree: Syntax;
  /** False when some part was read leniently (see above). */
  readonly strict: boolean;
}

/** `\d \D \w \W \s \S`. */
export const CLASS_ESCAPE_LETTERS: ReadonlySet<string> = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const EMPTY: Syntax = { t: 'empty' };
const ANY: Syntax & ClassItem = { t: 'any' };
const BACKSLASH = 92;

export function parseRegex(source: string): ParsedRegex {
  return new Parser(source).read();
}

class Parser {
  private i = 0;
  private strict = true;
  constructor(private readonly s: string) {}

  read(): ParsedRegex {
    const tree = this.alternation();
    if (this.i === this.s.length) return { tree, strict: this.strict };
    if (this.i > this.s.length) return { tree, strict: false };
    // A stray `)` cannot occur in a pattern RegExp accepted; the rest is read as any text.
    return { tree: { t: 'seq', items: [tree, { t: 'rep', item: ANY, min: 0, max: Infinity, from: this.i, to: this.s.length }] }, strict: false };
  }

  private alternation(): Syntax {
    const items = [this.sequence()];
    while (this.s[this.i] === '|') { this.i++; items.push(this.sequence()); }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  private sequence(): Syntax {
    const items: Syntax[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const from = this.i;
      items.push(this.quantified(this.atom(), from));
    }
    return { t: 'seq', items };
  }

  private quantified(item: Syntax, from: number): Syntax {
    const c = this.s[this.i];
    let min: number, max: number;
    if (c === '*' || c === '+' || c === '?') { this.i++; [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      // Not a quantifier: the `{` is a literal character (web-compatible syntax), read as the next atom.
      if (!m) { this.strict = false; return item; }
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return item;
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', item, min, max, from, to: this.i };
  }

  private atom(): Syntax {
    const c = this.s[this.i++];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') return { t: 'dot' };
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') return this.escape();
    if (c === '{' || c === '}' || c === ']' || c === '*' || c === '+' || c === '?') this.strict = false;
    return { t: 'char', code: c.charCodeAt(0) };
  }

  private group(): Syntax {
    const rest = this.s.slice(this.i, this.i + 3);
    const look = rest.startsWith('?=') || rest.startsWith('?!') ? 2 : rest.startsWith('?<=') || rest.startsWith('?<!') ? 3 : 0;
    if (look) this.i += look;
    else if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?<')) this.i = this.past('>');
    else if (rest.startsWith('?')) this.strict = false;
    const body = this.alternation();
    if (this.s[this.i] === ')') this.i++;
    else this.strict = false;
    return look ? { t: 'look', body } : body;
  }

  /** The offset after the next `c` (a group's or backreference's name ends there); where we are if none. */
  private past(c: string): number {
    const end = this.s.indexOf(c, this.i);
    if (end < 0) this.strict = false;
    return Math.max(this.i, end + 1);
  }

  private escape(): Syntax {
    const c = this.s[this.i++];
    if (c === undefined) { this.strict = false; return { t: 'char', code: BACKSLASH }; }
    if (c === 'b' || c === 'B') return EMPTY;
    if (CLASS_ESCAPE_LETTERS.has(c)) return { t: 'escape', c };
    if (/[1-9]/.test(c) || (c === 'k' && this.s[this.i] === '<')) {
      while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
      if (c === 'k') this.i = this.past('>');
      return { t: 'backref', from: this.i - 2, to: this.i };
    }
    const code = this.escapedCode(c);
    return code === undefined ? ANY : { t: 'char', code };
  }

  /** The one character an escape stands for (`\/`, `\x41`, `\n`), or undefined when not modelled. */
  private escapedCode(c: string): number | undefined {
    if (SIMPLE_ESCAPES[c] !== undefined) return SIMPLE_ESCAPES[c];
    if (c === '0') { this.strict = false; return 0; }
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    const digits = this.s.slice(this.i, this.i + hex);
    if (hex && digits.length === hex && /^[0-9a-fA-F]+$/.test(digits)) { this.i += hex; return parseInt(digits, 16); }
    if (!/[A-Za-z0-9]/.test(c)) return c.charCodeAt(0);
    this.strict = false;
    return undefined;
  }

  private charClass(): Syntax {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    const items: ClassItem[] = [];
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      const first = this.classMember();
      if (typeof first !== 'number') { items.push(first); continue; }
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const last = this.classMember();
        // `[a-\d]`: the three members as written. A reversed range matches nothing (RegExp refuses it).
        if (typeof last !== 'number') { this.strict = false; items.push(last, { t: 'char', code: first }, { t: 'char', code: 45 }); continue; }
        if (last < first) this.strict = false;
        items.push({ t: 'range', from: first, to: last });
      } else items.push({ t: 'char', code: first });
    }
    if (this.i >= this.s.length) this.strict = false;
    this.i++;
    return { t: 'class', negated, items };
  }

  /** A class member: one character's code, or a class escape (or an escape not modelled). */
  private classMember(): number | ClassItem {
    const c = this.s[this.i++];
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.s[this.i++];
    if (e === undefined) { this.strict = false; return BACKSLASH; }
    if (CLASS_ESCAPE_LETTERS.has(e)) return { t: 'escape', c: e };
    if (e === 'b') return 8;
    return this.escapedCode(e) ?? ANY;
  }
}
