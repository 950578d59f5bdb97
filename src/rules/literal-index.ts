import { neededLiterals } from './regex-literals.js';
import type { ParsedRegex } from './regex-syntax.js';
import { NON_ASCII } from '../common/char-gates.js';

// A page path new to the plan was tested against every blocked-path rule in turn: ~150 bundled
// patterns at ~70 ns a call, 24% of the engine's time on a first visit. Most patterns need some
// literal text (`refill`, `portal`, `pay-bill`...), so a path lacking all of a pattern's needed
// strings cannot match it. Each needed string is represented by one of its three-letter windows
// (a string in the text has all its windows in it); one pass over the text's windows marks the
// patterns that may match, and only those are tested, in their order. A needed string with a
// character beyond ASCII and no ASCII window (`пациент`, `予約`) is represented by "the text has a
// character beyond ASCII": under a non-unicode pattern such a character matches only itself or its
// other case, never an ASCII one. Patterns with a shorter needed string are always tested.

// Letters in decreasing frequency in English: a window of rarer letters marks fewer patterns.
const COMMON = 'etaoinsrhldcumfpgwybvkxjqz';
const rarity = (code: number): number => {
  const k = COMMON.indexOf(String.fromCharCode(code));
  return k < 0 ? (code >= 48 && code <= 57 ? 20 : 0) : k;
};

const gramKey = (a: number, b: number, c: number): number => (a << 14) | (b << 7) | c;
/** The key of texts with a character beyond ASCII (no window has it: windows are < 2^21). */
const NON_ASCII_KEY = -1;
const FILTER_BITS = 1 << 14;
/** A window key's bit in the filter: the top 14 bits of a multiplicative hash (Fibonacci hashing). */
const filterSlot = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 18;

/** The rarest window of three ASCII characters of a needed string, else NON_ASCII_KEY when it has a character beyond ASCII, else undefined. */
function windowOf(s: string): number | undefined {
  let best: number | undefined;
  let bestScore = -1;
  for (let i = 0; i + 3 <= s.length; i++) {
    const [a, b, c] = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)];
    if (a >= 128 || b >= 128 || c >= 128) continue;
    const score = rarity(a) + rarity(b) + rarity(c);
    if (score > bestScore) { bestScore = score; best = gramKey(a, b, c); }
  }
  return best ?? (NON_ASCII.test(s) ? NON_ASCII_KEY : undefined);
}

// A pattern's windows, read once per RegExp object: the loose-rule index of titles (title-verdicts.ts)
// indexes a subset of the blocked-path rules' own patterns.
const windowsOfPattern = new WeakMap<RegExp, readonly number[] | null>();
function patternWindows(re: RegExp): readonly number[] | null {
  let windows = windowsOfPattern.get(re);
  if (windows === undefined) {
    windows = windowsOf(re);
    windowsOfPattern.set(re, windows);
  }
  return windows;
}

function windowsOf(re: RegExp, parsed?: ParsedRegex): readonly number[] | null {
  const list = neededLiterals(re, parsed)?.map(windowOf);
  return list === undefined || list.some((w) => w === undefined) ? null : [...new Set(list as number[])];
}

/**
 * Remembers `re`'s windows from its source's parse, which the compiler's backtracking checks read
 * (regex-checks.ts): the index then does not parse it again. Windows, not the parse, are kept: a
 * few numbers per pattern for the plan's lifetime.
 */
export function rememberWindows(re: RegExp, parsed: ParsedRegex): void {
  if (!windowsOfPattern.has(re)) windowsOfPattern.set(re, windowsOf(re, parsed));
}

/** Patterns (in order) indexed by the windows of their needed literals. */
export class LiteralIndex {
  private readonly grams = new Map<number, number[]>();
  /**
   * A one-hash filter of the window keys in `grams`: most of a text's windows index no pattern, and
   * a bit test per character is cheaper than a Map probe per character (firstMatch was the
   * first-visit profile's largest self time). 2^14 bits (2 KB, in the L1 cache beside the marks):
   * a few hundred keys leave a window that indexes nothing a ~3% chance of a probe.
   */
  private readonly bits = new Int32Array(FILTER_BITS >>> 5);
  /** 1 for the patterns always tested; copied into `marks` for each text. */
  private readonly base: Uint8Array;
  private readonly marks: Uint8Array;
  readonly alwaysTested: number;

  constructor(private readonly patterns: readonly RegExp[]) {
    this.base = new Uint8Array(patterns.length);
    this.marks = new Uint8Array(patterns.length);
    patterns.forEach((re, i) => {
      const windows = patternWindows(re);
      if (windows === null) { this.base[i] = 1; return; }
      for (const w of windows) {
        const list = this.grams.get(w);
        if (list === undefined) this.grams.set(w, [i]); else list.push(i);
        if (w >= 0) { const slot = filterSlot(w); this.bits[slot >>> 5] |= 1 << (slot & 31); }
      }
    });
    this.alwaysTested = this.base.reduce((n, b) => n + b, 0);
  }

  /** The index of the first pattern (in order) that matches `text`, or -1: the same answer as testing each in turn. */
  firstMatch(text: string): number {
    const marks = this.marks;
    marks.set(this.base);
    this.markWindows(text, marks);
    for (let i = 0; i < marks.length; i++) if (marks[i] === 1 && this.patterns[i].test(text)) return i;
    return -1;
  }

  /** For each pattern, whether it may match every one of `texts` (each holds one of its needed strings' windows); false means it matches not all. */
  mayMatchEvery(texts: readonly string[]): boolean[] {
    const every = Array.from(this.base, () => true);
    for (const text of texts) {
      this.marks.set(this.base);
      this.markWindows(text, this.marks);
      this.marks.forEach((m, i) => { if (m !== 1) every[i] = false; });
    }
    return every;
  }

  /** Marks the patterns one of whose windows occurs in the text (ASCII letters lower-cased). */
  private markWindows(text: string, marks: Uint8Array): void {
    let a = 128;
    let b = 128;
    let nonAscii = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 128) nonAscii = true;
      if (a < 128 && b < 128 && c < 128) {
        const key = gramKey(a, b, c);
        const slot = filterSlot(key);
        const list = (this.bits[slot >>> 5] & (1 << (slot & 31))) === 0 ? undefined : this.grams.get(key);
        if (list !== undefined) for (const p of list) marks[p] = 1;
      }
      a = b;
      b = c;
    }
    const list = nonAscii ? this.grams.get(NON_ASCII_KEY) : undefined;
    if (list !== undefined) for (const p of list) marks[p] = 1;
  }
}
