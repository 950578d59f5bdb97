import { NON_ASCII } from '../common/char-gates.js';

// The sensitive-terms test runs on every distinct string of an event for destinations without a
// BAA. As a flat alternation of ~90 words, the regex engine tries each word at each position; as
// a trie (`ca(?:ncer)|ch(?:emo)|...`) it follows one branch per letter, about a third faster.
// Same matches: `test` only asks whether some word starts at some position after a non-letter,
// so the order of alternatives does not matter, and a word that extends another (`chemotherapy`
// after `chemo`) can never match where the shorter one does not.

const SPECIAL = /[.+?^${}()|[\]\\*]/;
const SEPARATOR = /[\s_-]/;
/** A run of separators in a term matches any run (or none) in the text. */
const ANY_SEPARATORS = '[\\s_-]*';
// A `+` in a term is a separator the text must have (`retin+a~`: `Retin-A`, `retin a`, not `retina`; `treat+ed~`: not
// `treated`), for a word that run together is another word. No bundled term had a `+`; separators beside it join it.
const REQUIRED = '+';
const SOME_SEPARATORS = '[\\s_-]+';
const isSeparator = (c: string): boolean => c === REQUIRED || SEPARATOR.test(c);

/** A term as regex tokens: one per character (escaped), one per run of separators (required when it has a `+`). */
function tokens(term: string): string[] {
  const t = term.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < t.length;) {
    if (isSeparator(t[i])) {
      const start = i;
      while (i < t.length && isSeparator(t[i])) i++;
      out.push(t.slice(start, i).includes(REQUIRED) ? SOME_SEPARATORS : ANY_SEPARATORS);
    } else {
      out.push(SPECIAL.test(t[i]) ? `\\${t[i]}` : t[i]);
      i++;
    }
  }
  return out;
}

/** The alternation of the token sequences, factored by common prefixes ('' when one is empty). */
function trie(words: readonly (readonly string[])[]): string {
  return trieBranches(words).join('|');
}

/**
 * The branches of the trie, one per first token. A rest that is one branch is written straight after its
 * token (`cancer`, not `c(?:a(?:n(?:c(?:e(?:r)))))`): a group is needed only around an alternation, and each
 * group cost five characters per letter, most of the source (V8's 20 KB limit, see compileTerms).
 */
function trieBranches(words: readonly (readonly string[])[]): string[] {
  const next = new Map<string, string[][]>();
  for (const w of words) {
    // An empty rest matches here already: longer words add nothing.
    if (w.length === 0) return [''];
    const rests = next.get(w[0]) ?? [];
    rests.push(w.slice(1));
    next.set(w[0], rests);
  }
  const branches: string[] = [];
  for (const [first, rests] of next) {
    const rest = trieBranches(rests);
    branches.push(rest.length === 1 ? first + rest[0] : `${first}(?:${rest.join('|')})`);
  }
  return branches;
}

// Terms in other scripts (`онколог`, `癌`, `임신`) are one shared branch `(?=[^\x00-\x7f])(?:…)` of the pieces: the
// test runs on every string sent to a destination without a BAA, mostly ASCII, and a branch per first letter of
// every script cost each of them about 3%; behind the look ahead they cost an ASCII string one failed check per
// non-letter. Same matches: without the `u` flag, case folding never maps a non-ASCII character to an ASCII one,
// so a term starting with one can only match where the text has one. H160: when they would add a piece that
// every string scans, they go to pieces of their own, tested only on a string with a non-ASCII character. That
// check is one more scan of an ASCII string (callgrind: about 600 instructions a string on the shared corpus,
// +20%), and a piece is a scan of every string too: it is used only when it saves one (the bundled terms: two
// pieces either way, 10.1 + 9.7 KB with the other scripts' 3.7 KB inside).
const NON_ASCII_FIRST = /^[^\x00-\x7f]/;

// A term written `=prep` names a condition only as a whole value (`service_line: "PrEP"`): as a word
// start, `prep` would also take `prepare-for-your-visit` and `meal-prep`. It joins the trie like the
// others, ending with a look ahead (only separators up to the string's end) and then a look back (only
// separators from the string's start): both run only where the whole word has matched, and no
// alternative is tried at every position.
const WHOLE_VALUE = '=';
const TO_END = '(?=[\\s_-]*$)';

// A term written `/bh` names a condition only as a whole path segment (`/bh/`, `/services/sud`,
// `/mat`): a program's short code, which inside a longer segment is another word (`/about/bh-board`,
// `/hopital-sud`, `/mattress`) and as a whole value is left to `=term`. Same shape as `=term`: the
// word, then a look ahead (the segment ends) and a look back (a `/` right before the word).
const SEGMENT = '/';
const SEGMENT_END = '(?=/|$)';

// A term written `hiv~` is an abbreviation read as a whole word: a letter right after it makes another
// word (`hivemind`, `hives`, the French `hiver`, `stdout`, the Swedish `sidan`). A plural `s` and a care
// word run on to it still name it (`/stds`, `/hivtesting`, `hivcare`, `stdclinic`). One check at the
// word's end, once for all of them.
const WHOLE_WORD = '~';
const WORD_END = '(?:s?(?![a-z])|test|care|clinic|aids|prevent|treat|screen|servic|program|prep|pep|posit|med|drug|kit|symptom|vaccin|counsel)';

/** A term's tokens; a whole-value term's anchored to the string's start and end, a segment term's to `/`s, a whole word's end checked. */
function termTokens(term: string): string[] {
  if (term.length < 2) return tokens(term);
  if (term.startsWith(SEGMENT)) {
    const t = tokens(term.slice(1));
    return t.length === 0 ? t : [...t, SEGMENT_END, `(?<=/${t.join('')})`];
  }
  if (!term.startsWith(WHOLE_VALUE)) return tokens(term);
  const t = tokens(term.slice(1));
  return t.length === 0 ? t : [...t, TO_END, `(?<=^[\\s_-]*${t.join('')})`];
}

// V8 stops optimizing a regex whose source passes 20 KB (kRegExpTooLargeToOptimize): every string tested then
// takes ten times as long (0.12 us a string under it, 2.1-2.8 us over it). The terms are therefore compiled into
// pieces, each a trie of a run of the terms sorted by their tokens (neighbours share prefixes), cut before its
// source would pass PIECE_BUDGET: half the limit, so a piece has room to grow and the list grows by adding pieces.
// Same matches: `test` asks whether some alternative matches somewhere, and each alternative sits in exactly one piece.
export const PIECE_BUDGET = 10 * 1024;
/**
 * The compiled sensitive-terms test: true when any piece matches. The pieces of terms in other scripts, when they
 * have their own (see NON_ASCII_FIRST), are tested only on a string with a non-ASCII character.
 */
export class TermTest {
  /** Every piece, the other scripts' last (tests check each against the budget). */
  readonly pieces: readonly RegExp[];
  /** The one ASCII piece, when there is one (the loop below cost a few percent on the per-string test). */
  private readonly only: RegExp | undefined;

  constructor(private readonly ascii: readonly RegExp[], private readonly otherScripts: readonly RegExp[] = []) {
    this.pieces = [...ascii, ...otherScripts];
    this.only = ascii.length === 1 ? ascii[0] : undefined;
  }

  test(value: string): boolean {
    if (this.only !== undefined ? this.only.test(value) : this.ascii.some((re) => re.test(value))) return true;
    return this.otherScripts.length > 0 && NON_ASCII.test(value) && this.otherScripts.some((re) => re.test(value));
  }
}

const piece = (words: readonly (readonly string[])[]): string => `(?:^|[^a-z])(?:${trie(words)})`;

// A piece's size as V8 keeps its source: `/` (in `/term` segment terms' checks) is written `\/` there, one
// character more each, which the budget must count (the pieces were measured by `RegExp#source`).
const sourceLength = (pattern: string): number => new RegExp(pattern).source.length;

// The shared-check branches (`(?:…)` whole words, `(?=[^\x00-\x7f])` other scripts) go after the letters': a
// regex tries its branches in order at every position, and these two fail there for most text (ASCII words).
const lettersFirst = (a: string, b: string): number => (a.startsWith('(') !== b.startsWith('(') ? (a.startsWith('(') ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0);

const PIECE_OVERHEAD = piece([['x']]).length - 1;

const byTokens = (a: readonly string[], b: readonly string[]): number => {
  const x = a.join('\0'), y = b.join('\0');
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Runs of the words whose pieces stay under the budget, each the longest that fits, found by halving. Sorted
 * by tokens, a word never comes before one it extends, so a run's piece never shrinks when the next word joins
 * (a word that a run's word extends would cut that word's branch short).
 */
function splitRuns(words: readonly (readonly string[])[], budget: number): (readonly string[])[][] {
  const sorted = [...words].sort(byTokens);
  const out: (readonly string[])[][] = [];
  for (let start = 0; start < sorted.length;) {
    let lo = start + 1, hi = sorted.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (sourceLength(piece(sorted.slice(start, mid))) <= budget) lo = mid; else hi = mid - 1;
    }
    out.push(sorted.slice(start, lo));
    start = lo;
  }
  return out;
}

/**
 * The words in runs whose pieces stay under the budget. A trie's top level is one branch per first token,
 * joined by `|`: the words go by first token (in token order, neighbours share prefixes), each branch built
 * once, and whole branches are packed while the sum of their lengths fits. A branch alone over the budget is
 * split by halving.
 */
function chunks(words: readonly (readonly string[])[], budget: number): (readonly string[])[][] {
  // An empty word matches after any non-letter: one piece says so (trie() gives '' for it).
  if (words.some((w) => w.length === 0)) return [[...words]];
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const w of words) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w]);
  const out: (readonly string[])[][] = [];
  let run: (readonly string[])[] = [], size = PIECE_OVERHEAD;
  for (const first of [...byFirst.keys()].sort(lettersFirst)) {
    const group = byFirst.get(first) ?? [];
    const len = sourceLength(trie(group)) + 1;
    if (PIECE_OVERHEAD + len > budget) { out.push(...splitRuns(group, budget)); continue; }
    if (run.length > 0 && size + len > budget) { out.push(run); run = []; size = PIECE_OVERHEAD; }
    run.push(...group);
    size += len;
  }
  if (run.length > 0) out.push(run);
  return out;
}

// A shared word that a longer one extends (`sma-type-i~`, `sma-type-ii~`) must not cut the longer one off, as the
// trie does for plain words (an empty rest matches already), when a check follows the run: it fails where the shorter word
// ends (`sma type ii`) and holds where the longer one does. Each word ends with a mark, so none is another's
// prefix (`i(?:\0|i\0)`), and the marks are removed from the source (`i(?:|i)`): the regex backtracks into the longer.
const END_MARK = '\u0000';

/**
 * Words sharing one check, each run of them (under the budget) as one word: `(?:run)` between `before` and `after`.
 * One alternative each, so a run stays in one piece.
 */
function sharing(words: readonly (readonly string[])[], before: string, after: string, budget: number): string[][] {
  const room = budget - before.length - after.length - 4;
  const marked = after === '' ? words : words.map((w) => [...w, END_MARK]);
  return words.length === 0 ? [] : chunks(marked, room).map((run) => [`${before}(?:${trie(run).split(END_MARK).join('')})${after}`]);
}

// H168: a term with marks is also read with its marks apart (NFD: `chạy-thận` as `cha\u0323y-tha\u0302\u0323n`), as macOS,
// some editors and keyboards write them; the pages were read composed already, event names and properties were not. The
// decomposed spelling is another word of the trie, which shares its letters up to the first mark: compiled once, where a
// normalize() of every string tested was another scan of each (H160: about 20% of the test on the shared corpus).
const withDecomposed = (terms: readonly string[]): string[] =>
  terms.flatMap((t) => { const d = t.normalize('NFD'); return d === t ? [t] : [t, d]; });

/**
 * A case-insensitive test for any of the terms starting a word (or, for `=term`, being the whole
 * value, separators around it aside; for `/term`, being a whole path segment; for `term~`, being a
 * whole word or run on to a care word), or undefined for none. `budget`: a piece's source length at most
 * (tests pass a small one to check that pieces answer what one regex answers).
 */
export function compileTerms(written: readonly string[], budget = PIECE_BUDGET): TermTest | undefined {
  if (!written.length) return undefined;
  const terms = withDecomposed(written);
  const isOther = (w: readonly string[]): boolean => w.length > 0 && NON_ASCII_FIRST.test(w[0]);
  const words = terms.filter((t) => !t.endsWith(WHOLE_WORD)).map(termTokens);
  // Whole words share one end check, written once.
  const whole = terms.filter((t) => t.endsWith(WHOLE_WORD) && t.length > 1).map((t) => tokens(t.slice(0, -1)));
  const ascii = [...words.filter((w) => !isOther(w)), ...sharing(whole, '', WORD_END, budget)];
  const compiled = (ws: readonly (readonly string[])[]): RegExp[] => (ws.length === 0 ? [] : chunks(ws, budget).map((run) => new RegExp(piece(run), 'i')));
  const other = words.filter(isOther);
  const shared = compiled([...ascii, ...sharing(other, '(?=[^\\x00-\\x7f])', '', budget)]);
  const apart = compiled(ascii);
  return apart.length < shared.length ? new TermTest(apart, compiled(other)) : new TermTest(shared);
}
