import { CharSet, consumed, forgetShapes, memoByShape, readShape, type Shape } from './regex-shape.js';

// The polynomial half of the backtracking check (regex-safety.ts refuses the exponential one). Two
// unbounded repetitions that meet with only optional parts between them (`\s*\s*x`, `.*.*=.*`,
// `a+(b)?a+`, `(x\s*)*\s*y`) can split one run of characters both can read in as many ways as the
// run is long: on a text that does not match, V8 tries every split, from every start position, so
// the cost grows with the square (three such parts: the cube) of the text's length. The test is
// structural and errs towards refusing: it asks only whether the characters one repetition can read
// last and the next one can read first meet. Repetitions with a bound (`?`, `{1,3}`) split a run in a
// bounded number of ways and are not counted.
//
// Separated: a required part between them does not help when it can be one character both repetitions
// read (`x.*y.*z`, `.*=.*b`, `[^/]*[0-9][^/]*$`): a run of that character ("yyyy", "====", "1111") can
// be split at each of its characters, and after each the second repetition reads to the end and backs off
// (measured on 4,000 characters: `.*=.*b` 51 s, `[^/]*[0-9][^/]*/$` 65 s; `x.*y.*y.*z` 58 s). Refused
// when the part between can be matched by characters both read, whatever anchors or literals stand
// around them: `^` leaves one start position but the square of the length per event (`^x.*y.*z`: 8 ms
// on 2,000 characters, 62 ms on 4,000), and a literal before them (`x.*y.*z`) can be repeated by
// the sender ("xyxy..."), a start position each. Not refused: a part between that either cannot read
// (`[^/]*/.*x`: "/" ends the first), a second repetition that ends the pattern (`.*=.*`: the first split
// found is a match). A part between of several characters is refused alike when it can match a text made
// only of characters both read (`([a-z0-9]+-)*refills?(-[a-z0-9]+)*(/|$)`: "refill-refill-…" splits at each
// "refill"; nineteen bundled page rules had that shape, 1-8 ms each on a 2,000-character segment, now written
// with the segment checked once in a lookahead and the word found lazily, see rules/packs/sensitive-pages.yaml).
type Rep = Extract<Shape, { t: 'rep' }>;

/**
 * Of a part: whether it can match empty text, and the unbounded repetitions that can start (head) or end (tail) its match, each with the characters it reads
 * and those it can read at that end.
 */
interface Edges { readonly nullable: boolean; readonly head: readonly Edge[]; readonly tail: readonly Edge[] }
interface Edge { readonly rep: Rep; readonly reads: CharSet; readonly end: CharSet }

const NONE = new CharSet();
const NOTHING: Edges = { nullable: true, head: [], tail: [] };
/** A character: one shared value (never changed), not two new arrays for each character of a word list. */
const SOLID: Edges = { nullable: false, head: [], tail: [] };

/** Why the pattern can take polynomial time (naming the two parts), or undefined when it cannot this way. */
export function polynomialProblem(source: string, flags: string): string | undefined {
  try {
    return polynomialProblemOf(readShape(source, flags.includes('i')), source);
  } finally { forgetShapes(); }
}

/** polynomialProblem of a shape already read (the caller forgets the shapes: see forgetShapes). */
export function polynomialProblemOf(shape: Shape, source: string): string | undefined {
  const found: string[] = [];
  visit(shape, true, (a, b, separated) => {
    const part = source.slice(a.to, b.from);
    const between = separated ? `, with "${part}" between them, which both can read too (${part.length > 1 ? HINT_WORD : HINT_CHAR})` : ', one after the other';
    found.push(`"${source.slice(a.from, a.to)}" and "${source.slice(b.from, b.to)}" can both read the same run of characters${between}`);
  });
  return found[0];
}

type Report = (a: Rep, b: Rep, separated: boolean) => void;
const HINT_CHAR = 'let the first stop at it: ".*=.*x" as "[^=]*=.*x"';
const HINT_WORD = 'check the text around the word once, in a lookahead, and find the word lazily: "(^|/)([a-z0-9]+-)*w(-[a-z0-9]+)*(/|$)" as "(^|/)(?=[a-z0-9]+(?:-[a-z0-9]+)*(?:/|$))(?:[a-z0-9]+-)*?w(?=[-/]|$)"';

/** `last`: nothing follows this part's match in the pattern (a repetition there ends the attempt with its first match). */
function visit(s: Shape, last: boolean, report: Report): void {
  switch (s.t) {
    case 'rep': visit(s.item, last && s.max <= 1, report); break;
    case 'look': visit(s.body, false, report); break;
    case 'alt': for (const x of s.items) visit(x, last, report); break;
    case 'seq': checkSequence(s.items, last, report); s.items.forEach((x, i) => visit(x, last && i === s.items.length - 1, report)); break;
    default: break;
  }
}

/**
 * Each item's tail against the heads of the items after it: with only optional parts between, when
 * they meet; with required parts between, when both can read a text those parts match (separated).
 */
function checkSequence(items: readonly Shape[], last: boolean, report: Report): void {
  const edges = items.map(edgesOf);
  for (let i = 0; i < items.length; i++) {
    // No repetition ends item i (a plain character, most items): nothing to pair with the items
    // after it. Skipped, the loop is linear in a word's length, not quadratic.
    if (edges[i].tail.length === 0) continue;
    let required = false;
    for (let j = i + 1; j < items.length; j++) {
      const ends = last && j === items.length - 1;
      for (const a of edges[i].tail) {
        for (const b of edges[j].head) {
          if (!required && meet(a, b)) { report(a.rep, b.rep, false); return; }
          if (required && !(ends && edges[j].tail.some((t) => t.rep === b.rep)) && pumped(a, b, items, i + 1, j)) { report(a.rep, b.rep, true); return; }
        }
      }
      required ||= !edges[j].nullable;
    }
  }
}

/**
 * Whether `a`, the parts `between` and `b` can all read one run of characters both repetitions read: the
 * parts between match a text made only of such characters, one character (`.*=.*b`) or several
 * (`([a-z0-9]+-)*refills?(-[a-z0-9]+)*(/|$)`: "refill"), so a run repeating that text splits at each repeat.
 */
function pumped(a: Edge, b: Edge, items: readonly Shape[], from: number, to: number): boolean {
  const common = a.reads.intersect(b.reads);
  if (common.empty || a.end.intersect(common).empty || b.end.intersect(common).empty) return false;
  // The parts between are items[from..to), read in place (no slice for each pair of repetitions).
  // A part that fits neither way makes the whole sequence fail: nothing after it changes that.
  let w = ZERO;
  for (let k = from; k < to && fits(w); k++) w = plus(w, within(items[k], common));
  return w.some;
}

/** Whether a part can match empty text, and a non-empty text made only of `chars` (lookarounds: assumed so). */
interface Fit { readonly zero: boolean; readonly some: boolean }
const ZERO: Fit = { zero: true, some: false };
const fits = (x: Fit): boolean => x.zero || x.some;
const plus = (x: Fit, y: Fit): Fit => ({ zero: x.zero && y.zero, some: fits(x) && fits(y) && (x.some || y.some) });

function within(s: Shape, chars: CharSet): Fit {
  switch (s.t) {
    case 'set': return { zero: false, some: !s.set.intersect(chars).empty };
    case 'empty': case 'look': return ZERO;
    case 'alt': return s.items.map((x) => within(x, chars)).reduce((x, y) => ({ zero: x.zero || y.zero, some: x.some || y.some }));
    case 'seq': return s.items.reduce((w, x) => plus(w, within(x, chars)), ZERO);
    case 'rep': {
      const w = within(s.item, chars);
      return { zero: s.min === 0 || w.zero, some: w.some && s.max >= 1 };
    }
  }
}

/**
 * Whether a text read by `a` and then `b` can be split between them at two places: `a` can end on a
 * character `b` reads and `b` can start on one `a` reads. `([^/]+/)*[^/]+` cannot (the first ends on
 * "/", which the second never reads); `[a-z-]+(-[a-z0-9]+)*` can.
 */
function meet(a: Edge, b: Edge): boolean {
  return !a.end.intersect(b.reads).empty && !b.end.intersect(a.reads).empty;
}

const edgesOf = memoByShape((s) => compute(s));

function compute(s: Shape): Edges {
  switch (s.t) {
    case 'set': return SOLID;
    case 'empty': case 'look': return NOTHING;
    case 'alt': {
      const all = s.items.map(edgesOf);
      return { nullable: all.some((e) => e.nullable), head: all.flatMap((e) => e.head), tail: all.flatMap((e) => e.tail) };
    }
    case 'seq': {
      const all = s.items.map(edgesOf), front = run(all), back = run([...all].reverse());
      return { nullable: all.every((e) => e.nullable), head: front.flatMap((e) => e.head), tail: back.flatMap((e) => e.tail) };
    }
    case 'rep': {
      const body = edgesOf(s.item);
      const nullable = s.min === 0 || body.nullable;
      if (s.max !== Infinity) return { ...body, nullable };
      const reads = consumed(s.item);
      return { ...body, nullable, head: [{ rep: s, reads, end: ends(s.item, 'first') }, ...body.head], tail: [{ rep: s, reads, end: ends(s.item, 'last') }, ...body.tail] };
    }
  }
}

/** A sequence's first (or, reversed, last) items, up to and including the first that cannot match empty text. */
function run(items: readonly Edges[]): Edges[] {
  const k = items.findIndex((e) => !e.nullable);
  return k < 0 ? [...items] : items.slice(0, k + 1);
}

const endMemo = { first: memoByShape((s) => endsOf(s, 'first')), last: memoByShape((s) => endsOf(s, 'last')) };
/** The characters a part's match can start (first) or end (last) with: asked of repeated parts only. */
const ends = (s: Shape, end: 'first' | 'last'): CharSet => endMemo[end](s);

function endsOf(s: Shape, end: 'first' | 'last'): CharSet {
  let out: CharSet = NONE;
  switch (s.t) {
    case 'set': out = s.set; break;
    case 'empty': case 'look': out = NONE; break;
    case 'rep': out = ends(s.item, end); break;
    case 'alt': out = s.items.reduce((a, x) => a.union(ends(x, end)), NONE); break;
    case 'seq': {
      const items = end === 'first' ? s.items : [...s.items].reverse();
      const k = items.findIndex((x) => !edgesOf(x).nullable);
      out = (k < 0 ? items : items.slice(0, k + 1)).reduce((a, x) => a.union(ends(x, end)), NONE);
    }
  }
  return out;
}

