import { CharSet, consumed, forgetShapes, memoByShape, readShape, type Shape } from './regex-shape.js';

// An operator's own pattern (blocked_paths / blocked_hosts `regex:`) runs on every page an event
// names. V8 backtracks: a repeated part that can consume the same text in more than one way
// (`([a-z]+)+$`, `(\w|\d)*$`, `(.*,)*`) tries exponentially many splits of a text it does not
// match, and one event held the event loop for over a minute. Such patterns are refused when the
// rules compile, naming the part. The test is structural and errs towards refusing: a repetition
// (at most > 1) is ambiguous when
//   - its body can match the empty text and holds a variable repetition (`(a*b*)*`), or
//   - a variable repetition inside its body consumes a character the body can both start and end
//     with, so one run of such characters splits across iterations in many ways (`(a+)+`,
//     `(\w+\s?)+`, `(/.*)*`), while `(/[a-z]+)+` and `([a-z]+/)+` have one split only, or
//   - an alternation in its body has two branches that can start with the same character
//     (`(a|ab)+`, `(\w|\d)+`).
// Polynomial cost (`.*.*x` reads a text of n characters in n^2 steps) is not refused: paths and
// hosts are short enough for it (see the README's Configuration notes).

interface Info {
  readonly nullable: boolean;
  readonly first: CharSet;
  readonly last: CharSet;
  /** Characters consumed by a variable-count repetition somewhere inside (outside lookarounds). */
  readonly loops: CharSet;
  readonly hasLoop: boolean;
}

const NONE = (): CharSet => new CharSet();
/** No loops: one shared value (infos are never changed), which `joinLoops` passes over. */
const NO_LOOPS = NONE();
const EMPTY_INFO: Info = { nullable: true, first: NONE(), last: NONE(), loops: NO_LOOPS, hasLoop: false };
/** The union, without a new set per character of a sequence when one side has no loops. */
const joinLoops = (a: CharSet, b: CharSet): CharSet => (b === NO_LOOPS ? a : a === NO_LOOPS ? b : a.union(b));

/** Why the pattern can backtrack catastrophically (naming the part), or undefined when it cannot. */
export function backtrackingProblem(source: string, flags: string): string | undefined {
  try {
    return backtrackingProblemOf(readShape(source, flags.includes('i')), source);
  } finally { forgetShapes(); }
}

/** backtrackingProblem of a shape already read (the caller forgets the shapes: see forgetShapes). */
export function backtrackingProblemOf(shape: Shape, source: string): string | undefined {
  const found: string[] = [];
  walk(shape, (rep) => {
    const why = repProblem(rep);
    if (why) found.push(`"${source.slice(rep.from, rep.to)}" ${why}`);
  });
  return found[0];
}

type Rep = Extract<Shape, { t: 'rep' }>;

function walk(s: Shape, visit: (rep: Rep) => void): void {
  switch (s.t) {
    case 'rep': visit(s); walk(s.item, visit); break;
    case 'look': walk(s.body, visit); break;
    case 'seq': case 'alt': for (const x of s.items) walk(x, visit); break;
    default: break;
  }
}

function repProblem(rep: Rep): string | undefined {
  if (rep.max <= 1) return undefined;
  const body = info(rep.item);
  if (body.nullable && body.hasLoop) return 'repeats a part that can match empty text and itself repeats';
  if (!body.loops.intersect(body.first).intersect(body.last).empty) return 'repeats a part whose own repetition can take the characters the next round starts with (nested quantifiers)';
  if (ambiguousAlternation(rep.item, body.first)) return 'repeats a choice whose alternatives can start with the same character';
  return undefined;
}

/**
 * An alternation in the body (not inside a nested repetition, which is checked itself) with two
 * branches that can match the same text, or where a shorter branch's match and what may follow it
 * (the rest of the body, then the next round) spell a longer branch's: `(a|ab|b)+` reads "ab" two
 * ways, `((de|del)-)+` one way only. A branch too varied to spell out counts as ambiguous when its
 * first characters meet another branch's.
 */
function ambiguousAlternation(s: Shape, follow: CharSet): boolean {
  switch (s.t) {
    case 'alt': return branchesOverlap(s.items, follow) || s.items.some((x) => ambiguousAlternation(x, follow));
    case 'seq': return s.items.some((x, i) => ambiguousAlternation(x, followOf(s.items.slice(i + 1), follow)));
    case 'rep': return s.max <= 1 && ambiguousAlternation(s.item, follow);
    default: return false;
  }
}

function followOf(rest: readonly Shape[], outer: CharSet): CharSet {
  const after = rest.map(info).reduce(sequence, EMPTY_INFO);
  return after.nullable ? after.first.union(outer) : after.first;
}

function branchesOverlap(branches: readonly Shape[], follow: CharSet): boolean {
  const spelled = branches.map((b) => spell(b));
  for (let a = 0; a < branches.length; a++) {
    for (let b = a + 1; b < branches.length; b++) {
      const [x, y] = [spelled[a], spelled[b]];
      if (x === undefined || y === undefined) { if (!info(branches[a]).first.intersect(info(branches[b]).first).empty) return true; continue; }
      if (x.some((p) => y.some((q) => spellsAlike(p, q, follow)))) return true;
    }
  }
  return false;
}

/** Whether one text can be read as both spellings (the shorter one followed by `follow`). */
function spellsAlike(p: readonly CharSet[], q: readonly CharSet[], follow: CharSet): boolean {
  const [short, long] = p.length <= q.length ? [p, q] : [q, p];
  if (short.some((c, i) => c.intersect(long[i]).empty)) return false;
  return short.length === long.length || !long[short.length].intersect(follow).empty;
}

const MAX_SPELLINGS = 64;
/** A part's texts as sequences of character sets, or undefined when it repeats or has too many. */
function spell(s: Shape): CharSet[][] | undefined {
  switch (s.t) {
    case 'set': return [[s.set]];
    case 'empty': case 'look': return [[]];
    case 'alt': { const all = s.items.map(spell); return all.every((x) => x) && all.flat().length <= MAX_SPELLINGS ? all.flat() as CharSet[][] : undefined; }
    case 'seq': return s.items.reduce<CharSet[][] | undefined>((acc, item) => {
      const next = spell(item);
      return acc && next && acc.length * next.length <= MAX_SPELLINGS ? acc.flatMap((a) => next.map((n) => [...a, ...n])) : undefined;
    }, [[]]);
    case 'rep': { const one = spell(s.item); return s.min === 0 && s.max === 1 && one && one.length < MAX_SPELLINGS ? [[], ...one] : s.min === 1 && s.max === 1 ? one : undefined; }
  }
}

const info = memoByShape((s) => compute(s));

function compute(s: Shape): Info {
  switch (s.t) {
    case 'set': return { nullable: false, first: s.set, last: s.set, loops: NO_LOOPS, hasLoop: false };
    case 'empty': case 'look': return EMPTY_INFO;
    case 'alt': return s.items.map(info).reduce((a, b) => ({
      nullable: a.nullable || b.nullable, first: a.first.union(b.first), last: a.last.union(b.last), loops: joinLoops(a.loops, b.loops), hasLoop: a.hasLoop || b.hasLoop,
    }));
    case 'seq': return s.items.map(info).reduce(sequence, EMPTY_INFO);
    case 'rep': {
      const x = info(s.item);
      const variable = s.max > s.min;
      return {
        nullable: s.min === 0 || x.nullable, first: x.first, last: x.last,
        loops: variable ? x.loops.union(consumed(s.item)) : x.loops, hasLoop: variable || x.hasLoop,
      };
    }
  }
}

function sequence(a: Info, b: Info): Info {
  return {
    nullable: a.nullable && b.nullable,
    first: a.nullable ? a.first.union(b.first) : a.first,
    last: b.nullable ? b.last.union(a.last) : b.last,
    loops: joinLoops(a.loops, b.loops),
    hasLoop: a.hasLoop || b.hasLoop,
  };
}

