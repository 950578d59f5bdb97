// Which literal text a regular expression needs: a set of strings, one of which occurs in every
// string the expression matches (lower-cased, for case-insensitive use). literal-index.ts uses it
// to skip, for a given text, the patterns that cannot match it. The analysis is conservative:
// any syntax it does not model makes the whole pattern "needs nothing" (always tested), so a
// pattern is skipped only when the text lacks every one of its needed strings.

/** A parsed pattern, reduced to what matters for needed literals. */
type Node =
  | { readonly t: 'chars'; readonly set: readonly string[] }
  | { readonly t: 'any' }
  | { readonly t: 'empty' }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly items: readonly Node[] }
  | { readonly t: 'rep'; readonly item: Node; readonly min: number; readonly max: number };

class Unsupported extends Error {}

/** Bounds that keep the expansion of alternations and classes small. */
const MAX_EXACT = 64;
const MAX_CLASS = 16;

const lower = (c: string): string => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', v: '\v', f: '\f' };
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const HEX = /^[0-9a-fA-F]+$/;

/** Recursive-descent reader of a non-unicode JavaScript pattern source. */
class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.s.length) throw new Unsupported();
    return node;
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.s[this.i] === '|') { this.i++; items.push(this.sequence()); }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.quantified(this.atom());
      const last = items[items.length - 1];
      // A run of plain characters is one string (fewer partial products to join at compile time).
      if (item.t === 'chars' && item.set.length === 1 && last?.t === 'chars' && last.set.length === 1) items[items.length - 1] = { t: 'chars', set: [last.set[0] + item.set[0]] };
      else items.push(item);
    }
    return { t: 'seq', items };
  }

  private quantified(item: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') { this.i++; [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      // A `{` that is not a quantifier is a literal in web-compatible syntax: not modelled.
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return item;
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', item, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i++];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') return { t: 'any' };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape();
    if (c === ')' || c === '{' || c === '}' || c === ']' || c === '*' || c === '+' || c === '?') throw new Unsupported();
    return { t: 'chars', set: [lower(c)] };
  }

  private group(): Node {
    const rest = this.s.slice(this.i, this.i + 3);
    // Lookarounds match no text of their own: read as empty (their needs are not counted).
    const look = rest.startsWith('?=') || rest.startsWith('?!') ? 2 : rest.startsWith('?<=') || rest.startsWith('?<!') ? 3 : 0;
    if (look) this.i += look;
    else if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?<')) { const end = this.s.indexOf('>', this.i); if (end < 0) throw new Unsupported(); this.i = end + 1; }
    else if (rest.startsWith('?')) throw new Unsupported();
    const inner = this.alternation();
    if (this.s[this.i++] !== ')') throw new Unsupported();
    return look ? { t: 'empty' } : inner;
  }

  private escape(): Node {
    const c = this.s[this.i++];
    if (c === undefined) throw new Unsupported();
    if (c === 'b' || c === 'B') return { t: 'empty' };
    if (CLASS_ESCAPES.has(c)) return { t: 'any' };
    // Backreferences match what a group matched: anything, as far as literals go.
    if (/[1-9]/.test(c)) { while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++; return { t: 'any' }; }
    if (c === 'k') { const end = this.s.indexOf('>', this.i); if (this.s[this.i] !== '<' || end < 0) throw new Unsupported(); this.i = end + 1; return { t: 'any' }; }
    return { t: 'chars', set: [lower(this.escapedChar(c))] };
  }

  /** The character of an escape that stands for one (`\/`, `\.`, `\x41`, `\u00e9`, `\n`). */
  private escapedChar(c: string): string {
    if (SIMPLE_ESCAPES[c] !== undefined) return SIMPLE_ESCAPES[c];
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    if (hex) {
      const digits = this.s.slice(this.i, this.i + hex);
      if (digits.length !== hex || !HEX.test(digits)) throw new Unsupported();
      this.i += hex;
      return String.fromCharCode(parseInt(digits, 16));
    }
    // Only punctuation stands for itself; a letter or digit escape not listed above is not modelled.
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported();
    return c;
  }

  private charClass(): Node {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let wide = negated;
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Unsupported();
      const first = this.classChar();
      if (first === undefined) { wide = true; continue; }
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const last = this.classChar();
        if (last === undefined || last < first) throw new Unsupported();
        if (last.charCodeAt(0) - first.charCodeAt(0) >= MAX_CLASS) { wide = true; continue; }
        for (let k = first.charCodeAt(0); k <= last.charCodeAt(0); k++) chars.add(lower(String.fromCharCode(k)));
      } else chars.add(lower(first));
    }
    this.i++;
    return wide || chars.size > MAX_CLASS || chars.size === 0 ? { t: 'any' } : { t: 'chars', set: [...chars] };
  }

  /** One class member; undefined for a class escape (`\d`, `\s`...). */
  private classChar(): string | undefined {
    const c = this.s[this.i++];
    if (c !== '\\') return c;
    const e = this.s[this.i++];
    if (e === undefined) throw new Unsupported();
    if (CLASS_ESCAPES.has(e)) return undefined;
    if (e === 'b') return '\b';
    return this.escapedChar(e);
  }
}

/** What one node needs: the exact strings it matches (when few), else one-of substrings (or none). */
interface Info {
  readonly exact?: readonly string[];
  readonly needs?: readonly string[];
}

const NONE: Info = {};
const needsOf = (x: Info): readonly string[] | undefined => (x.exact ? (x.exact.includes('') ? undefined : x.exact) : x.needs);

/** Which of two need sets narrows more: every string indexable first, then fewer and longer strings. */
function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const score = (s: readonly string[]): number => {
    const min = Math.min(...s.map((x) => x.length));
    return (min >= 3 ? 10_000 : min * 1_000) - s.length * 10 + Math.min(min, 9);
  };
  return score(b) > score(a) ? b : a;
}

function infoSeq(items: readonly Node[]): Info {
  // Adjacent exact parts are joined while few; a part too many to join starts over, and the
  // sequence then needs the best of the need sets met along the way.
  let acc: Info = { exact: [''] };
  let best: readonly string[] | undefined;
  let split = false;
  for (const item of items) {
    const next = info(item);
    if (acc.exact && next.exact && acc.exact.length * next.exact.length <= MAX_EXACT) {
      const head = acc.exact;
      acc = { exact: [...new Set(head.flatMap((a) => next.exact!.map((b) => a + b)))] };
      continue;
    }
    best = better(best, needsOf(acc));
    split = true;
    acc = next;
  }
  if (!split) return acc;
  best = better(best, needsOf(acc));
  return best ? { needs: best } : NONE;
}

function infoAlt(items: readonly Node[]): Info {
  const infos = items.map(info);
  if (infos.every((x) => x.exact)) {
    const all = [...new Set(infos.flatMap((x) => x.exact!))];
    if (all.length <= MAX_EXACT) return { exact: all };
  }
  const needs = infos.map(needsOf);
  if (needs.some((n) => n === undefined)) return NONE;
  return { needs: [...new Set(needs.flatMap((n) => n!))] };
}

function infoRep(item: Node, min: number, max: number): Info {
  const x = info(item);
  if (min === 1 && max === 1) return x;
  if (min === 0) return max === 1 && x.exact && x.exact.length < MAX_EXACT ? { exact: [...new Set(['', ...x.exact])] } : NONE;
  // At least one occurrence: what the item needs, the repetition needs.
  const needs = needsOf(x);
  return needs ? { needs } : NONE;
}

function info(node: Node): Info {
  switch (node.t) {
    case 'chars': return { exact: node.set };
    case 'any': return NONE;
    case 'empty': return { exact: [''] };
    case 'seq': return infoSeq(node.items);
    case 'alt': return infoAlt(node.items);
    case 'rep': return infoRep(node.item, node.min, node.max);
  }
}

/**
 * Strings (ASCII letters lower-cased) one of which every match of `re` contains, or undefined when
 * the pattern needs no literal or uses syntax not modelled here. Flags that change what a letter
 * matches beyond ASCII case (`u`, `v`) or make `test` stateful (`g`, `y`) give undefined too.
 */
export function neededLiterals(re: RegExp): readonly string[] | undefined {
  if (/[uvgy]/.test(re.flags)) return undefined;
  try {
    return needsOf(info(new Reader(re.source).parse()));
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
