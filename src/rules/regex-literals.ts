import { parseRegex, type ClassItem, type ParsedRegex, type Syntax } from './regex-syntax.js';

// Which literal text a regular expression needs: a set of strings, one of which occurs in every
// string the expression matches (lower-cased, for case-insensitive use). literal-index.ts uses it
// to skip, for a given text, the patterns that cannot match it. The analysis is conservative:
// any syntax it does not model (the reader read it leniently, regex-syntax.ts) makes the whole
// pattern "needs nothing" (always tested), so a pattern is skipped only when the text lacks every
// one of its needed strings.

/** Bounds that keep the expansion of alternations and classes small. */
const MAX_EXACT = 64;
const MAX_CLASS = 16;

const lower = (code: number): string => String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);

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

function infoSeq(items: readonly Syntax[]): Info {
  // Adjacent exact parts are joined while few; a part too many to join starts over, and the
  // sequence then needs the best of the need sets met along the way.
  let acc: Info = { exact: [''] };
  let best: readonly string[] | undefined;
  let split = false;
  for (const item of items) {
    const next = info(item);
    if (acc.exact && next.exact && acc.exact.length * next.exact.length <= MAX_EXACT) {
      acc = { exact: joined(acc.exact, next.exact) };
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

/** Each of `heads` followed by each of `tails`, once each, in that order. */
function joined(heads: readonly string[], tails: readonly string[]): readonly string[] {
  // One string each (a run of plain characters, the common case): no Set to build.
  if (heads.length === 1 && tails.length === 1) return [heads[0] + tails[0]];
  const out = new Set<string>();
  for (const a of heads) for (const b of tails) out.add(a + b);
  return [...out];
}

function infoAlt(items: readonly Syntax[]): Info {
  const infos = items.map(info);
  if (infos.every((x) => x.exact)) {
    const all = [...new Set(infos.flatMap((x) => x.exact!))];
    if (all.length <= MAX_EXACT) return { exact: all };
  }
  const needs = infos.map(needsOf);
  if (needs.some((n) => n === undefined)) return NONE;
  return { needs: [...new Set(needs.flatMap((n) => n!))] };
}

function infoRep(item: Syntax, min: number, max: number): Info {
  const x = info(item);
  if (min === 1 && max === 1) return x;
  if (min === 0) return max === 1 && x.exact && x.exact.length < MAX_EXACT ? { exact: [...new Set(['', ...x.exact])] } : NONE;
  // At least one occurrence: what the item needs, the repetition needs.
  const needs = needsOf(x);
  return needs ? { needs } : NONE;
}

function info(node: Syntax): Info {
  switch (node.t) {
    case 'char': return { exact: [lower(node.code)] };
    case 'class': return infoClass(node.items, node.negated);
    // A class escape, `.`, or a backreference (what a group matched): anything, as far as literals go.
    case 'dot': case 'escape': case 'any': case 'backref': return NONE;
    // Lookarounds match no text of their own (their needs are not counted).
    case 'empty': case 'look': return { exact: [''] };
    case 'seq': return infoSeq(node.items);
    case 'alt': return infoAlt(node.items);
    case 'rep': return infoRep(node.item, node.min, node.max);
  }
}

/** A class of a few characters is the exact strings they spell; a wide or negated one, anything. */
function infoClass(items: readonly ClassItem[], negated: boolean): Info {
  if (negated) return NONE;
  const chars = new Set<string>();
  for (const m of items) {
    if (m.t === 'char') chars.add(lower(m.code));
    else if (m.t !== 'range' || m.to - m.from >= MAX_CLASS) return NONE;
    else for (let k = m.from; k <= m.to; k++) chars.add(lower(k));
  }
  return chars.size > MAX_CLASS || chars.size === 0 ? NONE : { exact: [...chars] };
}

/**
 * Strings (ASCII letters lower-cased) one of which every match of `re` contains, or undefined when
 * the pattern needs no literal or uses syntax not modelled here. Flags that change what a letter
 * matches beyond ASCII case (`u`, `v`) or make `test` stateful (`g`, `y`) give undefined too.
 */
export function neededLiterals(re: RegExp, parsed?: ParsedRegex): readonly string[] | undefined {
  if (/[uvgy]/.test(re.flags)) return undefined;
  // `parsed`: re.source already parsed by the caller (regex-checks.ts), not read again.
  const { tree, strict } = parsed ?? parseRegex(re.source);
  return strict ? needsOf(info(tree)) : undefined;
}
