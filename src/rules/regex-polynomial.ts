import { CharSet, consumed, memoByShape, readShape, type Shape } from './regex-shape.js';

// The polynomial half of the backtracking check (regex-safety.ts refuses the exponential one). Two
// unbounded repetitions that meet with only optional parts between them (`\s*\s*x`, `.*.*=.*`,
// `a+(b)?a+`, `(x\s*)*\s*y`) can split one run of characters both can read in as many ways as the
// run is long: on a text that does not match, V8 tries every split, from every start position, so
// the cost grows with the square (three such parts: the cube) of the text's length. The test is
// structural and errs towards refusing: it asks only whether the characters one repetition can read
// last and the next one can read first meet. Repetitions with a bound (`?`, `{1,3}`) split a run in a
// bounded number of ways and are not counted; parts separated by a required character (`.*=.*`,
// `[^/]*[0-9][^/]*`) are not refused either: a text can hold that character only so often.

type Rep = Extract<Shape, { t: 'rep' }>;

/**
 * Of a part: whether it can match empty text, and the unbounded repetitions that can start (head) or end (tail) its match, each with the characters it reads
 * and those it can read at that end.
 */
interface Edges { readonly nullable: boolean; readonly head: readonly Edge[]; readonly tail: readonly Edge[] }
interface Edge { readonly rep: Rep; readonly reads: CharSet; readonly end: CharSet }

const NONE = new CharSet();
const NOTHING: Edges = { nullable: true, head: [], tail: [] };

/** Why the pattern can take polynomial time (naming the two parts), or undefined when it cannot this way. */
export function polynomialProblem(source: string, flags: string): string | undefined {
  const found: string[] = [];
  visit(readShape(source, flags.includes('i')), (a, b) => {
    found.push(`"${source.slice(a.from, a.to)}" and "${source.slice(b.from, b.to)}" can both read the same run of characters, one after the other`);
  });
  return found[0];
}

function visit(s: Shape, report: (a: Rep, b: Rep) => void): void {
  switch (s.t) {
    case 'rep': visit(s.item, report); break;
    case 'look': visit(s.body, report); break;
    case 'alt': for (const x of s.items) visit(x, report); break;
    case 'seq': checkSequence(s.items, report); for (const x of s.items) visit(x, report); break;
    default: break;
  }
}

/** Each item's tail against the heads of the items that can follow it with only optional parts between. */
function checkSequence(items: readonly Shape[], report: (a: Rep, b: Rep) => void): void {
  const edges = items.map(edgesOf);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      for (const a of edges[i].tail) for (const b of edges[j].head) if (meet(a, b)) { report(a.rep, b.rep); return; }
      if (!edges[j].nullable) break;
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
    case 'set': return { nullable: false, head: [], tail: [] };
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

const endMemo = { first: new WeakMap<Shape, CharSet>(), last: new WeakMap<Shape, CharSet>() };
/** The characters a part's match can start (first) or end (last) with: asked of repeated parts only. */
function ends(s: Shape, end: 'first' | 'last'): CharSet {
  let out = endMemo[end].get(s);
  if (out) return out;
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
  endMemo[end].set(s, out);
  return out;
}

